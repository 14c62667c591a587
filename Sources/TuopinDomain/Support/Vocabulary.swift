import Foundation
/// A closed vocabulary of the registry: an enum whose raw value is the official Chinese term.
///
/// The raw value is what is stored and exported; `aliases` lists other spellings the
/// readers accept (older names, English keys).
public protocol Vocabulary: CaseIterable, RawRepresentable, Hashable, Sendable, Codable where RawValue == String {
    /// Other accepted spellings, mapped to their case.
    static var aliases: [String: Self] { get }
}

extension Vocabulary {
    public static var aliases: [String: Self] { [:] }

    /// Reads an official term or one of its aliases; surrounding white space is ignored.
    @inlinable
    public static func parse(_ text: String) -> Self? {
        let trimmed = text.trimmedCell
        if let value = Self(rawValue: trimmed) { return value }
        return aliases[trimmed]
    }

    /// The official terms, for messages listing what is allowed.
    public static var allowedList: String {
        allCases.map(\.rawValue).joined(separator: "、")
    }
}

import Foundation

extension String {
    /// The text without surrounding white space (ASCII, full-width and other Unicode spaces).
    /// Returns the string untouched in the common case: Foundation's trimming is costly when run on
    /// every cell of a large file.
    public var trimmedCell: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        guard first.properties.isWhitespace || last.properties.isWhitespace else { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

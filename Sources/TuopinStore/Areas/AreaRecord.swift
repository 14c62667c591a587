import FluentKit
import TuopinDomain

/// An area row: `areas`, keyed by the 12-digit code.
public final class AreaRecord: Model, @unchecked Sendable {
    public static let schema = "areas"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @OptionalField(key: "parent_code") public var parentCode: String?
    @Field(key: "level") public var level: Int
    @Field(key: "name") public var name: String

    public init() {}

    public init(_ area: Area) {
        id = area.code.value
        parentCode = area.parentCode?.value
        level = area.level.rawValue
        name = area.name
    }

    public var area: Area? {
        guard let code = id.flatMap(AreaCode.init) else { return nil }
        return Area(code: code, name: name)
    }
}

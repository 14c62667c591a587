import FluentKit
import Foundation

/// One load of a registry file: `import_batches`. Rows it wrote carry its ID.
public final class ImportBatchRecord: Model, @unchecked Sendable {
    public static let schema = "import_batches"

    @ID(custom: "id", generatedBy: .database) public var id: Int64?
    @Field(key: "file_name") public var fileName: String
    @OptionalField(key: "county_code") public var countyCode: String?
    @Field(key: "started_at") public var startedAt: Date
    @Field(key: "households") public var households: Int
    @Field(key: "members") public var members: Int
    @Field(key: "warnings") public var warnings: Int
    @Field(key: "actor") public var actor: String

    public init() {}
}

import FluentKit

/// A member row: `members`, unique by ID number across the registry.
public final class MemberRecord: Model, @unchecked Sendable {
    public static let schema = "members"

    @ID(custom: "id", generatedBy: .database) public var id: Int64?
    @Field(key: "household_id") public var householdID: Int64
    @Field(key: "position") public var position: Int
    @Field(key: "id_number") public var idNumber: String
    @OptionalField(key: "disability_suffix") public var disabilitySuffix: String?
    @Field(key: "name") public var name: String
    @Field(key: "sex") public var sex: String
    @Field(key: "birth_date") public var birthDate: String
    @Field(key: "relation") public var relation: String
    @OptionalField(key: "ethnicity") public var ethnicity: String?
    @OptionalField(key: "education") public var education: String?
    @OptionalField(key: "schooling") public var schooling: String?
    @OptionalField(key: "education_exempt") public var educationExempt: Bool?
    @OptionalField(key: "health") public var health: String?
    @OptionalField(key: "labour") public var labour: String?
    @OptionalField(key: "work_place") public var workPlace: String?
    @OptionalField(key: "work_months") public var workMonths: Int?
    @OptionalField(key: "medical_insurance") public var medicalInsurance: Bool?
    @OptionalField(key: "pension_insurance") public var pensionInsurance: Bool?
    @OptionalField(key: "import_id") public var importID: Int64?

    public init() {}
}

import FluentKit
import Foundation

/// A household row: `households`. Codes and vocabularies are stored as their official strings.
public final class HouseholdRecord: Model, @unchecked Sendable {
    public static let schema = "households"

    @ID(custom: "id", generatedBy: .database) public var id: Int64?
    @Field(key: "county_code") public var countyCode: String
    @Field(key: "household_no") public var number: String
    @Field(key: "village_code") public var villageCode: String
    @Field(key: "status") public var status: String
    @Field(key: "household_type") public var type: String
    @Field(key: "identification_standard") public var standard: String
    @Field(key: "main_cause") public var mainCause: String
    @Field(key: "other_causes") public var otherCauses: String
    @Field(key: "identified_year") public var identifiedYear: Int
    @OptionalField(key: "exit_year") public var exitYear: Int?
    @OptionalField(key: "housing_grade") public var housingGrade: String?
    @OptionalField(key: "housing_resolved") public var housingResolved: Bool?
    @OptionalField(key: "food_secure") public var foodSecure: Bool?
    @OptionalField(key: "clothing_secure") public var clothingSecure: Bool?
    @OptionalField(key: "water_safe") public var waterSafe: Bool?
    @OptionalField(key: "phone") public var phone: String?
    @OptionalField(key: "power_supplied") public var powerSupplied: Bool?
    @OptionalField(key: "broadcast_reception") public var broadcastReception: Bool?
    @Field(key: "member_count") public var memberCount: Int
    @Field(key: "version") public var version: Int
    @OptionalField(key: "import_id") public var importID: Int64?
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

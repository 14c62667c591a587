import TuopinDomain

/// How an import names a household: its county code and 户编号 ("451224/4512241002010001"); a 户编号 is
/// unique within its county. The same text keys IDs looked up, IDs returned by an insert
/// (`BulkWriter.insertReturningIDs` joins `columns` with "/") and households found in a file.
enum HouseholdKey {
    /// The columns of `households` that make the key, in key order.
    static let columns = ["county_code", "household_no"]

    static func of(_ h: Household) -> String { make(county: h.villageCode.countyPart, number: h.number) }

    static func make(county: String, number: String) -> String { county + "/" + number }
}

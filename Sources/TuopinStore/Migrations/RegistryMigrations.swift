import FluentKit

/// Every migration, in order. Append only: a migration that has shipped is never edited.
public enum RegistryMigrations {
    public static let all: [any Migration] = [
        CreateAreas(),
        SeedDivisions(),
        CreateImportBatches(),
        CreateHouseholds(),
        CreateMembers(),
        CreateHouseholdIncomes(),
        CreateAuditEvents(),
        CreateUsers(),
        CreateChangeRequests(),
        AddVillageProfiles(),
        AddHouseholdUtilities(),
        CreateExitTargets(),
        CreateHardships(),
        CreateProcedures(),
        CreateVillageCounts(),
        CreateCountyCounts(),
        AddOneTimePasswords(),
        AddAuditStateHashes(),
        CreateResponsibility(),
        CreatePlanMeasures(),
        CreateSupervision(),
        CreateAccountability(),
        CreateFunds(),
        CreateBenefits(),
        CreateNoticePostings(),
        CreateDepartmentRecords(),
        CreateAttachments(),
        CreateEvaluations(),
        CreateEvaluationAppeals(),
        CreateRosterPersons(),
        AddEvaluationWindowAndTimes(),
        CreateMatchAssignments(),
    ]
}

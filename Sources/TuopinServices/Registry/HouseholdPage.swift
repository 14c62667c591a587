import TuopinDomain
import TuopinStore

/// Everything the household page shows, read in one call: the household, where it lies, its history,
/// the exit test and monitoring finding for a year, its hardships and procedures.
public struct HouseholdPage: Sendable {
    public var detail: HouseholdDetail
    public var lineage: [Area]
    /// 痕迹 — the audit records of this household, newest first (at most 50).
    public var history: [AuditQuery.Record]
    /// The names the history refers to.
    public var historyNames: AuditNames
    /// Whole ID numbers and phone may be shown (the viewing was recorded).
    public var fullIdentity: Bool
    /// The user may see whole numbers, but an import is writing: they are masked until it has finished.
    public var identityHeldBack: Bool
    /// The exit test for the year shown, with its evidence, and the years one may pick.
    public var verdict: ExitVerdict?
    public var verdictYears: [Int]
    public var hardships: [Hardship]
    /// 防返贫监测 — the rules' finding for the verdict's year (nil: not exited by then).
    public var monitoring: MonitoringCheck.Finding?
    public var procedures: [ProcedureStore.Stored]
    public var statusHistory: [ProcedureStore.StatusEvent]
    /// Procedures that may be started now.
    public var startable: [ProcedureKind]
}

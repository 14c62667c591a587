/// Where a long import is, for a progress line on a terminal.
public enum ImportProgress: Sendable {
    case reading(rows: Int)
    case checking
    case writing(households: Int, of: Int)
}

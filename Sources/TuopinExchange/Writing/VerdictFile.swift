import TuopinDomain

/// The exit check's verdict file (registry-exchange format): `户编号,结论,未达标项`, one row per household,
/// CRLF line ends like the registry files Tuopin writes.
public enum VerdictFile {
    public static let header = "户编号,结论,未达标项\r\n"

    public static func row(number: String, verdict: ExitVerdict) -> String {
        CSVFormat.line([number, verdict.conclusion, verdict.missingCodes]) + "\r\n"
    }
}

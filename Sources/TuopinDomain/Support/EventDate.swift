import Foundation

/// 事项日期 — the date of something that happened in the campaign (a hardship, a procedure step, the day a
/// search starts or ends): a real calendar date written YYYY-MM-DD, from 1 January 2013 (精准扶贫 began at the
/// end of that year) to one year after today. Birth dates are not event dates: they come from the ID number.
/// Issue #19 item 12: year 0000 was accepted.
public enum EventDate {
    public static let earliest = LocalDate(year: 2013, month: 1, day: 1)!

    public static func latest(today: LocalDate) -> LocalDate {
        LocalDate(year: today.year + 1, month: today.month, day: min(today.day, 28))!
    }

    /// The date, or the fault in Chinese and English naming the field.
    public static func parse(_ text: String, field: String, label: String, today: LocalDate) -> Result<LocalDate, Refused> {
        let t = text.trimmedCell   // not Foundation's trimming: a payment list parses a date on every row
        guard t.count == 10, let d = LocalDate(iso: t) else {
            return .failure(Refused(.invalid, "\(label)“\(t)”应为日期 YYYY-MM-DD", "\(field) must be a date YYYY-MM-DD", field: field))
        }
        let last = latest(today: today)
        guard d >= earliest, d <= last else {
            return .failure(Refused(.invalid, "\(label)应在 \(earliest) 至 \(last) 之间", "\(field) must be from \(earliest) to \(last)", field: field))
        }
        return .success(d)
    }
}

import TuopinDomain

/// Cell rules the cadre, pairing and work-log files share: phone numbers, dates, free text.
enum ResponsibilityCells {
    /// 11-digit mobile number.
    static func phone(_ row: inout NamedColumnTable.Row, _ column: String) -> String? {
        let text = row.cell(column)
        guard text.count == 11, text.first == "1", text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else {
            row.fail(column, text, "应为11位手机号码 / must be an 11-digit mobile number")
            return nil
        }
        return text
    }

    /// A date YYYY-MM-DD from 2013 to a year after `today`; blank allowed when not `required`.
    static func date(_ row: inout NamedColumnTable.Row, _ column: String, today: LocalDate, required: Bool) -> LocalDate?? {
        let text = row.cell(column)
        if text.isEmpty {
            if required { row.fail(column, text, "必填 / required"); return nil }
            return .some(nil)
        }
        switch EventDate.parse(text, field: column, label: column, today: today) {
        case .success(let d): return .some(d)
        case .failure(let f):
            row.fail(column, text, f.description)
            return nil
        }
    }

    /// Text of a name-like cell (required) or free text (optional), with the control-character rule.
    static func text(_ row: inout NamedColumnTable.Row, _ column: String, required: Bool, freeText: Bool = false, max: Int = 2000) -> String? {
        let text = row.cell(column)
        if text.isEmpty, required { row.fail(column, text, "必填 / required"); return nil }
        if let fault = TextRule.fault(text, freeText ? .freeText : .cell) { row.fail(column, text, fault); return nil }
        if text.count > max { row.fail(column, String(text.prefix(20)) + "…", "超过\(max)个字 / longer than \(max) characters"); return nil }
        return text
    }
}

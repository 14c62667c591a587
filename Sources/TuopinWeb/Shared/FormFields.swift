import TuopinDomain

/// The fields of one form with what was typed and the fault at each: a refused form is drawn again from the
/// same values, each fault beside its field and tied to it for screen readers.
struct FormFields {
    /// Prefixes the fault elements' ids, so that two forms on a page do not share them.
    var prefix: String
    var values: [String: String]
    var faults: [String: String]

    func fault(_ key: String) -> HTML { faults[key].map { x -> HTML in "<span class=\"bad\" id=\"\(prefix)-\(key)-fault\">\(x)</span>" } ?? .empty }
    func invalid(_ key: String) -> HTML { faults[key] == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(prefix)-\(key)-fault\"" }

    func input(_ key: String, _ label: String, type: String = "text", value: String? = nil, numeric: Bool = false, placeholder: String = "") -> HTML {
        let mode: HTML = numeric ? " inputmode=\"decimal\"" : .empty
        let hint: HTML = placeholder.isEmpty ? .empty : " placeholder=\"\(placeholder)\""
        return "<label>\(label)<input type=\"\(type)\" name=\"\(key)\" value=\"\(values[key] ?? value ?? "")\"\(mode)\(hint)\(invalid(key))>\(fault(key))</label>"
    }

    func text(_ key: String, _ label: String, rows: Int = 3) -> HTML {
        "<label>\(label)<textarea name=\"\(key)\" rows=\"\(rows)\"\(invalid(key))>\(values[key] ?? "")</textarea>\(fault(key))</label>"
    }

    /// A choice among `options` (value, label); `blank` adds a first empty choice.
    func select(_ key: String, _ label: String, _ options: [(String, String)], blank: String? = "请选择") -> HTML {
        let chosen = values[key]
        let first: HTML = blank.map { b -> HTML in "<option value=\"\">\(b)</option>" } ?? .empty
        let rest = options.map { o -> HTML in "<option value=\"\(o.0)\"\(o.0 == chosen ? " selected" : "")>\(o.1)</option>" }.joined()
        return "<label>\(label)<select name=\"\(key)\"\(invalid(key))>\(first)\(rest)</select>\(fault(key))</label>"
    }

    func select<V: Vocabulary>(_ key: String, _ label: String, _ type: V.Type) -> HTML {
        select(key, label, V.allCases.map { ($0.rawValue, $0.rawValue) })
    }
}

import TuopinDomain
import TuopinServices

/// 登记问题 — the form an inspector fills in at a household (phone-sized) or the office fills in from a
/// report: source, area, check item, description, households, severity, dates, owner. A refused form comes
/// back with what was typed and the fault at each field.
enum ProblemFormView {
    static func form(action: String, checkItems: [String], sourceFixed: String?, values: [String: String], faults: [String: String],
                     today: LocalDate, csrf: String, upload: AttachmentRules) -> HTML {
        func fault(_ key: String) -> HTML { faults[key].map { x -> HTML in "<span class=\"bad\" id=\"p-\(key)-fault\">\(x)</span>" } ?? .empty }
        func invalid(_ key: String) -> HTML { faults[key] == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"p-\(key)-fault\"" }
        func options(_ all: [String], _ chosen: String?) -> HTML {
            all.map { o -> HTML in "<option\(o == chosen ? " selected" : "")>\(o)</option>" }.joined()
        }
        let source: HTML = sourceFixed.map { s -> HTML in "<p>问题来源：\(s)</p>" }
            ?? "<label>问题来源<select name=\"source\"\(invalid("source"))><option value=\"\">请选择</option>\(options(ProblemSource.allCases.map(\.rawValue), values["source"]))</select>\(fault("source"))</label>"
        return """
            <form method="post" action="\(action)" class="stack" id="problem-form" enctype="multipart/form-data">
            <input type="hidden" name="_csrf" value="\(csrf)">
            \(source)
            <label>区划代码（村、乡镇或县）<input name="area" value="\(values["area"] ?? "")" inputmode="numeric" placeholder="12位村代码"\(invalid("area"))>\(fault("area"))</label>
            <label>检查项目<select name="category"\(invalid("category"))><option value="">请选择</option>\(options(checkItems, values["category"]))</select>\(fault("category"))</label>
            <label>问题描述<textarea name="description" rows="4"\(invalid("description"))>\(values["description"] ?? "")</textarea>\(fault("description"))</label>
            <label>涉及的户（户编号，可多个，空格分隔）<input name="households" value="\(values["households"] ?? "")"\(invalid("households"))>\(fault("households"))</label>
            <label>严重程度<select name="severity"\(invalid("severity"))>\(options(ProblemSeverity.allCases.map(\.rawValue), values["severity"] ?? ProblemSeverity.minor.rawValue))</select>\(fault("severity"))</label>
            <label>发现日期<input type="date" name="found" value="\(values["found"] ?? today.description)"\(invalid("found"))>\(fault("found"))</label>
            <label>整改期限（空则按严重程度默认）<input type="date" name="deadline" value="\(values["deadline"] ?? "")"\(invalid("deadline"))>\(fault("deadline"))</label>
            <label>责任单位（空则待认领）<input name="unit" value="\(values["unit"] ?? "")"\(invalid("unit"))>\(fault("unit"))</label>
            \(AttachmentViews.input(upload, label: "现场照片或材料（可多选\(faults.isEmpty ? "" : "，表单退回后须重新选择")）", fault: faults["files"], photo: false))
            <button type="submit">登记问题</button>
            </form>
            """
    }

    static let keys = ["source", "area", "category", "description", "households", "severity", "found", "deadline", "unit"]

    static func typed(_ v: [String: String]) -> SupervisionService.ProblemForm {
        .init(source: v["source"] ?? "", area: v["area"] ?? "", category: v["category"] ?? "", description: v["description"] ?? "",
              households: v["households"] ?? "", severity: v["severity"] ?? "", found: v["found"] ?? "", deadline: v["deadline"] ?? "", unit: v["unit"] ?? "")
    }
}

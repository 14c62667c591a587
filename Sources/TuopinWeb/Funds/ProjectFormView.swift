import TuopinDomain
import TuopinServices

/// 申报项目 — every field of the project pool's guidance (policy-rules §6.7); a refused form keeps what was typed.
enum ProjectFormView {
    static let keys = ["name", "category", "nature", "villages", "unit", "tasks", "planned", "funding", "year", "start", "end", "households",
                       "beneficiaries", "targets", "mechanism"]

    static func typed(_ v: [String: String]) -> FundsService.ProjectForm {
        func t(_ k: String) -> String { v[k] ?? "" }
        return .init(name: t("name"), category: t("category"), nature: t("nature"), villages: t("villages"), unit: t("unit"), tasks: t("tasks"),
                     planned: t("planned"), funding: t("funding"), year: t("year"), start: t("start"), end: t("end"), households: t("households"),
                     beneficiaries: t("beneficiaries"), targets: t("targets"), mechanism: t("mechanism"))
    }

    static func render(values: [String: String], faults: [String: String], csrf: String, chrome: Layout.Chrome?) -> HTML {
        let f = FormFields(prefix: "project", values: values, faults: faults)
        let body: HTML = """
            \(faults.isEmpty ? .empty : "<p class=\"bad\" role=\"alert\">有 \(faults.count) 处需要修改，见各栏。</p>" as HTML)
            <form method="post" action="/projects" class="stack" id="project-form"><input type="hidden" name="_csrf" value="\(csrf)">
            \(f.input("name", "项目名称"))\(f.select("category", "项目类别", Project.Category.self))\(f.select("nature", "建设性质", Project.Nature.self))
            \(f.input("villages", "实施地点（村或乡镇的区划代码，可多个，空格分隔）"))\(f.input("unit", "责任单位"))
            \(f.text("tasks", "建设任务（规模、内容）"))\(f.input("planned", "计划投资（元）", numeric: true))\(f.input("funding", "资金规模和筹资方式"))
            \(f.input("year", "年度", numeric: true))\(f.input("start", "计划开工", type: "date"))\(f.input("end", "计划完工", type: "date"))
            \(f.input("households", "受益建档立卡户（户编号，空格分隔，可空）"))\(f.input("beneficiaries", "受益人数", numeric: true))
            \(f.text("targets", "绩效目标（没有绩效目标的项目不能公示入库）"))\(f.text("mechanism", "带贫减贫机制"))
            <button type="submit">申报</button></form>
            """
        return Layout.page(title: "申报项目", crumbs: [.init("首页", "/areas"), .init("项目库", "/projects"), .init("申报项目")], chrome: chrome, body: body)
    }
}

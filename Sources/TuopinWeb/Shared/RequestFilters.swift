import TuopinDomain
import TuopinExchange
import TuopinStore
import Vapor

extension Request {
    /// The household filter and page of a list request; a bad value is refused with a message naming it.
    func householdFilter(area: AreaCode) throws -> (HouseholdFilter, page: Int, perPage: Int) {
        func vocab<V: Vocabulary>(_ key: String, _ name: String, _ type: V.Type) throws -> V? {
            guard let raw = query[String.self, at: key], !raw.isEmpty else { return nil }
            guard let v = V.parse(raw) else {
                throw Abort(.badRequest, reason: "参数\(key)（\(name)）的值“\(raw)”无效，应为：\(V.allowedList) / parameter \(key) has an invalid value '\(raw)'")
            }
            return v
        }
        let page = query[String.self, at: "page"].map { Int($0) } ?? 1
        guard let page, page >= 1 else { throw Abort(.badRequest, reason: "参数page应为正整数 / parameter page must be a positive whole number") }
        let per = query[String.self, at: "per"].map { Int($0) } ?? 50
        guard let per, (1...500).contains(per) else { throw Abort(.badRequest, reason: "参数per应为1–500 / parameter per must be 1 to 500") }
        let filter = HouseholdFilter(area: area, search: query[String.self, at: "q"], status: try vocab("status", "脱贫标志", HouseholdStatus.self),
                                     type: try vocab("type", "贫困户属性", HouseholdType.self), cause: try vocab("cause", "主要致贫原因", PovertyCause.self))
        return (filter, page, per)
    }

    /// The area code in the path; unknown or malformed codes answer 404.
    func areaCode() throws -> AreaCode {
        guard let raw = parameters.get("code"), let code = AreaCode(raw) else {
            throw Abort(.notFound, reason: "区划代码无效 / not a valid area code")
        }
        return code
    }

    func householdID() throws -> Int64 {
        guard let raw = parameters.get("id"), let id = Int64(raw), id > 0 else {
            throw Abort(.notFound, reason: "没有这一户 / no such household")
        }
        return id
    }

    /// `?year=` of the exit test: nil when absent; refused unless the standards in force have a line for it.
    func standardsYear() throws -> Int? {
        guard let text = query[String.self, at: "year"], !text.isEmpty else { return nil }
        guard let year = Int(text), application.webSettings.standards.line(for: year) != nil else {
            throw Abort(.badRequest, reason: "年度“\(text)”无效：扶贫标准文件未列该年贫困线 / no poverty line for year '\(text)'")
        }
        return year
    }

    var today: LocalDate { LocalDate(Date()) }

    /// The importer's rule options, for checks of forms.
    var readOptions: RegistryReadOptions {
        RegistryReadOptions(county: nil, today: today, regionHistory: DivisionCatalog.regionHistory, knownTownships: nil)
    }
}

extension Response {
    static func html(_ page: HTML, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        return Response(status: status, headers: headers, body: .init(string: page.rendered))
    }
}

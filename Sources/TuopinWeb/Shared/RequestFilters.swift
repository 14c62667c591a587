import Foundation
import TuopinExchange
import TuopinDomain
import TuopinStore
import Vapor

/// Reading a request's path, query and form: every value is checked, and a bad one is refused naming the
/// parameter, in Chinese and English (the error middleware answers it).
extension Request {
    /// The household filter and page of a list request. A page's form sends empty fields for "all"; the API
    /// (`strict`) refuses a parameter given empty, as its OpenAPI document says.
    func householdFilter(area: AreaCode, strict: Bool = false) throws -> (HouseholdFilter, page: Int, perPage: Int) {
        if strict {
            for key in ["q", "status", "type", "cause", "exit_year", "page", "per"] where query[String.self, at: key]?.isEmpty == true {
                throw Refused(.badRequest, "参数\(key)为空：不筛选时请省略该参数", "parameter \(key) is empty; leave it out instead", field: key)
            }
        }
        func vocab<V: Vocabulary>(_ key: String, _ name: String, _ type: V.Type) throws -> V? {
            guard let raw = query[String.self, at: key], !raw.isEmpty else { return nil }
            guard let v = V.parse(raw) else {
                throw Refused(.badRequest, "参数\(key)（\(name)）的值“\(raw)”无效，应为：\(V.allowedList)", "parameter \(key) has an invalid value '\(raw)'",
                              field: key)
            }
            return v
        }
        let page = try wholeNumber("page", in: 1...1_000_000) ?? 1
        let per = try wholeNumber("per", in: 1...500) ?? 50
        let filter = HouseholdFilter(area: area, search: query[String.self, at: "q"], status: try vocab("status", "脱贫标志", HouseholdStatus.self),
                                     type: try vocab("type", "贫困户属性", HouseholdType.self), cause: try vocab("cause", "主要致贫原因", PovertyCause.self),
                                     exitYear: try wholeNumber("exit_year", in: 2000...2100))
        return (filter, page, per)
    }

    /// A whole number from the query string within `range`; nil when absent.
    func wholeNumber(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = query[String.self, at: key], !text.isEmpty else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw Refused(.badRequest, "参数\(key)应为 \(range.lowerBound)–\(range.upperBound) 的整数", "parameter \(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                          field: key)
        }
        return n
    }

    /// `?year=` of a page: nil when absent (the service checks the standards have a line for it).
    func yearParameter() throws -> Int? {
        try wholeNumber("year", in: 1900...2200)
    }

    /// The area code in the path; unknown or malformed codes answer 404.
    func areaCode() throws -> AreaCode {
        guard let raw = parameters.get("code"), let code = AreaCode(raw) else {
            throw Refused.notFound("区划代码无效", "not a valid area code")
        }
        return code
    }

    /// A typed ID in the path (`:id` unless named), or the refusal given when it is not one.
    func pathID<Entity>(_ name: String = "id", or notFound: Refused) throws -> TypedID<Entity> {
        guard let raw = parameters.get(name), let id = TypedID<Entity>(raw) else { throw notFound }
        return id
    }

    func householdID() throws -> Household.ID { try pathID(or: .noSuchHousehold) }

    /// A trimmed text field of the posted form ("" when absent).
    func formText(_ key: String) -> String {
        if let form = multipartForm { return (form.text[key] ?? "").trimmingCharacters(in: .whitespaces) }
        return ((try? content.get(String.self, at: key)) ?? "").trimmingCharacters(in: .whitespaces)
    }

    var today: LocalDate { LocalDate(Date()) }

    /// `year` (default last year) and `area` (a county or township) of the yearly check pages (防漏, 信息比对); in the
    /// API a parameter given empty is a fault naming it.
    func yearAndArea(today: LocalDate) throws -> (year: Int, area: AreaCode?) {
        if url.path.hasPrefix("/api/") {
            for key in ["area", "year"] where (try? query.get(String.self, at: key)) == "" {
                throw Refused(.badRequest, "参数\(key)不能为空", "parameter \(key) must not be empty", field: key)
            }
        }
        var area: AreaCode?
        if let a = (try? query.get(String.self, at: "area")), !a.isEmpty {
            guard let code = AreaCode(a), code.level == .county || code.level == .township else {
                throw Refused.notFound("应为县或乡镇的区划代码", "not a county or township code")
            }
            area = code
        }
        return (try wholeNumber("year", in: 2014...2100) ?? today.year - 1, area)
    }
}

extension Response {
    /// A table as a CSV download (UTF-8 with a byte-order mark, so that Excel opens it in Chinese).
    static func csv(_ rows: [[String]], filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: CSVFormat.table(rows, byteOrderMark: true)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        return response
    }

    /// A table as an XLSX download (one sheet).
    static func xlsx(_ rows: [[String]], sheet: String, filename: String) throws -> Response {
        let response = Response(status: .ok, body: .init(data: try TableFile.xlsx(rows, sheet: sheet)))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        return response
    }

    static func html(_ page: HTML, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        return Response(status: status, headers: headers, body: .init(string: page.rendered))
    }

    /// The page again, with the status a rejected form's refusal asks for.
    static func html(_ page: HTML, rejected: RefusalKind) -> Response {
        html(page, status: HTTPStatus(statusCode: rejected.httpStatus))
    }
}

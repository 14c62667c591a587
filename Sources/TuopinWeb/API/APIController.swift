import Fluent
import Foundation
import TuopinDomain
import TuopinServices
import TuopinStore
import Vapor

/// The same reads as the pages, as JSON under /api/v1/.
enum APIController {
    /// The API's OpenAPI 3.1 document (open to all: it holds no data).
    static func registerDocument(_ routes: any RoutesBuilder) {
        routes.get("api", "v1", "openapi.json", use: document)
    }

    static let documentText: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("Resources/openapi.json is missing from the build")
        }
        return text
    }()

    @Sendable static func document(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: documentText))
    }

    static func register(_ routes: any RoutesBuilder) {
        let api = routes.grouped("api", "v1")
        api.get("areas", use: areas)
        api.get("areas", ":code", use: area)
        api.get("areas", ":code", "households", use: households)
        api.get("households", ":id", use: household)
    }

    struct AreaJSON: Content {
        var code: String
        var name: String
        var level: String
        var counts: AreaCounts
        var children: [AreaJSON]?

        init(_ node: AreaNode, depth: Int) {
            code = node.area.code.value
            name = node.area.name
            level = node.area.level.key
            counts = node.counts
            children = depth > 0 ? node.children.map { AreaJSON($0, depth: depth - 1) } : nil
        }
    }

    struct HouseholdPageJSON: Content {
        var total: Int
        var page: Int
        var perPage: Int
        var items: [HouseholdSummary]
    }

    struct MemberJSON: Content {
        var name: String
        /// Whole for roles that may see it, masked otherwise.
        var idNumber: String
        var sex: String
        var age: Int
        var relation: String
        var ethnicity: String?
        var education: String?
        var schooling: String?
        var educationExempt: Bool?
        var health: String?
        var labour: String?
        var workPlace: String?
        var workMonths: Int?
        var medicalInsurance: Bool?
        var pensionInsurance: Bool?

        init(_ m: Member, full: Bool, today: LocalDate) {
            name = m.name
            idNumber = full ? m.id.registryText : IDMask.mask(m.id.registryText)
            sex = m.sex.rawValue
            age = m.birthDate.age(on: today)
            relation = m.relation.rawValue
            ethnicity = m.ethnicity?.rawValue
            education = m.education?.rawValue
            schooling = m.schooling?.rawValue
            educationExempt = m.educationExempt
            health = m.health?.rawValue
            labour = m.labour?.rawValue
            workPlace = m.workPlace?.rawValue
            workMonths = m.workMonths
            medicalInsurance = m.medicalInsurance
            pensionInsurance = m.pensionInsurance
        }
    }

    /// One year's income in yuan (text with two decimals at most, as the exchange format writes it).
    struct IncomeJSON: Content {
        var year: Int
        var wage: String?
        var business: String?
        var property: String?
        var transfer: String?
        var businessExpense: String?
        var net: String
        var perCapita: String?

        init(_ i: HouseholdIncome, members: Int) {
            year = i.year
            wage = i.wage?.plainYuan
            business = i.business?.plainYuan
            property = i.property?.plainYuan
            transfer = i.transfer?.plainYuan
            businessExpense = i.businessExpense?.plainYuan
            net = i.net.plainYuan
            perCapita = i.perCapita(memberCount: members)?.plainYuan
        }
    }

    struct HouseholdJSON: Content {
        var id: Household.ID
        var version: Int
        var number: String
        var villageCode: String
        var villageName: String?
        var status: String
        var type: String
        var standard: String
        var mainCause: String
        var otherCauses: [String]
        var identifiedYear: Int
        var exitYear: Int?
        var housingGrade: String?
        var housingResolved: Bool?
        var foodSecure: Bool?
        var clothingSecure: Bool?
        var waterSafe: Bool?
        var powerSupplied: Bool?
        var broadcastReception: Bool?
        var phone: String?
        var members: [MemberJSON]
        var incomes: [IncomeJSON]
        var perCapitaIncome: [String: String]

        init(_ d: HouseholdDetail, full: Bool, today: LocalDate) {
            let h = d.household
            id = d.id
            version = d.version
            number = h.number
            villageCode = h.villageCode.value
            villageName = d.villageName
            status = h.status.rawValue
            type = h.type.rawValue
            standard = h.standard.rawValue
            mainCause = h.mainCause.rawValue
            otherCauses = h.otherCauses.map(\.rawValue)
            identifiedYear = h.identifiedYear
            exitYear = h.exitYear
            housingGrade = h.housingGrade?.rawValue
            housingResolved = h.housingResolved
            foodSecure = h.foodSecure
            clothingSecure = h.clothingSecure
            waterSafe = h.waterSafe
            powerSupplied = h.powerSupplied
            broadcastReception = h.broadcastReception
            phone = full ? h.phone : h.phone.map(IDMask.phone)
            members = h.members.map { MemberJSON($0, full: full, today: today) }
            incomes = h.incomes.map { IncomeJSON($0, members: h.members.count) }
            var per: [String: String] = [:]
            for i in h.incomes { per[String(i.year)] = i.perCapita(memberCount: h.members.count)?.plainYuan }
            perCapitaIncome = per
        }
    }

    @Sendable static func areas(req: Request) async throws -> [AreaJSON] {
        try await AreaService.tree(in: try req.context).map { AreaJSON($0, depth: 3) }
    }

    @Sendable static func area(req: Request) async throws -> AreaJSON {
        AreaJSON(try await AreaService.node(try req.areaCode(), in: try req.context).node, depth: 1)
    }

    @Sendable static func households(req: Request) async throws -> HouseholdPageJSON {
        let code = try req.areaCode()
        let (filter, page, per) = try req.householdFilter(area: code, strict: true)
        let result = try await AreaService.households(code, filter: filter, page: page, perPage: per, in: try req.context)
        return HouseholdPageJSON(total: result.total, page: result.page, perPage: result.perPage,
                                 items: result.items.map { var s = $0; s.headIDNumber = s.headIDNumber.map(IDMask.mask); return s })
    }

    @Sendable static func household(req: Request) async throws -> HouseholdJSON {
        let ctx = try req.context
        let (detail, full, _) = try await HouseholdService.detail(try req.householdID(), in: ctx)
        return HouseholdJSON(detail, full: full, today: ctx.today)
    }
}

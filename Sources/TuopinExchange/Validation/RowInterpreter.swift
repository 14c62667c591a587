import Foundation
import TuopinDomain

/// Turns one source row into its household fields and its member, with an issue for each fault.
struct RowInterpreter {
    let options: RegistryReadOptions

    struct Result {
        var household: HouseholdFields?
        var member: Member?
        var issues: [ImportIssue]
    }

    /// Interprets rows in order. Every row of a household repeats its household cells; a row whose
    /// household cells hold the same text as the row before's, which read without any issue, takes that
    /// row's household fields (the same value, and no issue either) instead of reading them again —
    /// they are two thirds of the work of a row. Any other row is read in full.
    func interpret(_ rows: [SourceRow], header: HeaderMap) -> [Result] {
        var previous: (row: SourceRow, household: HouseholdFields)?
        return rows.map { row in
            var cells = CellReader(row: row, header: header)
            let household: HouseholdFields?
            if let p = previous, Self.sameHouseholdCells(p.row, row, at: header.householdCells) {
                household = p.household
            } else {
                household = householdFields(&cells)
                previous = cells.issues.isEmpty && row.numericCells.isEmpty ? household.map { (row, $0) } : nil
            }
            let member = self.member(&cells)
            return Result(household: household, member: member, issues: cells.issues)
        }
    }

    static func sameHouseholdCells(_ a: SourceRow, _ b: SourceRow, at indices: [Int]) -> Bool {
        guard b.numericCells.isEmpty else { return false }
        for i in indices {
            let x = i < a.cells.count ? a.cells[i] : "", y = i < b.cells.count ? b.cells[i] : ""
            if x != y { return false }
        }
        return true
    }

    private func householdFields(_ cells: inout CellReader) -> HouseholdFields? {
        let thisYear = options.today.year
        var number = cells.required(.householdNo)
        if let n = number, let fault = TextRule.fault(n, .cell) {
            cells.error(.householdNo, n, fault)
            number = nil
        }
        if let n = number, n.count > 32 {
            cells.error(.householdNo, n, "户编号最多32个字符，实为\(n.count)个 / household_no may have at most 32 characters, found \(n.count)")
            number = nil
        }
        let village = villageCode(&cells)
        let type = cells.vocabulary(.householdType, HouseholdType.self, required: true)
        let standard = cells.vocabulary(.identificationStandard, IdentificationStandard.self) ?? .national
        let main = cells.vocabulary(.mainCause, PovertyCause.self, required: true)
        let others = otherCauses(&cells, main: main)
        let identified = cells.year(.identifiedYear, in: 2014...thisYear, required: true)
        var exit = cells.year(.exitYear, in: 2014...thisYear)
        if let e = exit, let i = identified, e < i {
            cells.error(.exitYear, String(e), "脱贫年度\(e)早于识别年度\(i) / exit_year \(e) is before identified_year \(i)")
            exit = nil
        }
        let income = self.income(&cells)
        let declared = cells.money(.netIncomePerCapita, allowingNegative: true)
        let grade = cells.vocabulary(.housingGrade, HousingGrade.self)
        let resolved = cells.yesNo(.housingResolved)
        let food = cells.yesNo(.foodSecure), clothing = cells.yesNo(.clothingSecure), water = cells.yesNo(.waterSafe)
        let power = cells.yesNo(.powerSupplied), broadcast = cells.yesNo(.broadcastReception)
        var phone: String? = cells.text(.phone)
        if let p = phone, p.isEmpty { phone = nil }
        if let p = phone, !PhoneNumber.isValid(p) {
            cells.error(.phone, p, "联系电话“\(p)”不是11位手机号或固定电话 / phone '\(p)' is neither an 11-digit mobile number nor a landline")
            phone = nil
        }
        guard let number, let village, let type, let main, let identified, let income,
              cells.issues.allSatisfy({ $0.severity == .warning }) else { return nil }
        return HouseholdFields(number: number, villageCode: village, type: type, standard: standard, mainCause: main,
                               otherCauses: others, identifiedYear: identified, exitYear: exit, income: income,
                               declaredPerCapita: declared, housingGrade: grade, housingResolved: resolved,
                               foodSecure: food, clothingSecure: clothing, waterSafe: water, phone: phone,
                               powerSupplied: power, broadcastReception: broadcast)
    }

    private func villageCode(_ cells: inout CellReader) -> AreaCode? {
        guard let t = cells.required(.villageCode) else { return nil }
        guard t.utf8.count == 12, let code = AreaCode(t), code.level == .village else {
            cells.error(.villageCode, t, "村代码应为12位数字且末三位不全为0（9位乡镇代码+3位） / village_code must be 12 digits: a 9-digit township code and 3 digits, not all zero")
            return nil
        }
        if let county = options.county, !county.contains(code) {
            cells.error(.villageCode, t, "村代码\(t)不在本次导入的县\(county.countyPart)之下 / village_code \(t) is not under county \(county.countyPart) being loaded")
            return nil
        }
        if let known = options.knownTownships, let township = code.ancestor(at: .township), !known.contains(township) {
            cells.warning(.villageCode, t, "乡镇代码\(township.prefix)不在区划表中，将按代码新建 / township \(township.prefix) is not in the division list; it will be created under its code")
        }
        return code
    }

    private func otherCauses(_ cells: inout CellReader, main: PovertyCause?) -> [PovertyCause] {
        let t = cells.text(.otherCauses)
        if t.isEmpty { return [] }
        let separators: Set<Character> = ["、", ",", "，", ";", "；"]
        let parts = t.split(whereSeparator: { separators.contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var causes: [PovertyCause] = []
        for p in parts {
            guard let c = PovertyCause.parse(p) else {
                cells.error(.otherCauses, t, "其他致贫原因“\(p)”不在取值范围内：\(PovertyCause.allowedList) / other cause '\(p)' is not one of: \(PovertyCause.allowedList)")
                return []
            }
            if c == main {
                cells.warning(.otherCauses, t, "其他致贫原因“\(p)”与主要致贫原因重复，已略去 / other cause '\(p)' repeats the main cause and is left out")
                continue
            }
            if !causes.contains(c) { causes.append(c) }
        }
        if causes.count > 2 {
            cells.error(.otherCauses, t, "其他致贫原因最多两项，实为\(causes.count)项 / at most 2 other causes, found \(causes.count)")
            return []
        }
        return causes
    }

    /// The income part: `.some(nil)` when none is given, nil when it is faulty.
    private func income(_ cells: inout CellReader) -> HouseholdIncome?? {
        let before = cells.issues.count
        let parts = ExchangeColumn.incomeComponents.map { cells.money($0) }
        let year = cells.year(.incomeYear, in: 2010...options.today.year)
        let anyGiven = ExchangeColumn.incomeComponents.contains { !cells.text($0).isEmpty } || !cells.text(.netIncomePerCapita).isEmpty
        if anyGiven && year == nil && cells.text(.incomeYear).isEmpty {
            cells.error(.incomeYear, "", "填写了收入却没有填写收入年度 / income figures are given without income_year")
        }
        guard cells.issues.count == before || !cells.issues[before...].contains(where: { $0.severity == .error }) else { return nil }
        guard let year else { return .some(nil) }
        return .some(HouseholdIncome(year: year, wage: parts[0], business: parts[1], property: parts[2],
                                     transfer: parts[3], businessExpense: parts[4]))
    }

    private func member(_ cells: inout CellReader) -> Member? {
        let before = cells.issues.count
        let name = cells.required(.name)
        if let n = name, let fault = TextRule.fault(n, .cell) { cells.error(.name, n, fault) }
        if let n = name, n.count > 50 {
            cells.error(.name, n, "姓名过长（最多50个字） / name is too long (at most 50 characters)")
        }
        let id = residentID(&cells)
        if let id, let sexText = Optional(cells.text(.sex)), !sexText.isEmpty {
            if let sex = Sex.parse(sexText) {
                if sex != id.sex {
                    cells.error(.sex, sexText, "性别“\(sexText)”与证件号码不符（号码为\(id.sex.rawValue)性） / sex '\(sexText)' disagrees with the ID number, which is \(id.sex == .male ? "male" : "female")")
                }
            } else {
                cells.error(.sex, sexText, "性别应为男或女 / sex must be 男 or 女")
            }
        }
        let relation = cells.vocabulary(.relation, Relation.self, required: true)
        var ethnicity: Ethnicity?
        let ethText = cells.text(.ethnicity)
        if !ethText.isEmpty {
            ethnicity = Ethnicity.parse(ethText)
            if ethnicity == nil {
                cells.error(.ethnicity, ethText, "民族“\(ethText)”不是56个民族之一或“其他” / ethnicity '\(ethText)' is not one of the 56 official names or 其他")
            }
        }
        let education = cells.vocabulary(.education, Education.self)
        let schooling = cells.vocabulary(.schooling, Schooling.self)
        let exempt = cells.yesNo(.educationExempt)
        let health = cells.vocabulary(.health, Health.self)
        let labour = cells.vocabulary(.labour, LabourCapacity.self)
        let workPlace = cells.vocabulary(.workPlace, WorkPlace.self)
        var months: Int?
        let monthsText = cells.text(.workMonths)
        if !monthsText.isEmpty {
            if let m = Int(monthsText), (0...12).contains(m) { months = m } else {
                cells.error(.workMonths, monthsText, "务工时间应为0–12的整数（月） / work_months must be a whole number of months from 0 to 12")
            }
        }
        let medical = cells.yesNo(.medicalInsurance), pension = cells.yesNo(.pensionInsurance)
        guard let name, let id, let relation, !cells.issues[before...].contains(where: { $0.severity == .error }) else { return nil }
        return Member(name: name, id: id, relation: relation, ethnicity: ethnicity, education: education,
                      schooling: schooling, educationExempt: exempt, health: health, labour: labour,
                      workPlace: workPlace, workMonths: months, medicalInsurance: medical, pensionInsurance: pension)
    }

    private func residentID(_ cells: inout CellReader) -> ResidentID? {
        guard let t = cells.required(.idNumber) else { return nil }
        if cells.isNumericCell(.idNumber) && (t.contains("e") || t.contains("E") || t.utf8.count > 15) {
            cells.error(.idNumber, t, ResidentIDError.scientificNotation.message)
            return nil
        }
        switch ResidentID.parse(t, today: options.today) {
        case .failure(let e):
            cells.error(.idNumber, t, e.message)
            return nil
        case .success(let id):
            if id.upgradedFromLegacy {
                cells.warning(.idNumber, t, "15位旧身份证号已升级为18位：\(id.number) / 15-digit legacy number upgraded to \(id.number)")
            }
            if !options.regionHistory.isEmpty && !options.regionHistory.isValid(code: id.regionCode, inYear: id.birthDate.year) {
                cells.warning(.idNumber, t, "地区码\(id.regionCode)在出生年份\(id.birthDate.year)不在行政区划代码表中（可能是迁入或补办） / region code \(id.regionCode) was not in force in the birth year \(id.birthDate.year) (a later registration may explain it)")
            }
            return id
        }
    }
}

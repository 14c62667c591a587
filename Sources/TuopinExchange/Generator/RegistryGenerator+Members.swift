import Foundation
import TuopinDomain

extension RegistryGenerator {
    /// A family whose ages and relations fit: a head, usually a spouse, children born when the
    /// parents were 20–38, grandchildren in older households, sometimes the head's parents.
    mutating func makeMembers() -> [Member] {
        let size = random.weighted([(1, 0.11), (2, 0.18), (3, 0.21), (4, 0.22), (5, 0.16), (6, 0.08), (7, 0.04)])
        let headAge = size == 1 ? random.int(45...88) : random.weighted([(random.int(28...44), 0.35), (random.int(45...59), 0.4), (random.int(60...80), 0.25)])
        let headMale = random.chance(size == 1 ? 0.55 : 0.88)
        let surname = NamePool.surname(province: String(options.county.value.prefix(2)), using: &random)
        let ethnicity = random.weighted(NamePool.ethnicities(province: String(options.county.value.prefix(2))))
        var people: [(Relation, Int, Bool, String)] = [(.head, headAge, headMale, surname)]
        if size >= 2, random.chance(0.88) {
            people.append((.spouse, max(20, headAge + random.int(-6...4)), !headMale, NamePool.surname(province: String(options.county.value.prefix(2)), using: &random)))
        }
        var childBirthAge = random.int(20...27)
        while people.count < size {
            let room = size - people.count
            if headAge >= 58, room >= 2, !people.contains(where: { $0.0 == .son }) {
                let sonAge = headAge - random.int(22...32)
                people.append((.son, sonAge, true, surname))
                people.append((.daughterInLaw, max(18, sonAge + random.int(-4...2)), false, NamePool.surname(province: String(options.county.value.prefix(2)), using: &random)))
                continue
            }
            if headAge >= 50, people.contains(where: { $0.0 == .son }) {
                let sonAge = people.first { $0.0 == .son }!.1
                let age = sonAge - random.int(20...30)
                if age >= 0 {
                    let male = random.chance(0.52)
                    people.append((male ? .grandson : .granddaughter, age, male, surname))
                    continue
                }
            }
            let childAge = headAge - childBirthAge
            if childAge >= 0, childBirthAge <= 42 {
                let male = random.chance(0.52)
                people.append((male ? .son : .daughter, childAge, male, surname))
                childBirthAge += random.int(1...4)
                continue
            }
            if headAge <= 62 {
                let male = random.chance(0.4)
                people.append((male ? .father : .mother, min(96, headAge + random.int(22...32)), male, surname))
                continue
            }
            people.append((.other, random.int(10...70), random.chance(0.5), surname))
        }
        return people.map { makeMember(relation: $0.0, age: $0.1, male: $0.2, surname: $0.3, ethnicity: ethnicity) }
    }

    private mutating func makeMember(relation: Relation, age: Int, male: Bool, surname: String, ethnicity: String) -> Member {
        let id = makeID(age: age, male: male)
        let a = id.birthDate.age(on: referenceDate)
        let health: Health = random.weighted([(.healthy, a < 50 ? 0.86 : 0.6), (.chronicIllness, a < 50 ? 0.06 : 0.25), (.seriousIllness, 0.04), (.disabled, 0.05)])
        let schooling: Schooling
        var exempt: Bool? = nil
        switch a {
        case ..<3: schooling = .notInSchool
        case 3...5: schooling = random.chance(0.6) ? .preschool : .notInSchool
        case 6...15:
            if health == .disabled && random.chance(0.5) {
                schooling = random.chance(0.5) ? .homeTeaching : .notInSchool
                exempt = schooling == .notInSchool ? true : nil
            } else if random.chance(0.025) {
                schooling = .notInSchool
            } else {
                schooling = a <= 11 ? .primary : a == 12 ? .grade7 : a == 13 ? .grade8 : a == 14 ? .grade9 : random.chance(0.8) ? .seniorSecondary : .secondaryVocational
            }
        case 16...18: schooling = random.weighted([(.seniorSecondary, 0.45), (.secondaryVocational, 0.25), (.notInSchool, 0.3)])
        case 19...22: schooling = random.weighted([(.college, 0.15), (.higherVocational, 0.1), (.notInSchool, 0.75)])
        default: schooling = .notInSchool
        }
        let education: Education = switch a {
        case ..<6: .preschoolChild
        case 6...12: .primary
        case 13...15: .juniorSecondary
        case 16...40: random.weighted([(.primary, 0.2), (.juniorSecondary, 0.55), (.seniorSecondary, 0.2), (.college, 0.05)])
        case 41...60: random.weighted([(.illiterate, 0.1), (.primary, 0.45), (.juniorSecondary, 0.4), (.seniorSecondary, 0.05)])
        default: random.weighted([(.illiterate, 0.45), (.primary, 0.45), (.juniorSecondary, 0.1)])
        }
        let labour: LabourCapacity = {
            if a < 16 || a > 65 { return .none }
            if health == .disabled { return random.chance(0.6) ? .lost : .weak }
            if health == .seriousIllness { return random.chance(0.5) ? .lost : .weak }
            if [.seniorSecondary, .secondaryVocational, .college, .higherVocational].contains(schooling) { return .none }
            return random.weighted([(.ordinary, 0.72), (.skilled, 0.15), (.weak, 0.13)])
        }()
        var workPlace: WorkPlace? = nil
        var months: Int? = nil
        if labour == .ordinary || labour == .skilled, random.chance(0.6) {
            workPlace = random.weighted([(.inTownship, 0.15), (.inCounty, 0.2), (.inProvince, 0.3), (.outOfProvince, 0.35)])
            months = random.int(3...12)
        }
        let given = NamePool.given(male ? "m" : "f", using: &random)
        return Member(name: surname + given, id: id, relation: relation, ethnicity: Ethnicity.parse(ethnicity),
                      education: education, schooling: schooling, educationExempt: exempt, health: health,
                      labour: labour, workPlace: workPlace, workMonths: months,
                      medicalInsurance: random.chance(0.97), pensionInsurance: a >= 16 ? random.chance(0.85) : false)
    }

    /// The county's code in force in a year, looked up once per year.
    private mutating func regionCode(inYear year: Int) -> String {
        if let known = regionByYear[year] { return known }
        let code = history.codeInForce(for: options.county.countyPart, name: countyName, inYear: year)
        regionByYear[year] = code
        return code
    }

    /// A unique ID number for the age on the reference date, with the county code in force in the birth year.
    private mutating func makeID(age: Int, male: Bool) -> ResidentID {
        while true {
            let year = referenceDate.year - age - (random.chance(0.5) ? 1 : 0)
            let month = random.int(1...12)
            let day = random.int(1...LocalDate.daysIn(month: month, year: year))
            let birth = LocalDate(year: year, month: month, day: day)!
            let region = regionCode(inYear: year)
            var sequence = random.int(0...998)
            if (sequence % 2 == 1) != male { sequence += 1 }
            let id = ResidentID.make(region: region, birth: birth, sequence: sequence)
            if usedIDs.insert(id.number).inserted { return id }
        }
    }
}

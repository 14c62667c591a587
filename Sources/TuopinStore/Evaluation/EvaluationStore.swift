import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 第三方评估 — evaluations, their samples and interviews; and the sampling frame of a county from the registry.
public enum EvaluationStore {
    /// A sampled household as stored: the pick, and the registry household when it is one.
    public struct Sampled: Sendable, Hashable {
        public var pick: EvaluationSampler.Pick
        public var household: Household.ID?
    }

    /// Households an evaluation of `year` may sample: still poor (未脱贫) and exited by `year` (已脱贫).
    static func sampleable(year: Int) -> SQLQueryString {
        "(h.status = '未脱贫' OR (h.status = '已脱贫' AND (h.exit_year IS NULL OR h.exit_year <= \(bind: year))))"
    }

    /// The first stage's frame: the county's villages that have a household to sample (registered households of
    /// `year`, or the roster's 卡外户), poor or not by their profile.
    public static func villages(county: AreaCode, year: Int, on db: any Database) async throws -> [EvaluationSampler.VillageEntry] {
        let sql = db as! any SQLDatabase
        var entries: [AreaCode: Bool] = [:]
        for r in try await sql.raw("""
            SELECT v.village_code, a.poor_village FROM (SELECT DISTINCT h.village_code FROM households h
              WHERE \(SQLConditions.within(county, column: "h.village_code")) AND \(sampleable(year: year))) v
            LEFT JOIN areas a ON a.code = v.village_code
            """).all() {
            guard let code = AreaCode(try r.decode(column: "village_code", as: String.self)) else { continue }
            entries[code] = ((try? r.decode(column: "poor_village", as: Bool?.self)) ?? nil) ?? false
        }
        let missing = try await RosterStore.villagesWithOutside(county: county, on: db).filter { entries[$0] == nil }
        let flags = try await poorVillages(missing, on: db)
        for code in missing { entries[code] = flags[code] ?? false }
        return entries.map { .init(code: $0.key, isPoor: $0.value) }
    }

    /// The second stage's frame: the households of the drawn villages by stratum — exited (已脱贫 by `year`) and
    /// still poor (未脱贫) keyed by 户编号, the roster's 卡外户 keyed by 户号 — with the registry IDs of the former.
    public static func frame(county: AreaCode, villages chosen: [EvaluationSampler.VillageEntry], year: Int,
                             on db: any Database) async throws -> (villages: [AreaCode: EvaluationSampler.Village], ids: [String: Household.ID]) {
        guard !chosen.isEmpty else { return ([:], [:]) }
        var villages = Dictionary(chosen.map { ($0.code, EvaluationSampler.Village(code: $0.code, isPoor: $0.isPoor, households: [:])) },
                                  uniquingKeysWith: { a, _ in a })
        var ids: [String: Household.ID] = [:]
        for r in try await (db as! any SQLDatabase).raw("""
            SELECT h.id, h.household_no, h.village_code, h.status, h.member_count FROM households h
            WHERE h.village_code IN (\(binds: chosen.map(\.code.value))) AND \(sampleable(year: year))
            """).all() {
            let code = AreaCode(try r.decode(column: "village_code", as: String.self))!
            let number = try r.decode(column: "household_no", as: String.self)
            let stratum: EvaluationStratum = try r.decode(column: "status", as: String.self) == "已脱贫" ? .exited : .poor
            villages[code]?.households[stratum, default: []].append(.init(key: number, persons: try r.decode(column: "member_count", as: Int.self)))
            ids[number] = Household.ID(try r.decode(column: "id", as: Int64.self))
        }
        for (code, units) in try await RosterStore.outside(county: county, villages: chosen.map(\.code), on: db) {
            villages[code]?.households[.nonRegistered] = units
        }
        return (villages, ids)
    }

    static func poorVillages(_ codes: [AreaCode], on db: any Database) async throws -> [AreaCode: Bool] {
        guard !codes.isEmpty else { return [:] }
        var found: [AreaCode: Bool] = [:]
        for r in try await (db as! any SQLDatabase).raw("SELECT code, poor_village FROM areas WHERE code IN (\(binds: codes.map(\.value)))").all() {
            if let code = AreaCode(try r.decode(column: "code", as: String.self)) { found[code] = (try? r.decode(column: "poor_village", as: Bool?.self)) ?? nil }
        }
        return found
    }

    public static func add(_ e: Evaluation, sample: [EvaluationSampler.Pick], ids: [String: Household.ID], on db: any Database) async throws -> Evaluation {
        let sql = db as! any SQLDatabase
        let d = e.design
        let row = try await sql.raw("""
            INSERT INTO evaluations (kind, county_code, year, title, team, seed, villages, poor_share, per_exited, per_poor, per_outside, state, created_on,
            appeal_days)
            VALUES (\(bind: e.kind.rawValue), \(bind: e.county.countyPart), \(bind: e.year), \(bind: e.title), \(bind: e.team.joined(separator: " ")),
            \(bind: String(e.seed)), \(bind: d.villages), \(bind: d.poorShare), \(bind: d.perVillage[.exited] ?? 0), \(bind: d.perVillage[.poor] ?? 0),
            \(bind: d.perVillage[.nonRegistered] ?? 0), \(bind: e.state.rawValue), \(bind: e.created.description), \(bind: e.appealDays))
            RETURNING id
            """).first()
        var saved = e
        saved.id = Evaluation.ID(try row!.decode(column: "id", as: Int64.self))
        for p in sample {
            try await sql.raw("""
                INSERT INTO evaluation_samples (evaluation_id, number, village_code, village_poor, stratum, unit_key, household_id, persons, probability)
                VALUES (\(bind: saved.id!.rawValue), \(bind: p.number), \(bind: p.village.value), \(bind: p.villageIsPoor ? 1 : 0), \(bind: p.stratum.rawValue),
                \(bind: p.key), \(bind: p.stratum == .nonRegistered ? nil : ids[p.key]?.rawValue), \(bind: p.persons), \(bind: p.probability))
                """).run()
        }
        return saved
    }

    static func evaluation(_ r: any SQLRow) throws -> Evaluation {
        Evaluation(id: Evaluation.ID(try r.decode(column: "id", as: Int64.self)),
                   kind: Evaluation.Kind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .countyPre,
                   county: AreaCode(try r.decode(column: "county_code", as: String.self))!, year: try r.decode(column: "year", as: Int.self),
                   title: try r.decode(column: "title", as: String.self),
                   team: try r.decode(column: "team", as: String.self).split(separator: " ").map(String.init),
                   seed: UInt64(try r.decode(column: "seed", as: String.self)) ?? 0,
                   design: EvaluationDesign(villages: try r.decode(column: "villages", as: Int.self), poorShare: try r.decode(column: "poor_share", as: Double.self),
                                            perVillage: [.exited: try r.decode(column: "per_exited", as: Int.self), .poor: try r.decode(column: "per_poor", as: Int.self),
                                                         .nonRegistered: try r.decode(column: "per_outside", as: Int.self)]),
                   state: Evaluation.State(rawValue: try r.decode(column: "state", as: String.self)) ?? .open,
                   created: LocalDate(iso: try r.decode(column: "created_on", as: String.self))!)
            .with(feedback: try r.decode(column: "feedback_on", as: String?.self).flatMap { LocalDate(iso: $0) },
                  appealDays: try r.decode(column: "appeal_days", as: Int.self))
    }

    public static func find(_ id: Evaluation.ID, on db: any Database) async throws -> Evaluation? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM evaluations WHERE id = \(bind: id.rawValue)").first().map(evaluation)
    }

    /// Evaluations of the counties under `area` (all when nil), newest first.
    public static func list(under area: AreaCode?, on db: any Database) async throws -> [Evaluation] {
        var q: SQLQueryString = "SELECT * FROM evaluations"
        if let area { q.appendLiteral(" WHERE county_code = "); q.appendInterpolation(bind: area.countyPart) }
        q.appendLiteral(" ORDER BY id DESC")
        return try await (db as! any SQLDatabase).raw(q).all().map(evaluation)
    }

    public static func sample(_ id: Evaluation.ID, on db: any Database) async throws -> [Sampled] {
        try await (db as! any SQLDatabase).raw("SELECT * FROM evaluation_samples WHERE evaluation_id = \(bind: id.rawValue) ORDER BY number").all().map { r in
            Sampled(pick: .init(number: try r.decode(column: "number", as: Int.self), village: AreaCode(try r.decode(column: "village_code", as: String.self))!,
                                villageIsPoor: try r.decode(column: "village_poor", as: Int.self) == 1,
                                stratum: EvaluationStratum(rawValue: try r.decode(column: "stratum", as: String.self)) ?? .exited,
                                key: try r.decode(column: "unit_key", as: String.self), persons: try r.decode(column: "persons", as: Int.self),
                                probability: try r.decode(column: "probability", as: Double.self)),
                    household: try r.decode(column: "household_id", as: Int64?.self).map { Household.ID($0) })
        }
    }

    /// Whether a household is in the sample of an open evaluation whose team includes `username`.
    public static func sampledFor(_ username: String, household: Household.ID, on db: any Database) async throws -> Bool {
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT e.team FROM evaluation_samples s JOIN evaluations e ON e.id = s.evaluation_id
            WHERE s.household_id = \(bind: household.rawValue) AND e.state <> '已结束'
            """).all()
        return try rows.contains { try $0.decode(column: "team", as: String.self).split(separator: " ").contains { String($0) == username } }
    }

    public static func interviews(_ id: Evaluation.ID, on db: any Database) async throws -> [EvaluationInterview] {
        try await (db as! any SQLDatabase).raw("SELECT * FROM evaluation_interviews WHERE evaluation_id = \(bind: id.rawValue) ORDER BY number").all().map { r in
            EvaluationInterview(evaluation: id, sample: try r.decode(column: "number", as: Int.self),
                                date: LocalDate(iso: try r.decode(column: "interview_date", as: String.self))!,
                                interviewer: try r.decode(column: "interviewer", as: String.self),
                                verdict: EvaluationVerdict(rawValue: try r.decode(column: "verdict", as: String.self)) ?? .rightExit,
                                approvals: approvals(try r.decode(column: "approvals", as: String.self)), note: try r.decode(column: "note", as: String.self))
                .with(started: try r.decode(column: "started_at", as: String?.self).flatMap(time), ended: try r.decode(column: "ended_at", as: String?.self).flatMap(time),
                      answers: try r.decode(column: "answers", as: String?.self).flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:])
        }
    }

    static func stamp(_ d: Date) -> String { ISO8601DateFormatter().string(from: d) }
    static func answersJSON(_ a: [String: String]) -> String? {
        guard !a.isEmpty else { return nil }
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return (try? e.encode(a)).map { String(decoding: $0, as: UTF8.self) }
    }
    static func time(_ s: String) -> Date? { ISO8601DateFormatter().date(from: s) }

    /// Writes (or replaces) an interview.
    public static func save(_ i: EvaluationInterview, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM evaluation_interviews WHERE evaluation_id = \(bind: i.evaluation.rawValue) AND number = \(bind: i.sample)").run()
        let text = i.approvals.keys.sorted().map { "\($0)=\(i.approvals[$0]! ? 1 : 0)" }.joined(separator: ";")
        try await sql.raw("""
            INSERT INTO evaluation_interviews (evaluation_id, number, interview_date, interviewer, verdict, approvals, note, started_at, ended_at, answers)
            VALUES (\(bind: i.evaluation.rawValue), \(bind: i.sample), \(bind: i.date.description), \(bind: i.interviewer), \(bind: i.verdict.rawValue),
            \(bind: text), \(bind: i.note), \(bind: i.started.map(stamp)), \(bind: i.ended.map(stamp)), \(bind: answersJSON(i.answers)))
            """).run()
    }

    public static func setState(_ id: Evaluation.ID, _ state: Evaluation.State, on date: LocalDate, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("UPDATE evaluations SET state = \(bind: state.rawValue) WHERE id = \(bind: id.rawValue)").run()
        if state == .feedback { try await sql.raw("UPDATE evaluations SET feedback_on = \(bind: date.description) WHERE id = \(bind: id.rawValue)").run() }
    }

    public static func appeals(_ id: Evaluation.ID, on db: any Database) async throws -> [Int: EvaluationAppeal] {
        let rows = try await (db as! any SQLDatabase).raw("SELECT * FROM evaluation_appeals WHERE evaluation_id = \(bind: id.rawValue)").all()
        var out: [Int: EvaluationAppeal] = [:]
        for r in rows {
            let n = try r.decode(column: "number", as: Int.self)
            out[n] = EvaluationAppeal(evaluation: id, sample: n, reason: try r.decode(column: "reason", as: String.self),
                                      appellant: try r.decode(column: "appellant", as: String.self),
                                      filed: LocalDate(iso: try r.decode(column: "filed_on", as: String.self))!,
                                      decision: try r.decode(column: "decision", as: String?.self).flatMap { EvaluationAppeal.Decision(rawValue: $0) },
                                      decider: try r.decode(column: "decider", as: String?.self), note: try r.decode(column: "note", as: String.self))
        }
        return out
    }

    /// Writes (or replaces) an appeal as it now stands.
    public static func save(_ a: EvaluationAppeal, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM evaluation_appeals WHERE evaluation_id = \(bind: a.evaluation.rawValue) AND number = \(bind: a.sample)").run()
        try await sql.raw("""
            INSERT INTO evaluation_appeals (evaluation_id, number, reason, appellant, filed_on, decision, decider, note)
            VALUES (\(bind: a.evaluation.rawValue), \(bind: a.sample), \(bind: a.reason), \(bind: a.appellant), \(bind: a.filed.description),
            \(bind: a.decision?.rawValue), \(bind: a.decider), \(bind: a.note))
            """).run()
    }

    static func approvals(_ text: String) -> [String: Bool] {
        Dictionary(text.split(separator: ";").compactMap { part -> (String, Bool)? in
            let kv = part.split(separator: "=")
            return kv.count == 2 ? (String(kv[0]), kv[1] == "1") : nil
        }, uniquingKeysWith: { a, _ in a })
    }
}

import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinTestSupport

/// `tuopin import-department` writes a department's file as it reads it (issue #17, the import beside the shell): a
/// fault in a late row, after chunks were written, leaves nothing behind; a clean file loads whole with its warnings,
/// batch and audit record, and the match finds what it holds — on both databases.
@Suite struct MatchStreamLoadTests {
    @Test func a_department_file_written_as_it_is_read_loads_all_or_nothing() async throws {
        try await StoreHarness.withStore { db in
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household("H0001"), Samples.household("H0002", idBase: 2)]), on: db)
            let sql = db as! any SQLDatabase
            let members = try await sql.raw("SELECT id_number, name FROM members ORDER BY id").all()
                .map { (try $0.decode(column: "id_number", as: String.self), try $0.decode(column: "name", as: String.self)) }
            let stranger = ResidentID.make(region: "451224", birth: LocalDate(year: 1980, month: 1, day: 1)!, sequence: 951).number
            var lines = members.enumerated().map { i, m in "\(m.0),\(m.1),桂A1\(String(format: "%04d", i)),小型轿车,2018-05-01,68000" }
            lines.append("\(stranger),外县人员,桂A99999,小型轿车,2018-05-01,90000")
            let header = "证件号码,姓名,号牌号码,车辆类型,登记日期,估值"
            let ctx = ServiceContext.commandLine(db: db)
            func count(_ table: String) async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
            }

            var bad = lines
            bad[bad.count - 2] = bad[bad.count - 2].replacingOccurrences(of: "2018-05-01", with: "2099-05-01")
            let badFile = Samples.file(([header] + bad).joined(separator: "\n") + "\n", name: "bad.csv")
            var outcome = try await MatchService.load(file: badFile, kind: .vehicles, county: AreaCode("451224"), dryRun: false, chunk: 2, in: ctx)
            #expect(!outcome.written && outcome.changed == 0)
            #expect(outcome.issues.contains { $0.severity == .error && $0.row == bad.count && $0.column == "登记日期" }, "\(outcome.issues)")
            let (records, batches) = (try await count("department_records"), try await count("department_batches"))
            #expect(records == 0 && batches == 0, "nothing written")

            let good = Samples.file(([header] + lines).joined(separator: "\n") + "\n", name: "good.csv")
            outcome = try await MatchService.load(file: good, kind: .vehicles, county: AreaCode("451224"), dryRun: false, chunk: 2, in: ctx)
            #expect(outcome.written && outcome.rows == lines.count && outcome.changed == members.count, "\(outcome.issues)")
            #expect(outcome.issues.map(\.value) == [stranger] && outcome.issues.first?.row == lines.count + 1)
            #expect(try await count("department_records") == lines.count)
            let loaded = try await sql.raw("SELECT rows_loaded FROM department_batches").all().map { try $0.decode(column: "rows_loaded", as: Int.self) }
            #expect(loaded == [lines.count])
            let audit = try await sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'department.import'").first()!.decode(column: "n", as: Int.self)
            #expect(audit == 1)
            let flags = try await MatchService.match(year: 2026, area: AreaCode("451224"), in: ctx).flags
            #expect(flags.filter { $0.rule == .vehicle }.count == members.count, "\(flags.map(\.rule))")
        }
    }
}

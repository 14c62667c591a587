import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinTestSupport

/// `tuopin import-benefits` writes a payment list as it reads it (issue #16, the import beside the shell): a clean file
/// loads whole with its warnings, batch and audit record; a fault in a late row, after chunks were written, or a
/// project not in the pool leaves nothing behind and reports every fault — on both databases.
@Suite struct BenefitsStreamLoadTests {
    @Test func a_list_written_as_it_is_read_loads_all_or_nothing() async throws {
        try await StoreHarness.withStore { db in
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household("H0001"), Samples.household("H0002", idBase: 2)]), on: db)
            let sql = db as! any SQLDatabase
            let members = try await sql.raw("SELECT id_number, name FROM members ORDER BY id").all()
                .map { (try $0.decode(column: "id_number", as: String.self), try $0.decode(column: "name", as: String.self)) }
            #expect(members.count >= 6)
            let stranger = ResidentID.make(region: "451224", birth: LocalDate(year: 1980, month: 1, day: 1)!, sequence: 951).number
            var lines = members.enumerated().map { i, m in "\(m.0),\(m.1),\(100 + i),2026-0\(1 + i % 9)-10" }
            lines.append("\(stranger),外县人员,300,2026-03-10")
            let header = "证件号码,姓名,金额,发放日期"
            let ctx = ServiceContext.commandLine(db: db)
            func count(_ table: String) async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
            }

            // A bad amount on the last row but one: the chunks before it were written, and are rolled back.
            var bad = lines
            bad[bad.count - 2] = bad[bad.count - 2].replacingOccurrences(of: ",1", with: ",-1")
            let badFile = Samples.file(([header] + bad).joined(separator: "\n") + "\n", name: "bad.csv")
            var outcome = try await BenefitsService.load(file: badFile, policy: "dibao", department: nil, county: AreaCode("451224"), dryRun: false, chunk: 2, in: ctx)
            #expect(!outcome.written && outcome.changed == 0)
            #expect(outcome.issues.contains { $0.severity == .error && $0.row == bad.count && $0.column == "金额" }, "\(outcome.issues)")
            let (written, batches) = (try await count("benefits"), try await count("benefit_batches"))
            #expect(written == 0 && batches == 0, "nothing written")

            // A project not in the pool, on the first row: refused the same way.
            let noProject = Samples.file("证件号码,姓名,金额,发放日期,项目编号\n" + lines.enumerated().map { i, l in i == 0 ? l + ",999" : l + "," }
                .joined(separator: "\n") + "\n", name: "project.csv")
            outcome = try await BenefitsService.load(file: noProject, policy: "dibao", department: nil, county: AreaCode("451224"), dryRun: false, chunk: 2, in: ctx)
            #expect(!outcome.written && outcome.issues.contains { $0.column == "项目编号" && $0.row == 2 }, "\(outcome.issues)")
            #expect(try await count("benefits") == 0)

            // The clean list: every row, the stranger a warning, one batch with its count, one audit record.
            let good = Samples.file(([header] + lines).joined(separator: "\n") + "\n", name: "good.csv")
            outcome = try await BenefitsService.load(file: good, policy: "dibao", department: nil, county: AreaCode("451224"), dryRun: false, chunk: 2, in: ctx)
            #expect(outcome.written && outcome.changed == lines.count, "\(outcome.issues)")
            #expect(outcome.issues.filter { $0.severity == .warning }.map(\.value) == [stranger])
            #expect(try await count("benefits") == lines.count)
            let batch = try await sql.raw("SELECT rows_loaded FROM benefit_batches").all()
            #expect(try batch.map { try $0.decode(column: "rows_loaded", as: Int.self) } == [lines.count])
            let audit = try await sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'benefits.import'").first()!.decode(column: "n", as: Int.self)
            #expect(audit == 1)
            let paid = try await BenefitStore.payments(county: AreaCode("451224")!, year: 2026, on: db)
            #expect(paid.filter { $0.household != nil }.count == members.count && paid.contains { $0.idNumber == stranger && $0.household == nil })

            // The same file again: refused before it is read.
            outcome = try await BenefitsService.load(file: good, policy: "dibao", department: nil, county: AreaCode("451224"), dryRun: false, chunk: 2, in: ctx)
            #expect(!outcome.written && outcome.issues.contains { $0.message.contains("已导入过") })
        }
    }
}

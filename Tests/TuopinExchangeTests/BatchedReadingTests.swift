import Foundation
import Testing
import TuopinDomain
@testable import TuopinExchange
import TuopinTestSupport

/// The reader interprets rows on a second thread a batch at a time: whatever the batch size, it finds
/// the same households, rows and faults in the same order as reading the whole file in one batch.
@Suite struct BatchedReadingTests {
    func read(_ url: URL, batchSize: Int) throws -> RegistryReadResult {
        var source = try CSVRowReader(url: url)
        return RegistryFileReader.read(&source, options: Samples.options(), batchSize: batchSize)
    }

    @Test(arguments: [1, 7, 1000])
    func small_batches_read_as_one(batchSize: Int) throws {
        let url = Samples.directory().appendingPathComponent("county.csv")
        var generator = try RegistryGenerator(options: GeneratorOptions(households: 400, seed: 11, errorRate: 0.03))
        let summary = try generator.write(to: url)
        let whole = try read(url, batchSize: 1_000_000)
        let batched = try read(url, batchSize: batchSize)
        #expect(summary.faultyRows > 0 && whole.hasErrors)
        #expect(batched.rowCount == whole.rowCount)
        #expect(batched.households == whole.households)
        #expect(batched.issues == whole.issues)
        #expect(batched.firstRows == whole.firstRows)
        #expect(batched.memberRows == whole.memberRows)
    }

    @Test func a_file_fault_after_several_batches_keeps_the_faults_before_it() throws {
        var rows = Samples.rows((1...5).map { Samples.household(String(format: "H%04d", $0), idBase: $0) })
        rows[2][ExchangeColumn.sex.rawValue] = "未知"
        let text = Samples.csv(rows) + "H0099,\"451224100201,未闭合\r\n"
        var source = try CSVRowReader(url: Samples.file(text))
        let result = RegistryFileReader.read(&source, options: Samples.options(), batchSize: 2)
        #expect(result.issues.contains { $0.row == 3 && $0.column == ExchangeColumn.sex.chineseName })
        #expect(result.issues.contains { $0.message.contains("never closed") })
    }

    /// A batch reads a row's household cells once per run of equal rows (batch size 1 never does): the
    /// households and faults must not change, whatever the faults and wherever they sit.
    @Test func household_cells_read_once_per_run_give_the_same_faults() throws {
        var rows = Samples.rows((1...6).map { Samples.household(String(format: "H%04d", $0), idBase: $0) })
        let C = ExchangeColumn.self
        rows[5][C.villageCode.rawValue] = "45122410020"        // H0002's second row: a faulty household cell …
        rows[8][C.foodSecure.rawValue] = "否"                   // H0003's second row disagrees with its first
        for r in 10...12 { rows[r][C.villageCode.rawValue] = "451224999201" }   // H0004: unknown township (a warning per row)
        rows[14][C.housingGrade.rawValue] = "Z"                 // H0005's second row faulty, its third like its first
        let url = Samples.file(Samples.csv(rows))
        let whole = try read(url, batchSize: 1_000_000)
        let single = try read(url, batchSize: 1)
        #expect(whole.issues.contains { $0.row == 6 } && whole.issues.contains { $0.row == 9 } && whole.issues.contains { $0.row == 15 })
        #expect(whole.issues.filter { $0.severity == .warning }.count == 3)
        #expect(single.issues == whole.issues)
        #expect(single.households == whole.households)
    }
}

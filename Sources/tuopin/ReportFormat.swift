import ArgumentParser

/// `--format` of the report commands: a plain-text table for reading, or CSV for a spreadsheet.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv
}

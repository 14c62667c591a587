import TuopinDomain

/// A year asked for by a page or a command: it must be one the standards in force have a poverty line for.
enum StandardsYear {
    static func check(_ year: Int, in ctx: ServiceContext) throws -> Int {
        guard ctx.standards.line(for: year) != nil else {
            throw Refused(.badRequest, "年度“\(year)”无效：扶贫标准文件未列该年贫困线", "no poverty line for year '\(year)'", field: "year")
        }
        return year
    }

    /// The year asked for, or the latest the standards have a line for.
    static func resolve(_ year: Int?, in ctx: ServiceContext) throws -> Int {
        if let year { return try check(year, in: ctx) }
        guard let latest = ctx.standards.lines.keys.max() else {
            throw Refused(.misconfigured, "扶贫标准文件没有贫困线", "the standards file has no poverty line")
        }
        return latest
    }
}

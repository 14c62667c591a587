/// 工作进度表 — the quarterly progress of an area's plans (六个一: 一张工作进度表), computed from the data:
/// measures due and done in each quarter with the income the done ones were expected to add, and the visits
/// logged with the problems they found. Nothing is typed in twice.
public struct PlanProgress: Sendable, Equatable {
    /// One month's counts, as the store sums them.
    public struct Month: Sendable, Equatable {
        public var month: Int
        public var due = 0
        public var done = 0
        public var doneIncome = Money.zero
        public var visits = 0
        public var problemsFound = 0

        public init(month: Int, due: Int = 0, done: Int = 0, doneIncome: Money = .zero, visits: Int = 0, problemsFound: Int = 0) {
            self.month = month
            self.due = due
            self.done = done
            self.doneIncome = doneIncome
            self.visits = visits
            self.problemsFound = problemsFound
        }
    }

    /// A quarter's row: 1–4, and the year's total as quarter 0.
    public struct Quarter: Sendable, Equatable {
        public var quarter: Int
        public var due: Int
        public var done: Int
        public var doneIncome: Money
        public var visits: Int
        public var problemsFound: Int
        /// Done against due, in percent; nil when nothing was due.
        public var completion: Int? { due == 0 ? nil : Int((Double(done) / Double(due) * 100).rounded()) }
    }

    public var year: Int
    public var quarters: [Quarter]
    public var total: Quarter

    /// Sums months (any order, repeats allowed) into the four quarters and the year.
    public init(year: Int, months: [Month]) {
        self.year = year
        func sum(_ ms: [Month], quarter: Int) -> Quarter {
            Quarter(quarter: quarter, due: ms.reduce(0) { $0 + $1.due }, done: ms.reduce(0) { $0 + $1.done },
                    doneIncome: Money(fen: ms.reduce(0) { $0 + $1.doneIncome.fen }), visits: ms.reduce(0) { $0 + $1.visits },
                    problemsFound: ms.reduce(0) { $0 + $1.problemsFound })
        }
        let valid = months.filter { (1...12).contains($0.month) }
        quarters = (1...4).map { q in sum(valid.filter { ($0.month - 1) / 3 + 1 == q }, quarter: q) }
        total = sum(valid, quarter: 0)
    }
}

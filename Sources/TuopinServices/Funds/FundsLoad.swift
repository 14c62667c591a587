import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// The demo's year of funds and projects (`GeneratedFunds`), written as given and each record audited; on the
/// server's command line only.
extension FundsService {
    public static func load(_ g: GeneratedFunds.Output, in ctx: ServiceContext) async throws -> (sources: Int, projects: Int, allocations: Int, reimbursements: Int) {
        guard ctx.onCommandLine else { throw Refused(.forbidden, "只能在服务器命令行载入", "only on the server's command line") }
        return try await ctx.transaction { tx in
            var sources: [FundSource] = [], projects: [Project] = []
            for s in g.sources {
                let saved = try await FundStore.addSource(s, on: tx.db)
                try await tx.record(FundsEvent.sourceAdded(saved))
                sources.append(saved)
            }
            for item in g.projects {
                let saved = try await ProjectStore.add(item.project, on: tx.db)
                for s in item.steps {
                    try await ProjectStore.addStep(saved.id!, .init(date: s.date, username: s.username, action: s.action, stage: s.stage, note: s.note), on: tx.db)
                }
                try await tx.record(FundsEvent.proposed(saved))
                projects.append(saved)
            }
            var count = 0
            for item in g.allocations {
                var a = item.allocation
                a.source = sources[item.source].id!
                a.project = item.project.map { projects[$0].id! }
                let saved = try await FundStore.addAllocation(a, on: tx.db)
                try await tx.record(FundsEvent.allocated(saved))
                for var r in item.reimbursements {
                    r.allocation = saved.id!
                    r.project = saved.project
                    let stored = try await FundStore.addReimbursement(r, on: tx.db)
                    try await tx.record(FundsEvent.reimbursed(stored, area: saved.area))
                    count += 1
                }
            }
            return (sources.count, projects.count, g.allocations.count, count)
        }
    }
}

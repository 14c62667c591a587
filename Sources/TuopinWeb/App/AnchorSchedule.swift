import Foundation
import TuopinServices
import TuopinStore
import Vapor

/// 锚点 — while the server runs it signs the audit chain's head into the anchor log at start and then every
/// TUOPIN_ANCHOR_HOURS hours (24 by default), when the head has moved (`AnchorLog`). Configured by
/// TUOPIN_ANCHOR_KEY and TUOPIN_ANCHOR_LOG; without them no anchors are written (docs/SECURITY.md).
final class AnchorSchedule: LifecycleHandler, @unchecked Sendable {
    let key: AnchorKey
    let log: String
    let interval: TimeInterval
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    init(key: AnchorKey, log: String, interval: TimeInterval) {
        self.key = key
        self.log = log
        self.interval = interval
    }

    func didBootAsync(_ app: Application) async throws {
        let key = key, log = log, interval = interval, db = app.db, logger = app.logger
        let started = Task.detached {
            while !Task.isCancelled {
                do {
                    let ctx = ServiceContext.commandLine(db: db)
                    if let a = try await AuditService.anchor(key: key, log: log, in: ctx) {
                        logger.info("audit anchor written: seq \(a.seq)")
                    }
                } catch {
                    logger.error("audit anchor not written: \(error)")
                }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            }
        }
        lock.withLock { task = started }
    }

    func shutdownAsync(_ app: Application) async {
        lock.withLock { task }?.cancel()
    }
}

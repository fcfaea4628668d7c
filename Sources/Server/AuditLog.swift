import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// The audit log as the daemon writes it: records are handed over in memory (a lock and an
/// append, nothing more, on the request path) and written to the ``AuditStore`` in batches,
/// one transaction every ``interval``, by this service's own task.
///
/// Run it in the same service group as the server and before it: on shutdown the group stops
/// the server first (which answers its in-flight requests), then this service, which writes
/// what is left before it returns — nothing accepted is lost.
public final class AuditLog: Service, Sendable {
    /// Records held while the file cannot be written, at most (oldest dropped first, loudly).
    static let maxPending = 1_000_000

    private let store: AuditStore
    private let pending = NIOLockedValueBox<[AuditRecord]>([])
    private let interval: Duration
    private let logger: Logger

    public init(store: AuditStore, interval: Duration = .milliseconds(100), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    /// Queues a record for the next batch.
    public func record(_ record: AuditRecord) {
        pending.withLockedValue { $0.append(record) }
    }

    /// Writes every queued record now.
    public func flush() {
        let batch = pending.withLockedValue { records in
            defer { records.removeAll(keepingCapacity: true) }
            return records
        }
        guard !batch.isEmpty else { return }
        do {
            try store.append(batch)
        } catch {
            let dropped = pending.withLockedValue { records in
                records.insert(contentsOf: batch, at: 0)
                let excess = max(0, records.count - Self.maxPending)
                records.removeFirst(excess)
                return excess
            }
            logger.error("audit log: could not write \(batch.count) records: \(error); will retry")
            if dropped > 0 { logger.critical("audit log: \(dropped) records lost: the log cannot be written") }
        }
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            flush()
        }
        flush()
        logger.debug("audit log flushed")
    }
}

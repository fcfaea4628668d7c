import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Everything `ddx serve` runs, put together: the event loops, the worker pool, the audit
/// log and the server in one service group that shuts down gracefully on SIGTERM or SIGINT.
public struct Daemon: Sendable {
    public var endpoint: RPCServer.Endpoint
    public var cases: CaseService
    public var limits = ServerLimits()
    /// The shared secret every request must carry; nil: none required.
    public var token: String?
    public var logCases = false
    /// Where the audit log goes; nil: no audit log.
    public var auditPath: String?
    /// Threads that process requests; default: one per core.
    public var workers = System.coreCount
    /// SIGTERM and SIGINT; made by ``run()`` when not given (give them earlier to cover start-up).
    public var signals: ShutdownSignals?
    public var logger: Logger

    public init(endpoint: RPCServer.Endpoint, cases: CaseService, logger: Logger) {
        self.endpoint = endpoint
        self.cases = cases
        self.logger = logger
    }

    /// Runs until shutdown; returns normally after a graceful one.
    public func run() async throws {
        let signals = self.signals ?? ShutdownSignals()
        defer { if self.signals == nil { signals.cancel() } }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: max(1, workers))
        pool.start()
        let audit = try auditPath.map { AuditLog(store: try AuditStore(path: $0), logger: logger) }
        let processor = RequestProcessor(
            cases: cases, status: ServerStatus(), limits: limits, audit: audit, token: token, logCases: logCases,
            logger: logger)
        let server = RPCServer(endpoint: endpoint, processor: processor, group: group, pool: pool, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let audit { services.append(.init(service: audit)) }
        services.append(.init(service: server, successTerminationBehavior: .gracefullyShutdownGroup))
        // The signals are caught by `signals` (from start-up on), which asks the group to shut
        // down gracefully; a signal that came before the group runs makes it stop right after start.
        let serviceGroup = ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: logger))
        signals.onSignal { [logger] number in
            logger.info("signal \(number): shutting down gracefully")
            Task { await serviceGroup.triggerGracefulShutdown() }
        }
        var failure: (any Error)?
        do {
            try await serviceGroup.run()
        } catch {
            failure = error
        }
        // Work the pool still ran for connections closed when the shutdown grace ended is audited
        // too: once the pool has finished it, what it recorded is written.
        try? await pool.shutdownGracefully()
        audit?.flush()
        try? await group.shutdownGracefully()
        if let failure { throw failure }
        logger.info("stopped\(auditPath.map { "; audit log written to \($0)" } ?? "")")
    }

    /// Runs ``run()`` from synchronous code (a command's `run()`), blocking until it returns.
    public func runBlocking() throws {
        let outcome = BlockingOutcome()
        let semaphore = DispatchSemaphore(value: 0)
        Task { [self] in
            do {
                try await run()
            } catch {
                outcome.error = error
            }
            semaphore.signal()
        }
        semaphore.wait()
        if let error = outcome.error { throw error }
    }
}

/// What a blocking run left behind; written by the task before it signals, read after.
private final class BlockingOutcome: @unchecked Sendable {
    var error: (any Error)?
}

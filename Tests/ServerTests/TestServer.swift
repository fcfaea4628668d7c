import Foundation
import Knowledge
import Logging
import NIOCore
import NIOPosix
import Server
import ServiceLifecycle
import TestFixtures

/// A real daemon on an ephemeral loopback port, over the toy knowledge base and a stub ranker.
final class TestServer: Sendable {
    let port: Int
    let auditPath: String
    let status: ServerStatus
    private let serviceGroup: ServiceGroup
    private let task: Task<Void, any Error>
    private let group: MultiThreadedEventLoopGroup
    private let pool: NIOThreadPool

    static func cases(delay: Duration = .zero) throws -> CaseService {
        CaseService(knowledgeBase: try ToyRelease.knowledgeBase(), ranker: StubRanker(delay: delay))
    }

    /// A request processor over ``cases(delay:)``, without a network, audit log or log output.
    static func processor(
        token: String? = nil, limits: ServerLimits = ServerLimits(), delay: Duration = .zero
    ) throws -> RequestProcessor {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return RequestProcessor(
            cases: try cases(delay: delay), status: ServerStatus(), limits: limits, audit: nil, token: token,
            logger: logger)
    }

    init(limits: ServerLimits = ServerLimits(), token: String? = nil, delay: Duration = .zero) async throws {
        var logger = Logger(label: "test.server")
        logger.logLevel = .critical
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        auditPath =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("ddx-audit-\(UUID().uuidString).sqlite").path
        let audit = AuditLog(store: try AuditStore(path: auditPath), interval: .milliseconds(20), logger: logger)
        status = ServerStatus()
        let processor = RequestProcessor(
            cases: try Self.cases(delay: delay), status: status, limits: limits, audit: audit, token: token,
            logger: logger)
        let server = RPCServer(
            endpoint: .tcp(host: "127.0.0.1", port: 0), processor: processor, group: group, pool: pool,
            logger: logger)
        serviceGroup = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: audit),
                    .init(service: server, successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                logger: logger))
        let services = serviceGroup
        task = Task { try await services.run() }
        port = try await server.boundAddress()?.port ?? 0
    }

    /// The audit log and SQLite's files beside it are the test's alone: removed with the server.
    deinit {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: auditPath + suffix) }
    }

    /// Shuts down gracefully, as SIGTERM does, and waits until the service group has returned.
    func stop() async throws {
        await serviceGroup.triggerGracefulShutdown()
        try await task.value
        try await pool.shutdownGracefully()
        try await group.shutdownGracefully()
    }

    func client() throws -> LineClient { try LineClient(port: port) }

    /// Waits until the server has taken up work: a line in flight or already answered (a request
    /// that finishes before the first look still counts, so this cannot wait forever on a busy
    /// machine), for at most `timeout`. Whether it did.
    func waitForWork(timeout: Duration = .seconds(10)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while status.inFlight == 0 && status.answered == 0 {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    /// The audit rows written so far.
    func auditRecords() throws -> [AuditRecord] { try AuditStore(path: auditPath).records() }
}

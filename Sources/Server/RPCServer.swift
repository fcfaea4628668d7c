import Dispatch
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The daemon: JSON-RPC 2.0 over newline-delimited JSON, on a TCP address or on stdin/stdout.
///
/// Event loops only frame lines and write answers; every request is processed on the worker
/// pool. As a `Service`, it runs until graceful shutdown (SIGTERM/SIGINT in a service group)
/// or, on stdio, until its input ends; either way it stops accepting, answers every line
/// already read (for at most ``ServerLimits/shutdownGrace``) and returns.
public final class RPCServer: Service, Sendable {
    /// Where the daemon listens.
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        case stdio
    }

    private let endpoint: Endpoint
    private let processor: RequestProcessor
    private let limits: ServerLimits
    private let group: any EventLoopGroup
    private let pool: NIOThreadPool
    private let gate: WorkGate
    private let registry = ConnectionRegistry()
    private let logger: Logger
    private let bound: EventLoopPromise<SocketAddress?>

    public init(
        endpoint: Endpoint, processor: RequestProcessor, group: any EventLoopGroup, pool: NIOThreadPool,
        logger: Logger
    ) {
        self.endpoint = endpoint
        self.processor = processor
        self.limits = processor.limits
        self.group = group
        self.pool = pool
        self.gate = WorkGate(permits: processor.limits.maxInFlight)
        self.logger = logger
        self.bound = group.next().makePromise(of: SocketAddress?.self)
    }

    /// The address the server listens on, once it does (nil on stdio); throws if it could not bind.
    public func boundAddress() async throws -> SocketAddress? {
        try await bound.futureResult.get()
    }

    public func run() async throws {
        switch endpoint {
        case .tcp(let host, let port): try await serveTCP(host: host, port: port)
        case .stdio: try await serveStdio()
        }
    }

    // MARK: - TCP

    private func serveTCP(host: String, port: Int) async throws {
        let server: any Channel
        do {
            server = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelOption(.allowRemoteHalfClosure, value: true)
                .childChannelOption(.maxMessagesPerRead, value: 16)
                .childChannelInitializer { [self] channel in accept(channel) }
                .bind(host: host, port: port).get()
        } catch {
            bound.fail(error)
            throw error
        }
        bound.succeed(server.localAddress)
        logger.info("listening on \(server.localAddress.map { "\($0)" } ?? "\(host):\(port)")")
        await withGracefulShutdownHandler {
            try? await server.closeFuture.get()
        } onGracefulShutdown: { [self] in
            logger.info("shutting down: no new connections; answering requests in flight")
            processor.status.beginDraining()
            server.close(promise: nil)
        }
        server.close(promise: nil)
        await registry.drain(grace: limits.shutdownGrace.timeAmount)
        logger.info("all connections closed")
    }

    private func accept(_ channel: any Channel) -> EventLoopFuture<Void> {
        guard processor.status.openConnection(limit: limits.maxConnections) else {
            logger.warning("refused a connection: \(limits.maxConnections) connections are open")
            let error = RPCError.overloaded("the server has \(limits.maxConnections) connections open; try again later")
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(RefusalHandler(error))
            }
        }
        let status = processor.status
        channel.closeFuture.whenComplete { _ in status.closeConnection() }
        registry.add(channel)
        if status.isDraining { channel.pipeline.fireUserInboundEventTriggered(DrainEvent()) }
        return addHandlers(to: channel)
    }

    private func addHandlers(to channel: any Channel) -> EventLoopFuture<Void> {
        channel.eventLoop.makeCompletedFuture {
            let sync = channel.pipeline.syncOperations
            try sync.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLength: limits.maxLineBytes)))
            try sync.addHandler(
                ConnectionHandler(processor: processor, pool: pool, gate: gate, limits: limits, logger: logger))
        }
    }

    // MARK: - stdio

    private func serveStdio() async throws {
        let channel: any Channel
        let pipes: StdioPipes
        do {
            pipes = try StdioPipes()
            channel = try await NIOPipeBootstrap(group: group)
                .channelOption(.allowRemoteHalfClosure, value: true)
                .channelInitializer { [self] channel in
                    _ = processor.status.openConnection(limit: Int.max)
                    let status = processor.status
                    channel.closeFuture.whenComplete { _ in status.closeConnection() }
                    registry.add(channel)
                    return addHandlers(to: channel)
                }
                .takingOwnershipOfDescriptors(input: pipes.input, output: pipes.output).get()
        } catch {
            bound.fail(error)
            throw error
        }
        bound.succeed(nil)
        logger.info("serving on stdin/stdout")
        await withGracefulShutdownHandler {
            try? await channel.closeFuture.get()
        } onGracefulShutdown: { [self] in
            logger.info("shutting down: answering requests in flight")
            processor.status.beginDraining()
            Task { await registry.drain(grace: limits.shutdownGrace.timeAmount) }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                pipes.finish()
                continuation.resume()
            }
        }
    }
}

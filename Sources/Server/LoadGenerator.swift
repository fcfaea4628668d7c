import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A load-test client: `connections` TCP connections to a daemon, each keeping `pipeline`
/// rank requests in flight until `requests` have been answered, timing each from write to
/// the answer's line.
public struct LoadGenerator: Sendable {
    public var host: String
    public var port: Int
    public var connections = 16
    public var requests = 20_000
    /// Requests each connection keeps in flight.
    public var pipeline = 1
    /// Case objects (JSON text), sent in the order ``order`` gives.
    public var cases: [String]
    public var top = 10
    public var token: String?
    public var method = "rank"
    public var order = CaseOrder.spread

    public init(host: String, port: Int, cases: [String]) {
        self.host = host
        self.port = port
        self.cases = cases
    }

    /// Runs the test and reports; `progress` is called now and then with the answers so far.
    public func run(progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> LoadReport {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let shared = LoadState(total: requests, progress: progress)
        let heads = cases.map { requestHead(case: $0) }
        let started = NIODeadline.now()
        var channels: [any Channel] = []
        for _ in 0..<connections {
            let client = LoadClient(heads: heads, order: order, pipeline: pipeline, state: shared)
            let channel = try await ClientBootstrap(group: group)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(LineFrameDecoder(maxLength: 256 << 20)))
                        try channel.pipeline.syncOperations.addHandler(client)
                    }
                }
                .connect(host: host, port: port).get()
            channels.append(channel)
        }
        for channel in channels { try? await channel.closeFuture.get() }
        let seconds = Double((NIODeadline.now() - started).nanoseconds) / 1e9
        try? await group.shutdownGracefully()
        return shared.report(connections: connections, seconds: seconds)
    }

    private func requestHead(case object: String) -> String {
        let token = token.map { ",\"token\":\(JSONLine.quoted($0))" } ?? ""
        return
            "{\"jsonrpc\":\"2.0\",\"method\":\"\(method)\"\(token),\"params\":{\"case\":\(object),\"top\":\(top)},\"id\":"
    }
}

/// What all connections of a load test share: how many requests are left to send, and the results.
final class LoadState: Sendable {
    private struct Results {
        var issued = 0
        var answered = 0
        var errors = 0
        var samples: [String] = []
        var latencies: [Double] = []
    }

    let total: Int
    private let results = NIOLockedValueBox(Results())
    private let progress: @Sendable (Int) -> Void

    init(total: Int, progress: @escaping @Sendable (Int) -> Void) {
        self.total = total
        self.progress = progress
        results.withLockedValue { $0.latencies.reserveCapacity(total) }
    }

    /// A request number to send, or nil when all have been sent.
    func nextRequest() -> Int? {
        results.withLockedValue { results in
            guard results.issued < total else { return nil }
            results.issued += 1
            return results.issued
        }
    }

    func answered(latencies: [Double], errors: [String]) {
        let count = results.withLockedValue { results in
            results.latencies.append(contentsOf: latencies)
            results.answered += latencies.count
            results.errors += errors.count
            if results.samples.count < 5 {
                results.samples.append(contentsOf: errors.prefix(5 - results.samples.count))
            }
            return results.answered
        }
        progress(count)
    }

    /// Requests sent but never answered count as errors.
    func report(connections: Int, seconds: Double) -> LoadReport {
        results.withLockedValue { results in
            let unanswered = results.issued - results.answered
            return LoadReport(
                connections: connections, requests: results.issued, errors: results.errors + unanswered,
                errorSamples: results.samples, seconds: seconds, latencies: results.latencies)
        }
    }
}

/// One load-test connection.
final class LoadClient: ChannelInboundHandler, Sendable {
    typealias InboundIn = LineFrame
    typealias OutboundOut = ByteBuffer

    private let heads: [String]
    private let order: CaseOrder
    /// Requests this connection has sent.
    private let sentCount = NIOLockedValueBox(0)
    private let pipeline: Int
    private let state: LoadState
    private let sent = NIOLockedValueBox([Int: NIODeadline]())
    private let batch = NIOLockedValueBox((latencies: [Double](), errors: [String]()))
    /// Set once the server said it is overloaded or shutting down (-32001): send no more.
    private let refused = NIOLockedValueBox(false)

    init(heads: [String], order: CaseOrder, pipeline: Int, state: LoadState) {
        self.heads = heads
        self.order = order
        self.pipeline = pipeline
        self.state = state
    }

    func channelActive(context: ChannelHandlerContext) {
        for _ in 0..<max(1, pipeline) { sendNext(context) }
        context.flush()
        closeIfDone(context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .line(let line) = unwrapInboundIn(data) else { return }
        let now = NIODeadline.now()
        let text = String(buffer: line)
        let isError = text.hasPrefix("{\"error\"")
        let id = Self.id(in: text, isError: isError)
        let sentAt = id.flatMap { id in sent.withLockedValue { $0.removeValue(forKey: id) } }
        let latency = sentAt.map { Double((now - $0).nanoseconds) / 1e6 } ?? 0
        batch.withLockedValue {
            $0.latencies.append(latency)
            if isError || sentAt == nil { $0.errors.append(String(text.prefix(300))) }
        }
        if isError && text.contains("\"code\":\(RPCError.overloadedCode),") {
            refused.withLockedValue { $0 = true }
        }
        sendNext(context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
        flushResults()
        closeIfDone(context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        flushResults()
    }

    private func flushResults() {
        let taken = batch.withLockedValue { batch in
            defer { batch = ([], []) }
            return batch
        }
        if !taken.latencies.isEmpty { state.answered(latencies: taken.latencies, errors: taken.errors) }
    }

    private func sendNext(_ context: ChannelHandlerContext) {
        guard !refused.withLockedValue({ $0 }), let number = state.nextRequest() else { return }
        let local = sentCount.withLockedValue { count in
            defer { count += 1 }
            return count
        }
        let head = heads[order.caseIndex(number: number, local: local, caseCount: heads.count)]
        var buffer = context.channel.allocator.buffer(capacity: head.utf8.count + 12)
        buffer.writeString(head)
        buffer.writeString(String(number))
        buffer.writeString("}\n")
        sent.withLockedValue { $0[number] = .now() }
        context.write(wrapOutboundOut(buffer), promise: nil)
    }

    private func closeIfDone(_ context: ChannelHandlerContext) {
        if sent.withLockedValue({ $0.isEmpty }) { context.close(promise: nil) }
    }

    /// The response's id: the first `"id":` of a success (its members are written id first), or
    /// the one after the `error` object.
    private static func id(in text: String, isError: Bool) -> Int? {
        let marker = isError ? "},\"id\":" : "{\"id\":"
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix(while: \.isNumber))
    }
}

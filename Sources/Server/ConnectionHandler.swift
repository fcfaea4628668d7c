import Logging
import NIOCore
import NIOPosix

/// One connection's request flow: lines go to the worker pool, answers come back in
/// completion order (matched by id), and reading stops whenever the connection has
/// ``ServerLimits/maxInFlightPerConnection`` lines in flight, lines waiting for a permit of
/// the shared ``WorkGate``, or a client that does not read its answers — backpressure
/// instead of unbounded queues. While the client does not read, no new line is started
/// either, so the answers waiting for it are at most those of the lines in flight (outside
/// shutdown, below).
///
/// On shutdown (``DrainEvent``) lines keep being read, whether or not the client reads its
/// answers (a close with unread input would reset the connection and lose the answers still
/// on their way), and every line read is answered: lines read before shutdown began or
/// within ``drainReadWindow`` after it are run as usual, later ones are answered with -32001
/// without being run. The connection closes once every line read is answered and nothing
/// was read or answered for ``ServerLimits/drainQuietPeriod`` (or when the server's shutdown
/// grace ends).
final class ConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = LineFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let processor: RequestProcessor
    private let pool: NIOThreadPool
    private let gate: WorkGate
    private let limits: ServerLimits
    private let logger: Logger

    private var context: ChannelHandlerContext?
    /// A line read but not yet started.
    private struct PendingLine {
        var frame: LineFrame
        var received: NIODeadline
        /// Whether the answer cache was asked already (a line waiting for a permit is not
        /// looked up again).
        var looked = false
        /// Where the worker keeps a successful answer: what the lookup found, not computed twice.
        var cacheKey: AnswerCache.Key?
        /// A JSON-RPC batch (an array), which runs alone on its connection.
        let isBatch: Bool

        init(frame: LineFrame, received: NIODeadline, looked: Bool = false, cacheKey: AnswerCache.Key? = nil) {
            self.frame = frame
            self.received = received
            self.looked = looked
            self.cacheKey = cacheKey
            // Its first byte other than white space opens an array.
            guard case .line(let line) = frame else {
                isBatch = false
                return
            }
            isBatch = line.withUnsafeReadableBytes { bytes in
                bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D } == UInt8(ascii: "[")
            }
        }
    }

    private var pending = CircularBuffer<PendingLine>()
    private var inFlight = 0
    /// A batch line runs alone on its connection: its answer (up to ``ServerLimits/maxBatchSize``
    /// answers in one line) is what the connection may hold for a client that does not read.
    private var batchInFlight = false
    private var waitingForPermit = false
    private var readHeld = false
    private var inputClosed = false
    /// When shutdown began (nil: it has not).
    private var drainBegan: NIODeadline?
    /// Shutdown has begun and the read window has passed.
    private var draining = false
    private var lastActivity = NIODeadline.now()
    /// How long after shutdown begins lines are still run (they were sent before it began).
    static let drainReadWindow = TimeAmount.milliseconds(100)
    private static let shuttingDown = RPCError.overloaded(
        "the server is shutting down; the request was not run: send it again later")
    private var idleCheck: Scheduled<Void>?
    private var quietCheck: Scheduled<Void>?
    /// The last answer written: the connection closes only once it is out, because a close
    /// drops writes still queued behind a full socket or pipe (a client reading slowly).
    private var lastWrite: EventLoopFuture<Void>?

    init(processor: RequestProcessor, pool: NIOThreadPool, gate: WorkGate, limits: ServerLimits, logger: Logger) {
        self.processor = processor
        self.pool = pool
        self.gate = gate
        self.limits = limits
        self.logger = logger
    }

    // MARK: - Lifecycle

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        lastActivity = .now()
        scheduleIdleCheck(at: lastActivity + limits.idleTimeout.timeAmount)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        quietCheck?.cancel()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        quietCheck?.cancel()
        pending.removeAll()
        context.fireChannelInactive()
    }

    // MARK: - Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // After a full close the decoder hands over the fragment it held: nobody is left to answer.
        guard context.channel.isActive else { return }
        lastActivity = .now()
        pending.append(PendingLine(frame: unwrapInboundIn(data), received: lastActivity))
        pump()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is DrainEvent {
            // Lines already sent when shutdown began may still be in the socket: run them for a
            // moment, then refuse what comes after, and close once the client has gone quiet.
            drainBegan = drainBegan ?? .now()
            context.eventLoop.assumeIsolated().scheduleTask(in: Self.drainReadWindow) { [self] in
                draining = true
                pump()
            }
        } else if let event = event as? ChannelEvent, event == .inputClosed {
            inputClosed = true
            closeIfDone()
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        // Only the turn to writable starts work. The turn to unwritable comes from inside a
        // write, possibly half-way through an answer's pieces: running pump() there could put
        // another answer in the middle of it. (Reads are held at the next read() anyway.)
        if context.channel.isWritable { pump() }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("connection error: \(error)")
        context.close(promise: nil)
    }

    // MARK: - Outbound

    func read(context: ChannelHandlerContext) {
        if mustHoldReads {
            readHeld = true
        } else {
            context.read()
        }
    }

    // MARK: - Flow

    private var mustHoldReads: Bool {
        !pending.isEmpty || inFlight >= limits.maxInFlightPerConnection || inputClosed
            || (!clientReads && !draining)
    }

    /// Whether the client takes its answers as fast as they come (the channel is writable).
    private var clientReads: Bool { context?.channel.isWritable ?? true }

    /// Whether a line read at `received` is refused: it came after shutdown began and its
    /// read window passed.
    private func isRefused(receivedAt received: NIODeadline) -> Bool {
        guard let drainBegan else { return false }
        return received > drainBegan + Self.drainReadWindow
    }

    /// Answers the waiting lines the answer cache can answer and starts as many of the others
    /// as the limits allow.
    private func pump() {
        guard let context else { return }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        var answered = 0
        while let next = pending.first, inFlight < limits.maxInFlightPerConnection, !waitingForPermit,
            !batchInFlight, clientReads || draining
        {
            guard case .line(let line) = next.frame else {
                pending.removeFirst()
                if case .overlong(let bytes) = next.frame { send(processor.overlongLine(bytes: bytes)) }
                continue
            }
            if !next.looked && !isRefused(receivedAt: next.received) {
                switch processor.lookUp(line, received: next.received) {
                case .answered(let reply):
                    pending.removeFirst()
                    processor.status.countAnswers(reply.answers)
                    send(reply, flush: false)
                    answered += 1
                    continue
                case .missed(let key):
                    if let key, waitForAnswerInProgress(line, received: next.received, key: key, loopBound: loopBound) {
                        pending.removeFirst()
                        continue
                    }
                    pending[pending.startIndex].looked = true
                    pending[pending.startIndex].cacheKey = key
                }
            }
            if next.isBatch && inFlight > 0 { break }
            guard gate.acquire(orWait: { loopBound.eventLoop.execute { loopBound.value.permitGranted() } }) else {
                waitingForPermit = true
                break
            }
            start(line, pending.removeFirst())
        }
        if answered > 0 { context.flush() }
        resumeReadingIfPossible()
        closeIfDone()
    }

    /// Whether the line waits (counted in flight) for the answer to the same params that
    /// another request is computing; it is looked up again when that ends.
    private func waitForAnswerInProgress(
        _ line: ByteBuffer, received: NIODeadline, key: AnswerCache.Key, loopBound: NIOLoopBound<ConnectionHandler>
    ) -> Bool {
        guard let inProgress = processor.inProgress else { return false }
        let waiting = inProgress.wait(for: key) {
            loopBound.eventLoop.execute { loopBound.value.answerInProgressEnded(line, received: received) }
        }
        if waiting {
            inFlight += 1
            processor.status.beginLine()
        }
        return waiting
    }

    /// The computation a line waited for has ended: answer it from the cache, or, when the
    /// answer was not kept (an error, or too large), run it in full as its turn comes.
    private func answerInProgressEnded(_ line: ByteBuffer, received: NIODeadline) {
        inFlight -= 1
        processor.status.endLine(responses: 0)
        // A client gone meanwhile is owed nothing (its other lines were dropped with it).
        guard let context, context.channel.isActive else { return }
        // Before the answer is written: a write may reach closeIfDone(), which reads it.
        lastActivity = .now()
        switch processor.lookUp(line, received: received) {
        case .answered(let reply):
            processor.status.countAnswers(reply.answers)
            send(reply)
        case .missed(let key):
            pending.prepend(PendingLine(frame: .line(line), received: received, looked: true, cacheKey: key))
        }
        pump()
    }

    /// A permit handed over by the gate: use it, or give it back if nothing waits any more.
    private func permitGranted() {
        waitingForPermit = false
        guard context != nil, let next = pending.first, case .line(let line) = next.frame,
            inFlight < limits.maxInFlightPerConnection, !batchInFlight, !(next.isBatch && inFlight > 0),
            clientReads || draining
        else {
            gate.release()
            if context != nil { pump() }
            return
        }
        start(line, pending.removeFirst())
        pump()
    }

    private func start(_ line: ByteBuffer, _ pendingLine: PendingLine) {
        guard let context else {
            gate.release()
            return
        }
        inFlight += 1
        batchInFlight = pendingLine.isBatch
        processor.status.beginLine()
        let processor = self.processor
        let received = pendingLine.received
        let refusal = isRefused(receivedAt: received) ? Self.shuttingDown : nil
        let cacheKey = pendingLine.cacheKey
        // The first to start on these params leads: requests with the same params wait for it.
        let leading = cacheKey.map { processor.inProgress?.begin($0) ?? false } ?? false
        pool.runIfActive(eventLoop: context.eventLoop) {
            processor.process(line, received: received, refusal: refusal, cacheKey: cacheKey)
        }.assumeIsolated().whenComplete { result in
            if leading, let cacheKey { processor.inProgress?.end(cacheKey) }
            self.finished(result)
        }
    }

    private func finished(_ result: Result<RequestProcessor.Reply, any Error>) {
        inFlight -= 1
        batchInFlight = false
        gate.release()
        // Before the answer is written: a write may reach closeIfDone(), which reads it.
        lastActivity = .now()
        switch result {
        case .success(let reply):
            processor.status.endLine(responses: reply.answers)
            send(reply)
        case .failure(let error):
            processor.status.endLine(responses: 0)
            logger.error("a request could not be run (\(error)); closing the connection")
            context?.close(promise: nil)
        }
        pump()
    }

    private func send(_ reply: RequestProcessor.Reply, flush: Bool = true) {
        guard let last = reply.pieces.last, let context, context.channel.isActive else { return }
        // Writes complete in order: when the last is out, so are the others. Known before the
        // first write, which may make the channel unwritable and so reach closeIfDone().
        let written = context.eventLoop.makePromise(of: Void.self)
        lastWrite = written.futureResult
        for piece in reply.pieces.dropLast() { context.write(wrapOutboundOut(piece), promise: nil) }
        context.write(wrapOutboundOut(last), promise: written)
        if flush { context.flush() }
    }

    private func resumeReadingIfPossible() {
        guard readHeld, !mustHoldReads, let context else { return }
        readHeld = false
        context.read()
    }

    /// Closes once input has ended, or the server is draining and the client has gone quiet,
    /// and every line read is answered.
    private func closeIfDone() {
        guard draining || inputClosed, inFlight == 0, pending.isEmpty, let context else { return }
        if !inputClosed {
            let quietFrom = lastActivity + limits.drainQuietPeriod.timeAmount
            guard quietFrom <= .now() else {
                quietCheck?.cancel()
                quietCheck = context.eventLoop.assumeIsolated().scheduleTask(deadline: quietFrom) { [self] in
                    closeIfDone()
                }
                return
            }
        }
        guard let written = lastWrite else { return context.close(promise: nil) }
        written.assumeIsolated().whenComplete { [self] _ in
            // A line read meanwhile (refused while draining) is answered first, and its answer
            // waited for in turn.
            if lastWrite === written, inFlight == 0, pending.isEmpty {
                context.close(promise: nil)
            } else {
                closeIfDone()
            }
        }
    }

    // MARK: - Idle timeout

    private func scheduleIdleCheck(at deadline: NIODeadline) {
        guard let context else { return }
        idleCheck = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            checkIdle()
        }
    }

    private func checkIdle() {
        let due = lastActivity + limits.idleTimeout.timeAmount
        // Lines held back for a client that has not read its answers for that long count as idle.
        if inFlight == 0, pending.isEmpty || !clientReads, due <= .now() {
            logger.debug("closing a connection idle for \(limits.idleTimeout)")
            context?.close(promise: nil)
            return
        }
        scheduleIdleCheck(at: max(due, .now() + .milliseconds(100)))
    }
}

extension Duration {
    /// The duration as NIO's `TimeAmount`.
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

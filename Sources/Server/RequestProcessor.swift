import Clinical
import Foundation
import Logging
import NIOCore
import Service

/// Turns one request line into its response line: parses it, checks each request's shape,
/// token and deadline, runs the method and writes the answer (nil when nothing is owed:
/// notifications only). Runs on the worker pool, never on an event loop — except
/// ``lookUp(_:received:)``, which answers from memory and is cheap enough for one.
public final class RequestProcessor: Sendable {
    let cases: CaseService
    let status: ServerStatus
    let limits: ServerLimits
    let audit: AuditLog?
    let token: String?
    let logCases: Bool
    let logger: Logger
    /// The `info` result, rendered once.
    private let infoJSON: [UInt8]
    /// Answers to params seen before; nil when ``ServerLimits/answerCacheBytes`` is 0.
    let answers: AnswerCache?
    /// Answers being computed, which requests with the same params wait for; nil without a cache.
    let inProgress: AnswersInProgress?

    public init(
        cases: CaseService, status: ServerStatus, limits: ServerLimits, audit: AuditLog?, token: String?,
        logCases: Bool = false, logger: Logger
    ) {
        self.cases = cases
        self.status = status
        self.limits = limits
        self.audit = audit
        self.token = token
        self.logCases = logCases
        self.logger = logger
        self.answers = limits.answerCacheBytes > 0 ? AnswerCache(capacity: limits.answerCacheBytes) : nil
        self.inProgress = answers == nil ? nil : AnswersInProgress()
        let info: [String: Any] = [
            "name": "ddx", "protocol": "JSON-RPC 2.0, one message per line",
            "methods": ["rank", "normalize", "health", "info"],
            "knowledge_base": cases.knowledgeBaseVersion, "model": cases.modelVersion,
            "token_required": token != nil,
            "limits": [
                "max_line_bytes": limits.maxLineBytes, "max_batch_size": limits.maxBatchSize,
                "max_connections": limits.maxConnections,
                "max_in_flight_per_connection": limits.maxInFlightPerConnection,
                "max_in_flight": limits.maxInFlight,
                "idle_timeout_seconds": Self.seconds(limits.idleTimeout),
                "request_deadline_seconds": Self.seconds(limits.requestDeadline),
                "answer_cache_bytes": limits.answerCacheBytes,
            ] as [String: Any],
        ]
        infoJSON = Array(JSONLine.encode(info).utf8)
    }

    /// The reply to one line, read at `received`; with a `refusal`, each request in it is
    /// answered with that error instead of being run. A successful `rank` or `normalize` answer
    /// to a plain request line is kept for ``lookUp(_:received:)``.
    public func process(_ line: ByteBuffer, received: NIODeadline, refusal: RPCError? = nil) -> Reply {
        let cacheKey = refusal == nil ? line.withUnsafeReadableBytes { cacheableRequest(in: $0)?.key } : nil
        return process(line, received: received, refusal: refusal, cacheKey: cacheKey)
    }

    /// ``process(_:received:refusal:)`` with the line's cache key already found (by
    /// ``lookUp(_:received:)`` on the event loop); nil: the answer is not kept.
    func process(_ line: ByteBuffer, received: NIODeadline, refusal: RPCError?, cacheKey: AnswerCache.Key?) -> Reply {
        if refusal == nil, !logCases, let request = line.withUnsafeReadableBytes({ plainCaseRequest(in: $0) }) {
            let response = respond(to: request, received: received, refusal: nil, cacheKey: cacheKey)
            return Reply(response, answers: response == nil ? 0 : 1)
        }
        // The parts of a case no reader looks at are left out, unless the params are logged.
        let parsed = line.withUnsafeReadableBytes { JSONLine.parse($0, pruning: logCases ? .whole : .caseRequest) }
        let value: Any
        switch parsed {
        case .failure(let error):
            logger.info("rejected a line: \(error.code) \(error.data)")
            return Reply(Self.errorResponse(id: "null", error), answers: 1)
        case .success(let parsedValue): value = parsedValue
        }
        guard let batch = value as? [Any] else {
            let response = respond(to: value, received: received, refusal: refusal, cacheKey: cacheKey)
            return Reply(response, answers: response == nil ? 0 : 1)
        }
        guard !batch.isEmpty else {
            return Reply(Self.errorResponse(id: "null", .invalidRequest("an empty batch")), answers: 1)
        }
        guard batch.count <= limits.maxBatchSize else {
            let error = RPCError.invalidRequest(
                "a batch of \(batch.count) requests; at most \(limits.maxBatchSize) are allowed per batch")
            return Reply(Self.errorResponse(id: "null", error), answers: 1)
        }
        let responses = batch.compactMap { respond(to: $0, received: received, refusal: refusal) }
        guard !responses.isEmpty else { return Reply(nil, answers: 0) }
        var line: [UInt8] = [UInt8(ascii: "[")]
        line.reserveCapacity(responses.reduce(2) { $0 + $1.count + 1 })
        for (index, response) in responses.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.append(contentsOf: response)
        }
        line.append(UInt8(ascii: "]"))
        return Reply(line, answers: responses.count)
    }

    /// The -32600 reply to a line over the length limit.
    public func overlongLine(bytes: Int) -> Reply {
        let error = RPCError.invalidRequest(
            "the line is longer than the limit of \(limits.maxLineBytes) bytes (\(bytes) bytes read so far);"
                + " it is skipped up to the next newline")
        logger.info("rejected a line: \(error.code) over \(limits.maxLineBytes) bytes")
        return Reply(Self.errorResponse(id: "null", error), answers: 1)
    }

    /// The response to one request of a line, or nil for a notification; a successful answer
    /// is kept under `cacheKey` when one is given.
    private func respond(
        to value: Any, received: NIODeadline, refusal: RPCError?, cacheKey: AnswerCache.Key? = nil
    ) -> [UInt8]? {
        switch RPCRequest.read(value) {
        case .failure(let invalid):
            logger.info("invalid request: \(invalid.error.data)")
            return Self.errorResponse(id: invalid.id, invalid.error)
        case .success(let request):
            return respond(to: request, received: received, refusal: refusal, cacheKey: cacheKey)
        }
    }

    /// A plain `rank` or `normalize` request (``PlainRequest``) whose params are
    /// ``PlainCaseParams``, read without parsing the line; nil for any other line.
    private func plainCaseRequest(in bytes: UnsafeRawBufferPointer) -> RPCRequest? {
        guard let plain = PlainRequest.scan(bytes), plain.method == "rank" || plain.method == "normalize",
            JSONLine.isUTF8(bytes),
            let params = PlainCaseParams.read(bytes, params: plain.params, maxDepth: JSONLine.maxDepth)
        else { return nil }
        return RPCRequest(id: plain.id, method: plain.method, params: params, token: plain.token)
    }

    private func respond(
        to request: RPCRequest, received: NIODeadline, refusal: RPCError?, cacheKey: AnswerCache.Key?
    ) -> [UInt8]? {
        let answer =
            refusal.map { Result<[UInt8], RPCError>.failure($0) }
            ?? run(request, received: received, cacheKey: cacheKey)
        guard let id = request.id else { return nil }
        switch answer {
        case .success(let result): return Self.successResponse(id: id, result)
        case .failure(let error): return Self.errorResponse(id: id, error)
        }
    }

    /// Runs the request's method after the token and deadline checks; clinical methods are audited.
    private func run(
        _ request: RPCRequest, received: NIODeadline, cacheKey: AnswerCache.Key?
    ) -> Result<[UInt8], RPCError> {
        if let failure = admissionError(request, received: received) { return .failure(failure) }
        switch request.method {
        case "info": return .success(infoJSON)
        case "health": return .success(Array(JSONLine.encode(health).utf8))
        case "rank": return runAudited(request, received: received, cacheKey: cacheKey, cases.rank)
        case "normalize": return runAudited(request, received: received, cacheKey: cacheKey, cases.normalize)
        default:
            let known = "rank, normalize, health, info"
            return .failure(.methodNotFound("no method \(JSONLine.quoted(request.method)); the methods are \(known)"))
        }
    }

    private func admissionError(_ request: RPCRequest, received: NIODeadline) -> RPCError? {
        if let token, !Self.constantTimeEqual(request.token, token) {
            let reason = request.token == nil ? "no token" : "wrong token"
            logger.warning("refused request \(request.id ?? "(notification)") (\(request.method)): \(reason)")
            return .unauthorized(
                "this server requires the shared secret in a top-level \"token\" member (or params.token)")
        }
        let waited = NIODeadline.now() - received
        if waited > limits.requestDeadline.timeAmount {
            return .deadlineExceeded(
                "the request waited \(waited.nanoseconds / 1_000_000) ms, over the deadline of "
                    + "\(Self.seconds(limits.requestDeadline)) s; it was not run")
        }
        return nil
    }

    /// Params as `--log-cases` logs them: a shared secret carried in them is not.
    static func withoutToken(_ params: Any) -> Any {
        guard var object = params as? [String: Any], object["token"] != nil else { return params }
        object["token"] = "(not logged)"
        return object
    }

    /// A request that ran past its deadline is answered with -32000 instead of its result:
    /// ranking cannot be stopped half-way, so the deadline is checked before the method starts
    /// and again when it is done, and a late result is dropped.
    private func lateError(_ request: RPCRequest, received: NIODeadline) -> RPCError? {
        let took = NIODeadline.now() - received
        guard took > limits.requestDeadline.timeAmount else { return nil }
        return .deadlineExceeded(
            "the request took \(took.nanoseconds / 1_000_000) ms, over the deadline of "
                + "\(Self.seconds(limits.requestDeadline)) s; its result was dropped")
    }

    private func runAudited(
        _ request: RPCRequest, received: NIODeadline, cacheKey: AnswerCache.Key?,
        _ method: (Any?) throws(RPCError) -> MethodOutcome
    ) -> Result<[UInt8], RPCError> {
        if logCases, let params = request.params, case let text = JSONLine.encode(Self.withoutToken(params)) {
            logger.info("request \(request.id ?? "(notification)") \(request.method) params: \(text)")
        }
        var result: Result<[UInt8], RPCError>
        var outcome: MethodOutcome?
        do {
            let answer = try method(request.params)
            outcome = answer
            result = .success(answer.result)
            if let cacheKey { answers?.keep(answer, for: cacheKey) }
            if let late = lateError(request, received: received) {
                logger.info("request \(request.id ?? "(notification)") \(request.method): \(late)")
                result = .failure(late)
            }
        } catch {
            if error.code != RPCError.invalidParamsCode || logCases {
                logger.info("request \(request.id ?? "(notification)") \(request.method): \(error)")
            } else {
                logger.info(
                    "request \(request.id ?? "(notification)") \(request.method): \(error.code) \(error.message)")
            }
            result = .failure(error)
        }
        record(
            request.id, method: request.method, caseDigest: outcome?.caseDigest, topIDs: outcome?.topIDs ?? [],
            errorCode: result.errorCode, received: received)
        return result
    }

    /// Writes the audit row of one clinical request.
    func record(
        _ requestID: String?, method: String, caseDigest: String?, topIDs: [String], errorCode: Int?,
        received: NIODeadline
    ) {
        guard let audit else { return }
        let latency = Double((NIODeadline.now() - received).nanoseconds) / 1e6
        audit.record(
            AuditRecord(
                requestID: requestID ?? "", time: Date(), method: method, caseDigest: caseDigest,
                topIDs: topIDs, knowledgeBase: cases.knowledgeBaseVersion, model: cases.modelVersion,
                latencyMilliseconds: (latency * 1000).rounded() / 1000, errorCode: errorCode))
    }

    /// The `health` result: the server's counters and, with a cache, how it is doing.
    private var health: [String: Any] {
        var health = status.health
        if let statistics = answers?.statistics {
            health["answer_cache"] = [
                "entries": statistics.entries, "bytes": statistics.bytes, "hits": statistics.hits,
                "misses": statistics.misses, "coalesced": inProgress?.coalesced ?? 0,
            ]
        }
        return health
    }

    // MARK: - Responses

    static func successResponse(id: String, _ result: [UInt8]) -> [UInt8] {
        var writer = JSONWriter(capacity: result.count + id.utf8.count + 32)
        writer.write(raw: "{\"id\":")
        writer.write(json: id.utf8)
        writer.write(raw: ",\"jsonrpc\":\"2.0\",\"result\":")
        writer.write(json: result)
        writer.write(raw: "}")
        return writer.bytes
    }

    static func errorResponse(id: String, _ error: RPCError) -> [UInt8] {
        let body = JSONLine.encode(error.json)
        return Array("{\"error\":\(body),\"id\":\(id),\"jsonrpc\":\"2.0\"}".utf8)
    }

    static func constantTimeEqual(_ given: String?, _ expected: String) -> Bool {
        let a = Array((given ?? "").utf8)
        let b = Array(expected.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<b.count {
            difference |= b[index] ^ (index < a.count ? a[index] : 0)
        }
        return difference == 0 && given != nil
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

extension Result where Failure == RPCError {
    fileprivate var errorCode: Int? {
        if case .failure(let error) = self { return error.code }
        return nil
    }
}

import NIOCore

/// Answering a repeated `rank` or `normalize` request from the ``AnswerCache``.
extension RequestProcessor {
    /// A line the answer cache may answer or learn from, and its key.
    struct CacheableRequest {
        var request: PlainRequest
        var key: AnswerCache.Key
    }

    /// The line's request and cache key when it is a plain `rank` or `normalize` request and
    /// the cache is on (not with `--log-cases`, which logs the params read in full).
    func cacheableRequest(in bytes: UnsafeRawBufferPointer) -> CacheableRequest? {
        guard answers != nil, !logCases, let request = PlainRequest.scan(bytes),
            request.method == "rank" || request.method == "normalize"
        else { return nil }
        let params = UnsafeRawBufferPointer(rebasing: bytes[request.params])
        return CacheableRequest(request: request, key: AnswerCache.Key(method: request.method, params: params))
    }

    /// What the answer cache made of a line.
    enum CacheLookup {
        /// Answered from memory, audited like any other answer.
        case answered(Reply)
        /// To be processed in full; a successful answer is then kept under `key` (nil: not a
        /// plain `rank` or `normalize` request, no cache, or a request the full path will refuse
        /// for its token or deadline, which should neither wait for an answer in progress nor
        /// leave one).
        case missed(key: AnswerCache.Key?)
    }

    /// Answers a plain `rank` or `normalize` line whose params were answered before, from
    /// memory. Any other line, or one the token or the deadline would refuse (the full path
    /// then gives the error), is left to ``process(_:received:refusal:cacheKey:)``.
    func lookUp(_ line: ByteBuffer, received: NIODeadline) -> CacheLookup {
        guard let cacheable = line.withUnsafeReadableBytes({ cacheableRequest(in: $0) }) else {
            return .missed(key: nil)
        }
        let request = cacheable.request
        if let token, !Self.constantTimeEqual(request.token, token) { return .missed(key: nil) }
        guard NIODeadline.now() - received <= limits.requestDeadline.timeAmount else { return .missed(key: nil) }
        guard let outcome = answers?.answer(for: cacheable.key) else { return .missed(key: cacheable.key) }
        record(
            request.id, method: request.method, caseDigest: outcome.caseDigest, topIDs: outcome.topIDs,
            errorCode: nil, received: received)
        var head = ByteBuffer()
        head.reserveCapacity(request.id.utf8.count + 40)
        head.writeString("{\"id\":")
        head.writeString(request.id)
        head.writeString(",\"jsonrpc\":\"2.0\",\"result\":")
        return .answered(Reply(pieces: [head, outcome.result, Self.responseEnd], answers: 1))
    }

    /// What closes a success response line.
    private static let responseEnd = ByteBuffer(string: "}\n")
}

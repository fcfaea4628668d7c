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

    /// The response to a plain `rank` or `normalize` line whose params were answered before,
    /// from memory, audited like any other. Nil when the line must be processed in full: not a
    /// plain request, not answered before, or one the token or the deadline would refuse (the
    /// full path then gives the error).
    public func cachedReply(to line: ByteBuffer, received: NIODeadline) -> Reply? {
        guard answers != nil, let cacheable = line.withUnsafeReadableBytes({ cacheableRequest(in: $0) }) else {
            return nil
        }
        let request = cacheable.request
        if let token, !Self.constantTimeEqual(request.token, token) { return nil }
        guard NIODeadline.now() - received <= limits.requestDeadline.timeAmount,
            let outcome = answers?.answer(for: cacheable.key)
        else { return nil }
        record(
            request.id, method: request.method, caseDigest: outcome.caseDigest, topIDs: outcome.topIDs,
            errorCode: nil, received: received)
        var head = ByteBuffer()
        head.reserveCapacity(request.id.utf8.count + 40)
        head.writeString("{\"id\":")
        head.writeString(request.id)
        head.writeString(",\"jsonrpc\":\"2.0\",\"result\":")
        return Reply(pieces: [head, outcome.result, Self.responseEnd], answers: 1)
    }

    /// What closes a success response line.
    private static let responseEnd = ByteBuffer(string: "}\n")
}

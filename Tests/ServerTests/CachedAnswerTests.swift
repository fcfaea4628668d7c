import Foundation
import NIOCore
import Testing

@testable import Server

/// Answers from the cache are the answers the full path gives, to the same params only, and
/// only where the full path would have answered.
@Suite struct CachedAnswerTests {
    private func processor(token: String? = nil, limits: ServerLimits = ServerLimits()) throws -> RequestProcessor {
        try TestServer.processor(token: token, limits: limits)
    }

    private static func rankLine(id: String, top: Int = 2, token: String? = nil) -> String {
        let tokenMember = token.map { #","token":"\#($0)""# } ?? ""
        return #"{"jsonrpc":"2.0","id":\#(id),"method":"rank"\#(tokenMember),"params":"#
            + #"{"case":{"id":"c1","findings":[{"id":"HP:0001250","status":"present"}]},"top":\#(top)}}"#
    }

    private func full(_ processor: RequestProcessor, _ line: String) -> String? {
        processor.process(ByteBuffer(string: line), received: .now()).text
    }

    private func cached(_ processor: RequestProcessor, _ line: String, received: NIODeadline = .now()) -> String? {
        guard case .answered(let reply) = processor.lookUp(ByteBuffer(string: line), received: received) else {
            return nil
        }
        return reply.text
    }

    @Test func aRepeatedRequestGetsTheFullPathsAnswerWithItsOwnID() throws {
        let processor = try processor()
        #expect(cached(processor, Self.rankLine(id: "1")) == nil)
        let first = try #require(full(processor, Self.rankLine(id: "1")))
        #expect(cached(processor, Self.rankLine(id: "1")) == first)
        let fresh = try #require(full(try self.processor(), Self.rankLine(id: #""second""#)))
        #expect(cached(processor, Self.rankLine(id: #""second""#)) == fresh)
    }

    /// A miss hands its key on, so the worker keeps the answer without scanning the line again;
    /// a line the cache does not take has none.
    @Test func aMissCarriesTheKeyTheAnswerIsKeptUnder() throws {
        let processor = try processor()
        guard case .missed(let key) = processor.lookUp(ByteBuffer(string: Self.rankLine(id: "1")), received: .now())
        else {
            Issue.record("an unseen request was answered from the cache")
            return
        }
        let kept = try #require(key)
        _ = processor.process(
            ByteBuffer(string: Self.rankLine(id: "1")), received: .now(), refusal: nil, cacheKey: kept)
        #expect(cached(processor, Self.rankLine(id: "2")) != nil)
        let batch = "[" + Self.rankLine(id: "3") + "]"
        guard case .missed(let none) = processor.lookUp(ByteBuffer(string: batch), received: .now()) else {
            Issue.record("a batch was answered from the cache")
            return
        }
        #expect(none == nil)
    }

    @Test func otherParamsAreNotAnsweredFromTheCache() throws {
        let processor = try processor()
        _ = full(processor, Self.rankLine(id: "1"))
        #expect(cached(processor, Self.rankLine(id: "1", top: 3)) == nil)
        let normalize = Self.rankLine(id: "1").replacingOccurrences(of: #""rank""#, with: #""normalize""#)
        #expect(cached(processor, normalize) == nil)
    }

    @Test func errorsAreNotKept() throws {
        let processor = try processor()
        let bad = #"{"jsonrpc":"2.0","id":1,"method":"rank","params":{"case":{"findings":7}}}"#
        #expect(full(processor, bad)?.contains("-32602") == true)
        #expect(cached(processor, bad) == nil)
    }

    @Test func theTokenAndTheDeadlineStillApply() throws {
        var limits = ServerLimits()
        limits.requestDeadline = .milliseconds(50)
        let processor = try processor(token: "s3cret", limits: limits)
        #expect(full(processor, Self.rankLine(id: "1", token: "s3cret"))?.contains("result") == true)
        #expect(cached(processor, Self.rankLine(id: "2", token: "s3cret")) != nil)
        #expect(cached(processor, Self.rankLine(id: "3", token: "wrong")) == nil)
        #expect(cached(processor, Self.rankLine(id: "4")) == nil)
        #expect(full(processor, Self.rankLine(id: "4"))?.contains("-32002") == true)
        #expect(cached(processor, Self.rankLine(id: "5", token: "s3cret"), received: .now() - .seconds(1)) == nil)
    }

    /// A request the full path will refuse (wrong token, past its deadline) carries no key: it
    /// neither waits for an answer in progress nor leaves one.
    @Test func aRequestToBeRefusedCarriesNoKey() throws {
        let processor = try processor(token: "s3cret")
        for (line, received) in [
            (Self.rankLine(id: "1", token: "wrong"), NIODeadline.now()),
            (Self.rankLine(id: "2", token: "s3cret"), NIODeadline.now() - .seconds(3_600)),
        ] {
            guard case .missed(let key) = processor.lookUp(ByteBuffer(string: line), received: received) else {
                Issue.record("a request to be refused was answered from the cache")
                continue
            }
            #expect(key == nil)
        }
        let accepted = ByteBuffer(string: Self.rankLine(id: "3", token: "s3cret"))
        guard case .missed(let key) = processor.lookUp(accepted, received: .now()) else {
            Issue.record("an unseen request was answered from the cache")
            return
        }
        #expect(key != nil)
    }

    @Test func noCacheWhenItsSizeIsZero() throws {
        var limits = ServerLimits()
        limits.answerCacheBytes = 0
        let processor = try processor(limits: limits)
        _ = full(processor, Self.rankLine(id: "1"))
        #expect(cached(processor, Self.rankLine(id: "1")) == nil)
    }

    @Test func healthReportsTheCache() throws {
        let processor = try processor()
        _ = full(processor, Self.rankLine(id: "1"))
        _ = cached(processor, Self.rankLine(id: "2"))
        let text = try #require(full(processor, #"{"jsonrpc":"2.0","id":9,"method":"health"}"#))
        let response = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let cache = try #require((response["result"] as? [String: Any])?["answer_cache"] as? [String: Any])
        #expect(cache["entries"] as? Int == 1)
        #expect(cache["hits"] as? Int == 1)
    }
}

import Testing

@testable import Server

/// The answer cache: keyed by method and params bytes, bounded by bytes.
@Suite struct AnswerCacheTests {
    private func key(_ method: String, _ params: String) -> AnswerCache.Key {
        Array(params.utf8).withUnsafeBytes { AnswerCache.Key(method: method, params: $0) }
    }

    private func outcome(size: Int, digest: String = "d") -> MethodOutcome {
        MethodOutcome(result: Array(repeating: UInt8(ascii: "1"), count: size), caseDigest: digest, topIDs: ["OMIM:1"])
    }

    @Test func keysDifferByMethodAndByEveryByteOfParams() {
        #expect(key("rank", #"{"a":1}"#) == key("rank", #"{"a":1}"#))
        #expect(key("rank", #"{"a":1}"#) != key("normalize", #"{"a":1}"#))
        #expect(key("rank", #"{"a":1}"#) != key("rank", #"{"a":2}"#))
        #expect(key("rank", #"{"a":1}"#) != key("rank", #"{"a": 1}"#))
    }

    @Test func keepsAnswersAndCountsHitsAndMisses() throws {
        let cache = AnswerCache(capacity: 1 << 20)
        #expect(cache.answer(for: key("rank", "{}")) == nil)
        cache.keep(outcome(size: 10, digest: "abc"), for: key("rank", "{}"))
        let answer = try #require(cache.answer(for: key("rank", "{}")))
        #expect(answer.result.readableBytes == 10)
        #expect(answer.caseDigest == "abc")
        #expect(answer.topIDs == ["OMIM:1"])
        #expect(cache.statistics.entries == 1)
        #expect(cache.statistics.hits == 1)
        #expect(cache.statistics.misses == 1)
    }

    @Test func staysWithinItsCapacity() {
        let cache = AnswerCache(capacity: 10_000)
        for index in 0..<200 { cache.keep(outcome(size: 500), for: key("rank", "{\"n\":\(index)}")) }
        let statistics = cache.statistics
        #expect(statistics.bytes <= 10_000)
        #expect(statistics.entries > 0 && statistics.entries < 200)
        let found = (0..<200).filter { cache.answer(for: key("rank", "{\"n\":\($0)}")) != nil }
        #expect(found.count == statistics.entries)
        #expect(found.contains(199))  // the newest answer is always kept
    }

    @Test func anAnswerLargerThanTheCacheIsNotKept() {
        let cache = AnswerCache(capacity: 1_000)
        cache.keep(outcome(size: 5_000), for: key("rank", "{}"))
        #expect(cache.statistics.entries == 0)
        #expect(cache.answer(for: key("rank", "{}")) == nil)
    }
}

import Foundation
import NIOCore
import Synchronization
import Testing

@testable import Server

/// Requests whose params are being answered already wait for that answer instead of computing
/// it again.
@Suite(.serialized) struct AnswersInProgressTests {
    private static func key(_ text: String) -> AnswerCache.Key {
        Array(text.utf8).withUnsafeBytes { AnswerCache.Key(method: "rank", params: $0) }
    }

    @Test func waitersAreResumedOnceWhenTheComputationEnds() {
        let inProgress = AnswersInProgress()
        let resumed = Mutex([String]())
        #expect(!inProgress.wait(for: Self.key("a")) { resumed.withLock { $0.append("early") } })
        #expect(inProgress.begin(Self.key("a")))
        #expect(!inProgress.begin(Self.key("a")))
        #expect(inProgress.wait(for: Self.key("a")) { resumed.withLock { $0.append("first") } })
        #expect(inProgress.wait(for: Self.key("a")) { resumed.withLock { $0.append("second") } })
        #expect(!inProgress.wait(for: Self.key("b")) { resumed.withLock { $0.append("other") } })
        #expect(resumed.withLock { $0 }.isEmpty)
        inProgress.end(Self.key("a"))
        #expect(resumed.withLock { $0 } == ["first", "second"])
        inProgress.end(Self.key("a"))
        #expect(resumed.withLock { $0 }.count == 2)
        #expect(inProgress.coalesced == 2)
        #expect(inProgress.begin(Self.key("a")))
    }

    private static func rankLine(id: Int, params: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"rank","params":\#(params)}"# + "\n"
    }

    /// Connects `count` clients; the first asks for `params` and, once the server has begun on
    /// it, the others ask for the same (request ids 1, 2, …, in client order).
    private static func askAtOnce(_ server: TestServer, count: Int, params: String) async throws -> [LineClient] {
        let clients = try (1...count).map { _ in try server.client() }
        clients[0].send(rankLine(id: 1, params: params))
        #expect(try await server.waitForWork())
        for (offset, client) in clients.enumerated().dropFirst() {
            client.send(rankLine(id: offset + 1, params: params))
        }
        return clients
    }

    /// The `answer_cache` member of the server's `health`.
    private static func answerCache(of server: TestServer) throws -> [String: Any]? {
        let health = try server.client()
        health.send(#"{"jsonrpc":"2.0","id":9,"method":"health"}"# + "\n")
        return ((try health.readObject())?["result"] as? [String: Any])?["answer_cache"] as? [String: Any]
    }

    /// Four connections ask for the same case while the first is being ranked: one ranking,
    /// four answers with their own ids, four audit rows.
    @Test func connectionsAskingForTheSameCaseAtOnceShareOneRanking() async throws {
        let server = try await TestServer(delay: .seconds(1))
        let params = #"{"case":{"id":"s","findings":[{"id":"HP:0001250","status":"present"}]},"top":2}"#
        let clients = try await Self.askAtOnce(server, count: 4, params: params)
        var results: [String] = []
        for (offset, client) in clients.enumerated() {
            let line = try #require(try client.readLine())
            #expect(line.hasPrefix(#"{"id":\#(offset + 1),"jsonrpc":"2.0","result":"#))
            results.append(line.components(separatedBy: #""result":"#).last ?? "")
        }
        #expect(Set(results).count == 1)
        let cache = try #require(try Self.answerCache(of: server))
        #expect(cache["coalesced"] as? Int == 3)
        try await server.stop()
        let records = try server.auditRecords()
        #expect(Set(records.map(\.requestID)) == ["1", "2", "3", "4"])
        #expect(records.allSatisfy { $0.errorCode == nil && $0.topIDs == Array(StubRanker.diseases.prefix(2)) })
    }

    /// When the answer waited for was not kept (here: larger than the whole cache), each
    /// waiter is run in full and still answered with its own id.
    @Test func waitersOfAnAnswerNotKeptAreRunThemselves() async throws {
        var limits = ServerLimits()
        limits.answerCacheBytes = 1
        let server = try await TestServer(limits: limits, delay: .milliseconds(500))
        let params = #"{"case":{"id":"k","findings":[{"id":"HP:0001250","status":"present"}]},"top":2}"#
        let clients = try await Self.askAtOnce(server, count: 3, params: params)
        for (offset, client) in clients.enumerated() {
            let response = try #require(try client.readObject())
            #expect(response["id"] as? Int == offset + 1)
            #expect((response["result"] as? [String: Any])?["differential"] != nil)
        }
        let cache = try #require(try Self.answerCache(of: server))
        #expect(cache["coalesced"] as? Int == 2)
        #expect(cache["entries"] as? Int == 0)
        try await server.stop()
        #expect(try server.auditRecords().count == 3)
    }
}

@Suite struct CaseOrderTests {
    @Test func spreadSendsEachCaseOncePerPassPerConnectionRepeatsTheListRandomDraws() {
        #expect((1...6).map { CaseOrder.spread.caseIndex(number: $0, local: 0, caseCount: 3) } == [1, 2, 0, 1, 2, 0])
        let repeated = (0..<5).map { CaseOrder.perConnection.caseIndex(number: 99, local: $0, caseCount: 3) }
        #expect(repeated == [0, 1, 2, 0, 1])
        let drawn = (1...300).map { CaseOrder.random.caseIndex(number: $0, local: 0, caseCount: 3) }
        #expect(drawn == (1...300).map { CaseOrder.random.caseIndex(number: $0, local: 7, caseCount: 3) })
        #expect(Set(drawn) == [0, 1, 2])
        #expect(drawn != (1...300).map { CaseOrder.spread.caseIndex(number: $0, local: 0, caseCount: 3) })
    }
}

import Foundation
import Testing

@testable import Server

/// Graceful shutdown answers what was read, and the audit log keeps every clinical request.
@Suite(.serialized) struct ShutdownAndAuditTests {
    @Test func shutdownAnswersRequestsInFlightAndFlushesTheAuditLog() async throws {
        let server = try await TestServer(delay: .milliseconds(100))
        let client = try server.client()
        client.send((1...4).map { ServerProtocolTests.rank(id: $0) }.joined())
        #expect(try await server.waitForWork())
        try await server.stop()
        var ids = Set<Int>()
        while let response = try client.readObject() { ids.insert(response["id"] as? Int ?? -1) }
        #expect(ids == [1, 2, 3, 4])
        let records = try server.auditRecords()
        #expect(records.count == 4)
        #expect(Set(records.map(\.requestID)) == ["1", "2", "3", "4"])
        #expect(records.allSatisfy { $0.method == "rank" && $0.errorCode == nil && $0.caseDigest?.count == 64 })
        #expect(records.first?.topIDs == Array(StubRanker.diseases.prefix(3)))
        #expect(records.first?.model == "stub-1")
    }

    /// Lines read before shutdown began are run, not refused, even when they start after its
    /// read window (held back here by the connection's in-flight limit).
    @Test func linesReadBeforeShutdownAreRunWhenTheyStartLater() async throws {
        var limits = ServerLimits()
        limits.maxInFlightPerConnection = 1
        let server = try await TestServer(limits: limits, delay: .milliseconds(300))
        let client = try server.client()
        client.send((1...3).map { ServerProtocolTests.rank(id: $0) }.joined())
        #expect(try await server.waitForWork())
        try await server.stop()
        var results = Set<Int>()
        while let response = try client.readObject() {
            if response["result"] != nil { results.insert(response["id"] as? Int ?? -1) }
        }
        #expect(results == [1, 2, 3])
        #expect(try server.auditRecords().count == 3)
    }

    /// A client that goes on sending during shutdown (one request at a time, as a load test
    /// does) gets every request it sent answered: run, or refused with -32001; none is left
    /// unread when the connection closes.
    @Test func everyRequestSentDuringShutdownIsAnswered() async throws {
        var limits = ServerLimits()
        limits.drainQuietPeriod = .seconds(30)  // the client closes first; the server must not
        let server = try await TestServer(limits: limits, delay: .milliseconds(50))
        let client = try server.client()
        client.send(ServerProtocolTests.rank(id: 1))
        #expect(try await server.waitForWork())
        let stopping = Task { try await server.stop() }
        var answered: [Int: Int] = [:]  // id: error code (0: a result)
        for id in 1...6 {
            let response = try #require(try client.readObject(), "request \(id) was not answered")
            let code = (response["error"] as? [String: Any])?["code"] as? Int
            answered[response["id"] as? Int ?? -1] = code ?? 0
            if id < 6 {
                try await Task.sleep(for: .milliseconds(40))
                #expect(client.send(ServerProtocolTests.rank(id: id + 1)))
            }
        }
        #expect(Set(answered.keys) == Set(1...6))
        #expect(answered.values.allSatisfy { $0 == 0 || $0 == RPCError.overloadedCode })
        client.shutdownWrite()
        #expect(try client.readObject() == nil)
        try await stopping.value
        let records = try server.auditRecords()
        #expect(records.count == answered.values.filter { $0 == 0 }.count)
    }

    /// A repeated request is answered from the answer cache on the event loop: the same result,
    /// its own id, and an audit row like any other.
    @Test func repeatedRequestsAreAnsweredAlikeAndAudited() async throws {
        let server = try await TestServer()
        let client = try server.client()
        let params = #"{"case":{"id":"r","findings":[{"id":"HP:0001250","status":"present"}]},"top":2}"#
        var results: [String] = []
        for id in 1...3 {
            client.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"rank","params":\#(params)}"# + "\n")
            let line = try #require(try client.readLine())
            #expect(line.hasPrefix(#"{"id":\#(id),"jsonrpc":"2.0","result":"#))
            results.append(line.components(separatedBy: #""result":"#).last ?? "")
        }
        #expect(Set(results).count == 1)
        try await server.stop()
        let records = try server.auditRecords()
        #expect(records.map(\.requestID) == ["1", "2", "3"])
        #expect(Set(records.compactMap(\.caseDigest)).count == 1)
        #expect(records.allSatisfy { $0.topIDs == Array(StubRanker.diseases.prefix(2)) && $0.errorCode == nil })
    }

    @Test func theAuditLogRecordsErrorsWithTheirCodeButNotHealthChecks() async throws {
        let server = try await TestServer()
        let client = try server.client()
        client.send(#"{"jsonrpc":"2.0","id":"h","method":"health"}"# + "\n")
        _ = try client.readObject()
        client.send(#"{"jsonrpc":"2.0","id":"bad","method":"rank","params":{"case":{"findings":7}}}"# + "\n")
        _ = try client.readObject()
        try await server.stop()
        let records = try server.auditRecords()
        #expect(records.count == 1)
        #expect(records.first?.requestID == "\"bad\"")
        #expect(records.first?.errorCode == -32602)
        #expect(records.first?.caseDigest == nil)
    }

    @Test func newConnectionsAreNotAcceptedAfterShutdown() async throws {
        let server = try await TestServer()
        try await server.stop()
        #expect(throws: LineClient.Failure.self) { try server.client() }
    }
}

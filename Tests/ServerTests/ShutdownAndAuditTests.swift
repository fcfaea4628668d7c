import Foundation
import Testing

@testable import Server

/// Graceful shutdown answers what was read, and the audit log keeps every clinical request.
@Suite(.serialized) struct ShutdownAndAuditTests {
    @Test func shutdownAnswersRequestsInFlightAndFlushesTheAuditLog() async throws {
        let server = try await TestServer(delay: .milliseconds(100))
        let client = try server.client()
        client.send((1...4).map { ServerProtocolTests.rank(id: $0) }.joined())
        while server.status.inFlight == 0 { try await Task.sleep(for: .milliseconds(5)) }
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

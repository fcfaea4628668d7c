import Foundation
import Testing

@testable import Server

/// Notifications, batches and the shared secret over a real connection.
@Suite(.serialized) struct ServerMessageTests {
    @Test func notificationsAreRunButNotAnswered() async throws {
        let server = try await TestServer()
        let client = try server.client()
        let notification =
            #"{"jsonrpc":"2.0","method":"rank","params":{"case":{"findings":[{"id":"HP:0001250","status":"present"}]}}}"#
        client.send(notification + "\n" + #"{"jsonrpc":"2.0","id":"after","method":"info"}"# + "\n")
        let response = try #require(try client.readObject())
        #expect(response["id"] as? String == "after")
        try await server.stop()
        let records = try server.auditRecords()
        #expect(records.count == 1)
        #expect(records.first?.requestID == "")
    }

    @Test func aBatchIsAnsweredWithOneArrayLine() async throws {
        let server = try await TestServer()
        let client = try server.client()
        let batch = [
            String(ServerProtocolTests.rank(id: 1).dropLast()), #"{"jsonrpc":"2.0","id":2,"method":"health"}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"nope"}"#,
        ]
        client.send("[" + batch.joined(separator: ",") + "]\n")
        let responses = try #require(try client.readJSON() as? [[String: Any]])
        #expect(Set(responses.compactMap { $0["id"] as? Int }) == [1, 2, 3])
        #expect(responses.first { $0["id"] as? Int == 3 }?["error"] != nil)
        try await server.stop()
    }

    @Test func theTokenIsCheckedOnEveryRequest() async throws {
        let server = try await TestServer(token: "open-sesame")
        let client = try server.client()
        client.send(#"{"jsonrpc":"2.0","id":1,"method":"health"}"# + "\n")
        let refused = try #require(try client.readObject()?["error"] as? [String: Any])
        #expect(refused["code"] as? Int == -32002)
        #expect((refused["data"] as? String)?.contains("open-sesame") == false)
        client.send(#"{"jsonrpc":"2.0","id":2,"method":"health","token":"open-sesame"}"# + "\n")
        #expect((try client.readObject()?["result"] as? [String: Any])?["status"] as? String == "ok")
        try await server.stop()
    }
}

import Foundation
import Testing

@testable import Server

/// The daemon on a real loopback port: framing, pipelining, limits and errors per connection.
@Suite(.serialized) struct ServerProtocolTests {
    static func rank(id: Int, top: Int = 3) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"rank","params":{"case":{"id":"c\#(id)","findings":[{"id":"HP:0001250","status":"present"}]},"top":\#(top)}}"#
            + "\n"
    }

    @Test func pipelinedRequestsAreAllAnsweredAndMatchedByID() async throws {
        let server = try await TestServer()
        let client = try server.client()
        client.send((1...50).map { Self.rank(id: $0) }.joined())
        var ids = Set<Int>()
        for _ in 1...50 {
            let response = try #require(try client.readObject())
            let id = try #require(response["id"] as? Int)
            #expect((response["result"] as? [String: Any])?["case_id"] as? String == "c\(id)")
            ids.insert(id)
        }
        #expect(ids == Set(1...50))
        try await server.stop()
    }

    @Test func aBadLineGetsAnErrorAndTheConnectionGoesOn() async throws {
        let server = try await TestServer()
        let client = try server.client()
        client.send(bytes: [0xFF, 0x00, 0xC3, 0x28, 0x0A])
        let error = try #require(try client.readObject()?["error"] as? [String: Any])
        #expect(error["code"] as? Int == -32700)
        client.send(Self.rank(id: 2))
        #expect(try client.readObject()?["id"] as? Int == 2)
        try await server.stop()
    }

    @Test func anOverlongLineIsRefusedAndTheNextLineIsServed() async throws {
        var limits = ServerLimits()
        limits.maxLineBytes = 1024
        let server = try await TestServer(limits: limits)
        let client = try server.client()
        client.send(String(repeating: "x", count: 100_000))
        let error = try #require(try client.readObject()?["error"] as? [String: Any])
        #expect(error["code"] as? Int == -32600)
        #expect((error["data"] as? String)?.contains("1024") == true)
        client.send(String(repeating: "x", count: 10_000) + "\n" + Self.rank(id: 9))
        #expect(try client.readObject()?["id"] as? Int == 9)
        try await server.stop()
    }

    @Test func aClientThatLeavesMidLineDoesNotDisturbOthers() async throws {
        let server = try await TestServer()
        do {
            let leaving = try server.client()
            leaving.send(#"{"jsonrpc":"2.0","id":1,"meth"#)
        }  // closed here, mid-line
        let other = try server.client()
        other.send(Self.rank(id: 5))
        #expect(try other.readObject()?["id"] as? Int == 5)
        try await server.stop()
    }

    /// A line that arrives a byte at a time is answered once its newline arrives, and others are
    /// answered meanwhile. (The idle timeout counts complete lines, so a line that takes longer
    /// than it closes the connection: ``idleConnectionsAreClosed()``.)
    @Test func aClientSendingAByteAtATimeIsAnsweredAndHoldsUpNoOne() async throws {
        let server = try await TestServer()
        let slow = try server.client()
        let other = try server.client()
        for (index, byte) in Self.rank(id: 1).utf8.enumerated() {
            #expect(slow.send(bytes: [byte]))
            if index % 40 == 0 {
                other.send(Self.rank(id: 100 + index))
                #expect(try other.readObject()?["id"] as? Int == 100 + index)
            }
            try await Task.sleep(for: .milliseconds(2))
        }
        #expect(try slow.readObject()?["id"] as? Int == 1)
        try await server.stop()
    }

    @Test func aClientThatLeavesMidResponseDoesNotDisturbOthers() async throws {
        let server = try await TestServer(delay: .milliseconds(5))
        do {
            let leaving = try server.client()
            leaving.send((1...40).map { Self.rank(id: $0, top: 10) }.joined())
            _ = try leaving.readLine()
        }  // closed here, with answers still to come
        let other = try server.client()
        for id in 41...45 {
            other.send(Self.rank(id: id))
            #expect(try other.readObject()?["id"] as? Int == id)
        }
        try await server.stop()
        #expect(try server.auditRecords().contains { $0.requestID == "45" })
    }

    @Test func endOfInputAfterRequestsStillGetsThemAnswered() async throws {
        let server = try await TestServer(delay: .milliseconds(50))
        let client = try server.client()
        client.send(Self.rank(id: 1) + Self.rank(id: 2) + String(Self.rank(id: 3).dropLast()))
        client.shutdownWrite()
        var ids = Set<Int>()
        while let response = try client.readObject() { ids.insert(response["id"] as? Int ?? 0) }
        #expect(ids == [1, 2, 3])
        try await server.stop()
    }

    @Test func connectionsOverTheLimitAreRefusedWithAnError() async throws {
        var limits = ServerLimits()
        limits.maxConnections = 1
        let server = try await TestServer(limits: limits)
        let first = try server.client()
        first.send(Self.rank(id: 1))
        #expect(try first.readObject()?["id"] as? Int == 1)
        let second = try server.client()
        let error = try #require(try second.readObject()?["error"] as? [String: Any])
        #expect(error["code"] as? Int == -32001)
        #expect(try second.readLine() == nil)  // then closed
        first.send(Self.rank(id: 2))
        #expect(try first.readObject()?["id"] as? Int == 2)
        try await server.stop()
    }

    @Test func idleConnectionsAreClosed() async throws {
        var limits = ServerLimits()
        limits.idleTimeout = .milliseconds(200)
        let server = try await TestServer(limits: limits)
        let client = try server.client()
        client.send(#"{"jsonrpc":"2.0","id":1,"#)  // a line that never ends keeps it idle
        #expect(try client.readLine() == nil)
        try await server.stop()
    }

    @Test func backpressureStillAnswersEverythingWithTightLimits() async throws {
        var limits = ServerLimits()
        limits.maxInFlightPerConnection = 1
        limits.maxInFlight = 1
        let server = try await TestServer(limits: limits)
        let clients = try (0..<3).map { _ in try server.client() }
        for (offset, client) in clients.enumerated() {
            client.send((0..<20).map { Self.rank(id: offset * 100 + $0) }.joined())
        }
        for (offset, client) in clients.enumerated() {
            var ids = Set<Int>()
            for _ in 0..<20 { ids.insert(try client.readObject()?["id"] as? Int ?? -1) }
            #expect(ids == Set((0..<20).map { offset * 100 + $0 }))
        }
        try await server.stop()
    }
}

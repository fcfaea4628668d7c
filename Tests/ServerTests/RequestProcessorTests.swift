import Foundation
import NIOCore
import Testing

@testable import Server

/// The protocol without a network: one line in, one response (or none) out.
@Suite struct RequestProcessorTests {
    private func processor(token: String? = nil, limits: ServerLimits = ServerLimits()) throws -> RequestProcessor {
        try TestServer.processor(token: token, limits: limits)
    }

    private func reply(_ line: String, token: String? = nil) throws -> Any? {
        try reply(bytes: Array(line.utf8), token: token)
    }

    private func reply(bytes: [UInt8], token: String? = nil, limits: ServerLimits = ServerLimits()) throws -> Any? {
        let buffer = ByteBuffer(bytes: bytes)
        guard let text = try processor(token: token, limits: limits).process(buffer, received: .now()).text else {
            return nil
        }
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    private func errorCode(_ value: Any?) -> Int? {
        ((value as? [String: Any])?["error"] as? [String: Any])?["code"] as? Int
    }

    private func errorData(_ value: Any?) -> String {
        ((value as? [String: Any])?["error"] as? [String: Any])?["data"] as? String ?? ""
    }

    static let rankLine = """
        {"jsonrpc":"2.0","id":7,"method":"rank","params":{"case":{"id":"c1","findings":[{"id":"HP:0001250","status":"present"}]},"top":2}}
        """

    @Test func ranksACaseAndEchoesTheID() throws {
        let response = try #require(try reply(Self.rankLine) as? [String: Any])
        #expect(response["id"] as? Int == 7)
        #expect(response["jsonrpc"] as? String == "2.0")
        let result = try #require(response["result"] as? [String: Any])
        #expect(result["case_id"] as? String == "c1")
        #expect((result["differential"] as? [Any])?.count == 2)
        #expect(result["model"] as? String == "stub-1")
    }

    @Test func normalizesAPhenopacket() throws {
        let line = """
            {"jsonrpc":"2.0","id":"n","method":"normalize","params":{"case":{"id":"p1","phenotypicFeatures":[{"type":{"id":"HP:0009999"}}]}}}
            """
        let result = try #require((try reply(line) as? [String: Any])?["result"] as? [String: Any])
        let findings = try #require(result["findings"] as? [[String: Any]])
        #expect(findings.first?["id"] as? String == "HP:0001249")  // the alternate id resolved
    }

    @Test func garbageIsAParseError() throws {
        let response = try reply("this is not json")
        #expect(errorCode(response) == -32700)
        #expect((response as? [String: Any])?["id"] is NSNull)
    }

    @Test func invalidUTF8IsAParseError() throws {
        let response = try reply(bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D])
        #expect(errorCode(response) == -32700)
        #expect(errorData(response).contains("UTF-8"))
    }

    @Test func deepNestingIsAParseError() throws {
        let line = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let response = try reply(line)
        #expect(errorCode(response) == -32700)
        #expect(errorData(response).contains("nested deeper"))
    }

    @Test func unrepresentableNumbersAreAParseError() throws {
        #expect(errorCode(try reply(#"{"jsonrpc":"2.0","id":1e999,"method":"health"}"#)) == -32700)
    }

    @Test func requestsOfTheWrongShapeAreInvalid() throws {
        #expect(errorCode(try reply(#"{"jsonrpc":"1.0","id":1,"method":"health"}"#)) == -32600)
        #expect(errorCode(try reply(#"{"jsonrpc":"2.0","id":1}"#)) == -32600)
        #expect(errorCode(try reply(#"{"jsonrpc":"2.0","id":{},"method":"health"}"#)) == -32600)
        #expect(errorCode(try reply(#"{"jsonrpc":"2.0","id":1,"method":"health","params":3}"#)) == -32600)
        #expect(errorCode(try reply("42")) == -32600)
        #expect(errorCode(try reply("[]")) == -32600)
    }

    @Test func unknownMethodsAreNotFound() throws {
        let response = try reply(#"{"jsonrpc":"2.0","id":3,"method":"diagnose"}"#)
        #expect(errorCode(response) == -32601)
        #expect(errorData(response).contains("diagnose"))
    }

    @Test func badParamsSayWhatIsWrong() throws {
        let missing = try reply(#"{"jsonrpc":"2.0","id":1,"method":"rank","params":{}}"#)
        #expect(errorCode(missing) == -32602)
        #expect(errorData(missing).contains("case"))
        let badStatus = try reply(
            #"{"jsonrpc":"2.0","id":2,"method":"rank","params":{"case":{"findings":[{"id":"HP:0001250","status":"maybe"}]}}}"#
        )
        #expect(errorCode(badStatus) == -32602)
        #expect(errorData(badStatus).contains("findings[0].status"))
        let badTop = try reply(
            #"{"jsonrpc":"2.0","id":3,"method":"rank","params":{"case":{"findings":[]},"top":0}}"#)
        #expect(errorData(badTop).contains("top"))
    }

    @Test func notificationsGetNoResponse() throws {
        #expect(try reply(#"{"jsonrpc":"2.0","method":"health"}"#) == nil)
        #expect(try reply(#"{"jsonrpc":"2.0","method":"nope"}"#) == nil)
    }

    @Test func batchesAnswerEachRequestButNotNotifications() throws {
        let line = """
            [{"jsonrpc":"2.0","id":1,"method":"health"},{"jsonrpc":"2.0","method":"health"},\
            {"jsonrpc":"2.0","id":2,"method":"nope"},5]
            """
        let responses = try #require(try reply(line) as? [[String: Any]])
        #expect(responses.count == 3)
        #expect(responses[0]["id"] as? Int == 1)
        #expect(errorCode(responses[1]) == -32601)
        #expect(errorCode(responses[2]) == -32600)
        #expect(try reply(#"[{"jsonrpc":"2.0","method":"health"}]"#) == nil)
    }

    @Test func oversizedBatchesAreRefused() throws {
        var limits = ServerLimits()
        limits.maxBatchSize = 2
        let line =
            "[" + Array(repeating: #"{"jsonrpc":"2.0","id":1,"method":"health"}"#, count: 3).joined(separator: ",")
            + "]"
        #expect(errorCode(try reply(bytes: Array(line.utf8), limits: limits)) == -32600)
    }

    @Test func aTokenIsRequiredWhenConfigured() throws {
        let health = #"{"jsonrpc":"2.0","id":1,"method":"health"}"#
        #expect(errorCode(try reply(health, token: "s3cret")) == -32002)
        let wrong = #"{"jsonrpc":"2.0","id":1,"method":"health","token":"guess"}"#
        #expect(errorCode(try reply(wrong, token: "s3cret")) == -32002)
        let right = #"{"jsonrpc":"2.0","id":1,"method":"health","token":"s3cret"}"#
        #expect((try reply(right, token: "s3cret") as? [String: Any])?["result"] != nil)
        let inParams = #"{"jsonrpc":"2.0","id":1,"method":"health","params":{"token":"s3cret"}}"#
        #expect((try reply(inParams, token: "s3cret") as? [String: Any])?["result"] != nil)
    }

    @Test func paramsLoggedWithLogCasesLeaveTheTokenOut() {
        let params: [String: Any] = ["case": ["findings": ["HP:0001166"]], "token": "s3cret"]
        let text = JSONLine.encode(RequestProcessor.withoutToken(params))
        #expect(!text.contains("s3cret"))
        #expect(text.contains("HP:0001166"))
    }

    @Test func requestsPastTheirDeadlineAreNotRun() throws {
        var limits = ServerLimits()
        limits.requestDeadline = .milliseconds(5)
        let line = ByteBuffer(string: Self.rankLine)
        let text = try processor(limits: limits).process(line, received: .now() - .seconds(1)).text ?? ""
        #expect(errorCode(try JSONSerialization.jsonObject(with: Data(text.utf8))) == -32000)
    }

    @Test func requestsThatFinishPastTheirDeadlineAreAnsweredWithTheDeadlineError() throws {
        var limits = ServerLimits()
        limits.requestDeadline = .seconds(1)
        // The ranker sleeps past the deadline (which is long enough for the request to start
        // on a busy machine): the result is dropped for -32000.
        let slow = try TestServer.processor(limits: limits, delay: .milliseconds(1500))
        let text = slow.process(ByteBuffer(string: Self.rankLine), received: .now()).text ?? ""
        let response = try JSONSerialization.jsonObject(with: Data(text.utf8))
        #expect(errorCode(response) == -32000)
        let data = ((response as? [String: Any])?["error"] as? [String: Any])?["data"] as? String
        #expect(data?.contains("its result was dropped") == true)
    }

    @Test func refusedLinesAreAnsweredWithTheirIDsWithoutRunning() throws {
        let refusal = RPCError.overloaded("shutting down")
        let line = ByteBuffer(string: "[" + Self.rankLine + #",{"jsonrpc":"2.0","method":"health"}]"#)
        let text = try processor().process(line, received: .now(), refusal: refusal).text ?? ""
        let responses = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(responses.count == 1)
        #expect(errorCode(responses.first) == -32001)
        #expect(responses.first?["id"] != nil)
    }

    @Test func theSameNormalizedCaseHasTheSameDigest() throws {
        let cases = try TestServer.cases()
        let viaAltID = #"{"case":{"id":"a","findings":[{"id":"HP:0009999","status":"present"}]}}"#
        let viaPrimary = #"{"case":{"id":"a","findings":[{"id":"HP:0001249","status":"present"}]}}"#
        let other = #"{"case":{"id":"a","findings":[{"id":"HP:0001250","status":"present"}]}}"#
        func digest(_ params: String) throws -> String? {
            try cases.rank(JSONSerialization.jsonObject(with: Data(params.utf8))).caseDigest
        }
        #expect(try digest(viaAltID) == digest(viaPrimary))
        #expect(try digest(viaAltID) != digest(other))
        #expect(try digest(other)?.count == 64)
    }
}

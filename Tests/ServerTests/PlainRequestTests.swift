import Testing

@testable import Server

/// Recognising the usual request shape from its bytes, and refusing everything else.
@Suite struct PlainRequestTests {
    private func scan(_ line: String) -> PlainRequest? {
        Array(line.utf8).withUnsafeBytes { PlainRequest.scan($0) }
    }

    private func params(_ line: String) -> String? {
        guard let request = scan(line) else { return nil }
        let bytes = Array(line.utf8)
        return String(decoding: bytes[request.params], as: UTF8.self)
    }

    @Test func readsTheMembersInAnyOrder() throws {
        let request = try #require(
            scan(#" { "params" : {"case":{"id":"a"}}, "id": 17 ,"method":"rank","jsonrpc":"2.0"} "#))
        #expect(request.id == "17")
        #expect(request.method == "rank")
        #expect(request.token == nil)
        #expect(
            params(#"{"id":"x-1","jsonrpc":"2.0","method":"rank","params":{"case":{}},"token":"s"}"#) == #"{"case":{}}"#
        )
        #expect(scan(#"{"id":"x-1","jsonrpc":"2.0","method":"rank","params":{},"token":"s"}"#)?.token == "s")
    }

    @Test func echoesIDsAsWritten() {
        let line = { (id: String) in #"{"jsonrpc":"2.0","method":"rank","params":{},"id":\#(id)}"# }
        #expect(scan(line("0"))?.id == "0")
        #expect(scan(line("-42"))?.id == "-42")
        #expect(scan(line(#""case/7 b""#))?.id == #""case/7 b""#)
        #expect(scan(line("999999999999999"))?.id == "999999999999999")
    }

    @Test func leavesOtherIDsToTheFullReader() {
        let line = { (id: String) in #"{"jsonrpc":"2.0","method":"rank","params":{},"id":\#(id)}"# }
        for id in ["1.0", "1e3", "-0", "01", "+1", "1234567890123456", "null", "true", #""a\"b""#, #""\u0041""#, "[1]"]
        {
            #expect(scan(line(id)) == nil, "id \(id)")
        }
    }

    @Test func findsTheEndOfParamsPastBracesAndQuotesInStrings() {
        let tricky = #"{"case":{"id":"a}\"]{","findings":[{"id":"HP:1","note":"\\"}]}}"#
        #expect(params(#"{"jsonrpc":"2.0","id":1,"method":"rank","params":\#(tricky)}"#) == tricky)
    }

    @Test func leavesEveryOtherShapeToTheFullReader() {
        let refused = [
            #"[{"jsonrpc":"2.0","id":1,"method":"rank","params":{}}]"#,  // a batch
            #"{"jsonrpc":"2.0","method":"rank","params":{}}"#,  // a notification
            #"{"jsonrpc":"1.0","id":1,"method":"rank","params":{}}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"rank","params":[1]}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"rank","params":{},"params":{}}"#,
            #"{"jsonrpc":"2.0","id":1,"id":2,"method":"rank","params":{}}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"rank","params":{},"extra":1}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"r\u0061nk","params":{}}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"rank","params":{}} x"#,
            #"{"jsonrpc":"2.0","id":1,"method":"rank","params":{"#,
            #"{"jsonrpc":"2.0","id":1,"method":"rank","params":{},}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"rank","params":{},"token":7}"#,
            "",
        ]
        for line in refused { #expect(scan(line) == nil, "\(line)") }
    }
}

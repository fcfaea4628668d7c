import Foundation
import NIOCore
import Testing

@testable import Server

/// A plain `rank` request is answered from its bytes, with the answer the full parse gives.
@Suite struct PlainCaseParamsTests {
    private static func params(_ line: String) -> PlainCaseParams? {
        var line = line
        return line.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            guard let request = PlainRequest.scan(raw) else { return nil }
            return PlainCaseParams.read(raw, params: request.params, maxDepth: JSONLine.maxDepth)
        }
    }

    private static func line(_ params: String) -> String {
        #"{"jsonrpc":"2.0","id":3,"method":"rank","params":\#(params)}"#
    }

    private static let phenopacket = #"{"id":"p1","phenotypicFeatures":[{"type":{"id":"HP:0001250"}}]}"#

    @Test func readsTheCaseAndTop() throws {
        let read = try #require(
            Self.params(Self.line(#"{"top": 2, "case": \#(Self.phenopacket), "note": [1, {"a": null}]}"#)))
        #expect(read.top == 2)
        #expect(read.patientCase.id == "p1")
        #expect(try #require(Self.params(Self.line(#"{"case": \#(Self.phenopacket)}"#))).top == nil)
    }

    @Test func declinesParamsThatAreNotPlain() {
        let declined = [
            #"{"case": \#(Self.phenopacket), "top": 2.5}"#, #"{"case": \#(Self.phenopacket), "top": -1}"#,
            #"{"case": \#(Self.phenopacket), "top": 1, "top": 2}"#,
            #"{"case": \#(Self.phenopacket), "token": "secret"}"#,
            #"{"case": \#(Self.phenopacket), "case": \#(Self.phenopacket)}"#,
            #"{"case": {"id": "c", "findings": ["HP:0001250"]}}"#, #"{"case": "text"}"#, #"{"top": 2}"#,
            #"{"case": \#(Self.phenopacket), "x": tru}"#,
        ]
        for params in declined {
            #expect(Self.params(Self.line(params)) == nil, "\(params)")
        }
    }

    /// The same case written so that it is plain, and so that it is not (a `null` sex, which the
    /// reader takes as left out): the same answer.
    @Test func answersAsTheFullParseDoes() throws {
        let processor = try TestServer.processor()
        func answer(_ subject: String) -> String? {
            let text = Self.line(
                #"{"case": {"id": "p1", "subject": \#(subject), "phenotypicFeatures": [{"type": {"id": "HP:0001250"}}]}}"#
            )
            return processor.process(ByteBuffer(string: text), received: .now()).text
        }
        let plain = try #require(answer("{}"))
        #expect(plain.contains(#""case_id":"p1""#))
        #expect(answer(#"{"sex": null}"#) == plain)
    }
}

import Foundation
import Ontology
import Testing

@testable import Clinical

/// A phenopacket read straight from its text is the case the parser and reader make of it;
/// anything not plain is declined (nil) and left to them.
@Suite struct PlainPhenopacketTests {
    private static let location = InputLocation(source: "params.case")

    /// The case the usual way: parsed whole, read by the loader.
    private static func readWhole(_ text: String) throws -> PatientCase {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try CaseLoader().readCase(object, at: location)
    }

    private static func readPlain(_ text: String) -> PatientCase? {
        var text = text
        return text.withUTF8 { PlainPhenopacket.read($0, at: location) }
    }

    private static let phenopacket = #"""
        {"id": "p-1", "subject": {"id": "s", "sex": "MALE", "timeAtLastEncounter": {"age": {"iso8601duration": "P3Y6M"}}},
         "phenotypicFeatures": [
            {"type": {"id": "HP:0001166", "label": "Arachnodactyly"}, "onset": {"age": {"iso8601duration": "P1Y"}}},
            {"type": {"id": "HP:0001250", "label": "Seizure"}, "excluded": true},
            {"type": {"id": "HP:0000098"}, "excluded": false, "negated": true},
            {"type": {"id": "HP:0004322"}, "negated": true}],
         "interpretations": [{"id": "i-0"}, {"diagnosis": {"disease": {"id": "", "label": "none"}}},
            {"diagnosis": {"disease": {"id": "OMIM:154700"}, "genomicInterpretations": [{"v": [1.5, -2e3, null, true]}]}}],
         "diseases": [{"term": {"id": "OMIM:999999"}, "excluded": true}, {"term": {"id": "OMIM:100100"}}],
         "metaData": {"resources": [{"id": "hp", "url": "http://purl.obolibrary.org/obo/hp.owl"}],
            "externalReferences": [{"id": "DOI:10.1/x"}, {"id": "PMID:10077612", "description": "\u00e9 \"q\""}]}}
        """#

    @Test func readsAPlainPhenopacketAsTheReaderDoes() throws {
        let plain = try #require(Self.readPlain(Self.phenopacket))
        #expect(plain == (try Self.readWhole(Self.phenopacket)))
        #expect(plain.id == "p-1")
        #expect(plain.sex == .male)
        #expect(plain.age == "P3Y6M")
        #expect(plain.findings.map(\.status) == [.present, .absent, .present, .absent])
        #expect(plain.truth == "OMIM:154700")
        #expect(plain.references == ["PMID:10077612"])
    }

    @Test func takesTheTruthFromDiseasesWithoutADiagnosisAndFallsBackForAMissingID() throws {
        let text = #"""
            {"phenotypicFeatures": [{"type": {"id": "HP:0001166"}}],
             "diseases": [{"term": {"id": "OMIM:999999"}, "excluded": true}, {"excluded": false, "term": {"id": "OMIM:100100"}}]}
            """#
        let plain = try #require(Self.readPlain(text))
        #expect(plain == (try Self.readWhole(text)))
        #expect(plain.truth == "OMIM:100100")
        #expect(plain.id == "params.case")
    }

    /// Each replaces part of a plain phenopacket; the result is not plain.
    @Test func declinesWhatIsNotPlain() {
        let features = #""phenotypicFeatures": [{"type": {"id": "HP:0001166"}}]"#
        let declined = [
            #"{"\u0069d": "p", \#(features)}"#, #"{"id": null, \#(features)}"#, #"{"id": 7, \#(features)}"#,
            #"{"id": " padded ", \#(features)}"#, #"{"id": "a", "id": "b", \#(features)}"#,
            "{\"id\": \"\u{FEFF}p\", \(features)}",
            #"{"subject": {"sex": "nope"}, \#(features)}"#, #"{"subject": {"sex": null}, \#(features)}"#,
            #"{"subject": {"timeAtLastEncounter": {"age": {"iso8601duration": "P3X"}}}, \#(features)}"#,
            #"{"phenotypicFeatures": [{"type": {"id": "HP:123"}}]}"#,
            #"{"phenotypicFeatures": [{"type": {"id": "HP:0001166"}, "excluded": null}]}"#,
            #"{"phenotypicFeatures": [{"type": {"id": "HP:0001166"}, "excluded": "yes"}]}"#,
            #"{"phenotypicFeatures": [{"type": {"id": "HP:0001166"}, "excluded": true, "excluded": false}]}"#,
            #"{"phenotypicFeatures": [{"excluded": true}]}"#, #"{"phenotypicFeatures": []}"#,
            #"{"phenotypicFeatures": [{"type": {"id": "HP:0001166"}}], "phenotypicFeatures": []}"#,
            #"{"findings": ["HP:0001166"], \#(features)}"#, #"{"id": "ddx case", "findings": ["HP:0001166"]}"#,
            #"{"interpretations": [{"diagnosis": 5}], \#(features)}"#,
            #"{"metaData": {"externalReferences": [{"id": 5}]}, \#(features)}"#,
            #"{"x": tru, \#(features)}"#, #"{"x": 1e999, \#(features)}"#, #"{"x": [1,], \#(features)}"#,
            "{\"x\": \"tab\there\", \(features)}", #"{"x": "\uD800", \#(features)}"#,
            "{\"x\": " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + ", \(features)}",
            #"{\#(features)} x"#, #"{\#(features),}"#, #"[{\#(features)}]"#,
        ]
        for text in declined {
            #expect(Self.readPlain(text) == nil, "\(text)")
        }
    }
}

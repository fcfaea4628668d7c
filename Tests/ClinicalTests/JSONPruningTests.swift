import Foundation
import Testing

@testable import Clinical

/// A pruned parse leaves out exactly the members its pruning names, and checks them as
/// strictly as the members it builds.
@Suite struct JSONPruningTests {
    private static let phenopacket = #"""
        {"id": "p-1", "subject": {"id": "s", "sex": "FEMALE"},
         "phenotypicFeatures": [{"type": {"id": "HP:0001166", "label": "Arachnodactyly"}, "excluded": true}],
         "interpretations": [{"id": "i-1", "progressStatus": "SOLVED",
             "diagnosis": {"disease": {"id": "OMIM:154700", "label": "Marfan syndrome"},
                 "genomicInterpretations": [{"variantInterpretation": {"acmgPathogenicityClassification": "PATHOGENIC",
                     "variationDescriptor": {"expressions": [{"syntax": "hgvs.c", "value": "c.1A>G"}], "allele": 1.5}}}]}}],
         "metaData": {"created": "2024-01-01T00:00:00Z", "phenopacketSchemaVersion": "2.0",
             "resources": [{"id": "hp", "version": "2024-01-16", "url": "http://purl.obolibrary.org/obo/hp.owl"}],
             "externalReferences": [{"id": "PMID:10077612", "reference": "https://pubmed.ncbi.nlm.nih.gov/10077612",
                 "description": "\u00e9 \"quoted\" \\ text"}]}}
        """#

    @Test func leavesOutWhatNoCaseReaderReads() throws {
        let pruned = try #require(StrictJSONParser.object(in: Self.phenopacket, pruning: .patientCase))
        let expected = try JSONSerialization.jsonObject(
            with: Data(
                #"""
                {"id": "p-1", "subject": {"id": "s", "sex": "FEMALE"},
                 "phenotypicFeatures": [{"type": {"id": "HP:0001166", "label": "Arachnodactyly"}, "excluded": true}],
                 "interpretations": [{"diagnosis": {"disease": {"id": "OMIM:154700"}}}],
                 "metaData": {"externalReferences": [{"id": "PMID:10077612"}]}}
                """#.utf8))
        #expect(StrictJSONParserTests.canonical(pruned) == StrictJSONParserTests.canonical(expected))
    }

    @Test func readsThePrunedCaseAsTheWholeOne() throws {
        let whole = try #require(StrictJSONParser.object(in: Self.phenopacket))
        let pruned = try #require(StrictJSONParser.object(in: Self.phenopacket, pruning: .patientCase))
        let location = InputLocation(source: "case.json")
        let wholeCase = try PhenopacketReader().read(whole, at: location)
        #expect(try PhenopacketReader().read(pruned, at: location) == wholeCase)
        #expect(wholeCase.truth == "OMIM:154700")
        #expect(wholeCase.references == ["PMID:10077612"])
    }

    @Test func keepsValuesOfTheWrongTypeWhole() throws {
        let text = #"{"metaData": "text", "interpretations": [1, {"diagnosis": [{"disease": 2, "x": 3}]}]}"#
        let pruned = try #require(StrictJSONParser.object(in: text, pruning: .patientCase))
        let expected = try JSONSerialization.jsonObject(
            with: Data(#"{"metaData": "text", "interpretations": [1, {"diagnosis": [{"disease": 2}]}]}"#.utf8))
        #expect(StrictJSONParserTests.canonical(pruned) == StrictJSONParserTests.canonical(expected))
    }

    @Test func prunesTheCaseInsideARequest() throws {
        let text =
            #"{"jsonrpc": "2.0", "id": 1, "method": "rank", "params": {"top": 5, "case": "# + Self.phenopacket + "}}"
        let request = try #require(StrictJSONParser.object(in: text, pruning: .caseRequest))
        let params = try #require(request["params"] as? [String: Any])
        let patient = try #require(params["case"] as? [String: Any])
        #expect((params["top"] as? NSNumber)?.intValue == 5)
        #expect(request["method"] as? String == "rank")
        #expect((patient["metaData"] as? [String: Any])?.keys.sorted() == ["externalReferences"])
        #expect(patient["phenotypicFeatures"] != nil)
    }

    /// Each value is left out (under `metaData.resources`) and must be given up on there just
    /// as where it is built.
    @Test func givesUpOnLeftOutValuesItWouldGiveUpOnAnywhere() {
        let bad = [
            "tru", "nul", "01", "1.", "-", "1e400", "NaN", #""\x""#, #""\uD800""#, #""\uDC00x""#, "\"tab\there\"",
            "\"\u{FEFF}byte order mark\"", "[1,]", "[1 2]", #"{"a" 1}"#, #"{"a": 1,}"#, "{a: 1}", "\"open",
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ]
        for value in bad {
            let text = #"{"id": "c", "metaData": {"resources": "# + value + "}}"
            #expect(StrictJSONParser.object(in: text, pruning: .patientCase) == nil, "\(value)")
            #expect(StrictJSONParser.object(in: text) == nil, "\(value)")
        }
    }

    @Test func stepsOverEveryKindOfValidValue() throws {
        let good = [
            "true", "false", "null", "0", "-0.5", "1e3", "2E-2", "123456789012345678901", #""plain""#,
            #""esc \" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00""#, "\"raw é € 😀\"", "[]", "{}",
            #"[{"a": [1, {"b": null}]}, "x", [[]]]"#, #"{"a": 1, "a": {"}": "]"}}"#,
        ]
        for value in good {
            let text = #"{"id": "c", "metaData": {"resources": "# + value + #", "externalReferences": []}}"#
            let pruned = try #require(StrictJSONParser.object(in: text, pruning: .patientCase), "\(value)")
            let metaData = pruned["metaData"] as? [String: Any]
            #expect(metaData?.keys.sorted() == ["externalReferences"], "\(value)")
            #expect(pruned["id"] as? String == "c")
        }
    }
}

import Foundation
import Ontology
import Ranking
import Service
import TestFixtures
import Testing

/// `ddx rank --format json` and the daemon's `rank` answer: one line of JSON with sorted keys,
/// labels from the ontology and numbers rounded to three decimals.
@Suite struct RankOutputTests {
    private let output: RankOutput

    init() throws {
        output = RankOutput(ontology: try ToyRelease.ontology())
    }

    private static func term(_ number: Int32) -> TermID { TermID(number) }

    private func text(_ differential: Differential) throws -> String {
        try JSONText.encode { output.write(differential, to: &$0) }
    }

    private func object(_ differential: Differential) throws -> [String: Any] {
        let data = Data(try text(differential).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// One disease with a match, a conflict and a pertinent negative, and one with nothing.
    private static let differential = Differential(
        caseID: "PMID_1/Family \"A\" – II:1\n",
        entries: [
            DifferentialEntry(
                rank: 1, diseaseID: "OMIM:100002", name: "Cataract-heart syndrome", score: 0.623_51,
                evidence: Evidence(
                    supporting: [
                        FindingMatch(
                            query: term(1250), diseaseTerm: term(7359), commonAncestor: term(1250),
                            frequency: 0.895_49, weight: 7.900_4)
                    ],
                    against: [
                        FindingConflict(
                            query: term(518), diseaseTerm: term(518), kind: .excludedButExpected, frequency: nil,
                            weight: -1.25)
                    ],
                    pertinentNegatives: [
                        FindingMatch(
                            query: term(12_345_678), diseaseTerm: term(505), commonAncestor: term(478),
                            frequency: 1, weight: 0.123_456)
                    ])),
            DifferentialEntry(
                rank: 2, diseaseID: "ORPHA:4000", name: "Ünïcödé 症候群 🧬", score: -12, evidence: Evidence()),
        ],
        knowledgeBase: "hp/releases/toy", model: "fff-1", warnings: ["one \\ warning"])

    @Test func anEmptyDifferentialIsOneLineWithSortedKeys() throws {
        let empty = Differential(caseID: "c", entries: [], knowledgeBase: "kb", model: "m", warnings: [])
        #expect(
            try text(empty)
                == #"{"case_id":"c","differential":[],"disclaimer":"decision support, not a diagnosis","#
                + #""knowledge_base":"kb","model":"m","warnings":[]}"#)
    }

    @Test func theTextIsOneCanonicalLine() throws {
        let streamed = try text(Self.differential)
        #expect(!streamed.contains("\n"))  // the case id's newline is escaped
        // Written back from its parse with sorted keys, the text is unchanged: every object's keys
        // are in order and every number is written as the dictionary writer writes it.
        #expect(try JSONText.encode(try object(Self.differential)) == streamed)
    }

    @Test func theTopLevelNamesTheCaseAndTheRelease() throws {
        let result = try object(Self.differential)
        #expect(
            result.keys.sorted() == ["case_id", "differential", "disclaimer", "knowledge_base", "model", "warnings"])
        #expect(result["case_id"] as? String == "PMID_1/Family \"A\" – II:1\n")
        #expect(result["knowledge_base"] as? String == "hp/releases/toy")
        #expect(result["model"] as? String == "fff-1")
        #expect(result["warnings"] as? [String] == ["one \\ warning"])
        #expect(result["disclaimer"] as? String == "decision support, not a diagnosis")
    }

    @Test func entriesCarryRankScoreAndEvidence() throws {
        let entries = try #require(try object(Self.differential)["differential"] as? [[String: Any]])
        #expect(entries.count == 2)
        let first = entries[0]
        #expect(first.keys.sorted() == ["evidence", "id", "name", "rank", "score"])
        #expect(first["rank"] as? Int == 1)
        #expect(first["id"] as? String == "OMIM:100002")
        #expect(first["score"] as? Double == 0.624)
        let second = entries[1]
        #expect(second["name"] as? String == "Ünïcödé 症候群 🧬")
        #expect(second["score"] as? Double == -12)
        let evidence = try #require(second["evidence"] as? [String: [Any]])
        #expect(evidence.keys.sorted() == ["against", "for", "pertinent_negatives"])
        #expect(evidence.values.allSatisfy { $0.isEmpty })
    }

    @Test func matchesAreLabelledAndRounded() throws {
        let match = try firstEvidence("for")
        #expect(
            match.keys.sorted() == [
                "common_ancestor", "disease_term", "disease_term_label", "finding", "finding_label", "frequency",
                "weight",
            ])
        #expect(match["finding"] as? String == "HP:0001250")
        #expect(match["finding_label"] as? String == "Seizure")
        #expect(match["disease_term"] as? String == "HP:0007359")
        #expect(match["disease_term_label"] as? String == "Focal-onset seizure")
        #expect(match["common_ancestor"] as? String == "HP:0001250")
        #expect(match["frequency"] as? Double == 0.895)
        #expect(match["weight"] as? Double == 7.9)
        // A term the ontology does not know is labelled with its id.
        let negative = try firstEvidence("pertinent_negatives")
        #expect(negative["finding"] as? String == "HP:12345678")
        #expect(negative["finding_label"] as? String == "HP:12345678")
        #expect(negative["frequency"] as? Double == 1)
        #expect(negative["weight"] as? Double == 0.123)
    }

    @Test func conflictsNameTheirKindAndOmitAnUnknownFrequency() throws {
        let conflict = try firstEvidence("against")
        #expect(
            conflict.keys.sorted() == [
                "disease_term", "disease_term_label", "finding", "finding_label", "kind", "weight",
            ])
        #expect(conflict["kind"] as? String == "excluded_but_expected")
        #expect(conflict["finding_label"] as? String == "Cataract")
        #expect(conflict["weight"] as? Double == -1.25)
    }

    @Test func aScoreJSONCannotHoldIsRefused() {
        let entry = DifferentialEntry(rank: 1, diseaseID: "x", name: "x", score: .infinity, evidence: Evidence())
        let differential = Differential(caseID: "c", entries: [entry], knowledgeBase: "kb", model: "m", warnings: [])
        #expect(throws: JSONText.EncodingError.self) { try text(differential) }
    }

    /// Items are assembled in one piece unless a number is beyond the fast form (a billion or
    /// more, or not finite); those are written member by member, to the same text, or refused.
    @Test func evidenceNumbersBeyondTheFastFormAreWrittenAllTheSameOrRefused() throws {
        func differential(weight: Double) -> Differential {
            let evidence = Evidence(
                supporting: [
                    FindingMatch(
                        query: Self.term(1250), diseaseTerm: Self.term(1250), commonAncestor: Self.term(1250),
                        frequency: 0.5, weight: weight)
                ],
                against: [
                    FindingConflict(
                        query: Self.term(518), diseaseTerm: Self.term(518), kind: .observedButNegated, frequency: nil,
                        weight: -weight)
                ])
            let entry = DifferentialEntry(rank: 1, diseaseID: "x", name: "x", score: 1, evidence: evidence)
            return Differential(caseID: "c", entries: [entry], knowledgeBase: "kb", model: "m", warnings: [])
        }
        for (weight, written) in [(2.5, "2.5"), (2e9, "2000000000"), (123_456_789_012.345_6, "123456789012.346")] {
            let line = try text(differential(weight: weight))
            #expect(line.contains(#""finding_label":"Seizure","frequency":0.5,"weight":\#(written)}"#), "\(line)")
            #expect(line.contains(#""kind":"observed_but_negated","weight":-\#(written)}"#), "\(line)")
        }
        for weight in [Double.nan, .infinity] {
            #expect(throws: JSONText.EncodingError.self) { try text(differential(weight: weight)) }
        }
    }

    /// Terms the ontology does not know, with the longest ids, are labelled with their ids.
    @Test func unknownTermsWithLongIDsAreLabelledWithTheirIDs() throws {
        let long = Self.term(Int32.max)
        let evidence = Evidence(
            supporting: [
                FindingMatch(query: long, diseaseTerm: long, commonAncestor: long, frequency: 0.5, weight: 1)
            ],
            against: [
                FindingConflict(query: long, diseaseTerm: long, kind: .excludedButExpected, frequency: 0.25, weight: -1)
            ])
        let entry = DifferentialEntry(rank: 1, diseaseID: "x", name: "x", score: 1, evidence: evidence)
        let line = try text(
            Differential(caseID: "c", entries: [entry], knowledgeBase: "kb", model: "m", warnings: []))
        let id = "\"\(long.description)\""
        #expect(line.contains(#"{"common_ancestor":\#(id),"disease_term":\#(id),"disease_term_label":\#(id),"#))
        #expect(line.contains(#""finding_label":\#(id),"frequency":0.25,"kind":"excluded_but_expected","weight":-1}"#))
    }

    /// The first item of the first entry's evidence list `key` (`for`, `against` or
    /// `pertinent_negatives`).
    private func firstEvidence(_ key: String) throws -> [String: Any] {
        let entries = try #require(try object(Self.differential)["differential"] as? [[String: Any]])
        let evidence = try #require(entries.first?["evidence"] as? [String: Any])
        return try #require((evidence[key] as? [[String: Any]])?.first)
    }
}

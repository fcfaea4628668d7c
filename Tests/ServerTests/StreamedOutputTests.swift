import Clinical
import Foundation
import Ontology
import Ranking
import Service
import TestFixtures
import Testing

@testable import Server

/// The daemon writes its answers, digests and audit timestamps straight to bytes; each must be
/// exactly what the dictionary renderings (and `String(format:)`) give.
@Suite struct StreamedOutputTests {
    private static func term(_ number: Int32) -> TermID { TermID(number) }

    @Test func theRankObjectIsWhatTheDictionaryRenderingWrites() throws {
        let output = RankOutput(ontology: try ToyRelease.ontology())
        let evidence = Evidence(
            supporting: [
                FindingMatch(
                    query: Self.term(1250), diseaseTerm: Self.term(7359), commonAncestor: Self.term(1250),
                    frequency: 0.895_49, weight: 7.900_4),
                FindingMatch(
                    query: Self.term(12_345_678), diseaseTerm: Self.term(1), commonAncestor: Self.term(1),
                    frequency: nil, weight: 2),
            ],
            against: [
                FindingConflict(
                    query: Self.term(518), diseaseTerm: Self.term(518), kind: .excludedButExpected, frequency: 0.9,
                    weight: -1.25),
                FindingConflict(
                    query: Self.term(1250), diseaseTerm: Self.term(1250), kind: .observedButNegated,
                    frequency: nil, weight: -3e-7),
            ],
            pertinentNegatives: [
                FindingMatch(
                    query: Self.term(505), diseaseTerm: Self.term(505), commonAncestor: Self.term(505), frequency: 1,
                    weight: 0.123_456)
            ])
        let differential = Differential(
            caseID: "PMID_1/Family \"A\" – II:1\n",
            entries: [
                DifferentialEntry(
                    rank: 1, diseaseID: "OMIM:100002", name: "Cataract-heart syndrome", score: 0.62,
                    evidence: evidence),
                DifferentialEntry(
                    rank: 2, diseaseID: "ORPHA:4000", name: "Ünïcödé 症候群 🧬", score: -12,
                    evidence: Evidence()),
                DifferentialEntry(
                    rank: 3, diseaseID: "OMIM:100003", name: "x", score: .infinity,
                    evidence: Evidence()),
            ],
            knowledgeBase: "hp/releases/toy", model: "fff-1", warnings: ["one \\ warning", "two"])
        var writer = JSONWriter()
        output.write(differential, to: &writer)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == JSONText.line(output.json(differential)))
        let empty = Differential(caseID: "", entries: [], knowledgeBase: "kb", model: "m", warnings: [])
        var emptyWriter = JSONWriter()
        output.write(empty, to: &emptyWriter)
        #expect(String(decoding: emptyWriter.bytes, as: UTF8.self) == JSONText.line(output.json(empty)))
    }

    @Test func theNormalizedCaseIsWhatTheDictionaryRenderingWrites() throws {
        let knowledgeBase = try ToyRelease.knowledgeBase()
        let ingestor = CaseIngestor(knowledgeBase: knowledgeBase)
        let output = NormalizedCaseOutput(knowledgeBase: knowledgeBase)
        let cases = [
            PatientCase(
                id: "text \"1\"", age: "P4Y", sex: .male,
                text: "A boy with fits and clouding of the lens, no visual impairment; possibly an atrial septal "
                    + "defect in the past. His brother has seizures.",
                truth: "OMIM:100002"),
            PatientCase(
                id: "stated",
                findings: [
                    Finding(id: Self.term(1250), status: .present), Finding(id: Self.term(518), status: .absent),
                    Finding(id: Self.term(9_999_999), status: .present),
                ]),
            PatientCase(id: "nothing"),
        ]
        for patient in cases {
            let ingested = ingestor.ingestDetailed(patient)
            var writer = JSONWriter()
            output.write(ingested, to: &writer)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == JSONText.line(output.json(ingested)))
        }
    }

    @Test func theDigestIsOverTheCanonicalJSONOfTheCase() throws {
        let patients = [
            PatientCase(
                id: "a \"quoted\" id", findings: [Finding(id: Self.term(1250), status: .present)], age: "P3M",
                sex: .female),
            PatientCase(id: "b", findings: [Finding(id: Self.term(518), status: .absent)]),
        ]
        for patient in patients {
            var object: [String: Any] = [
                "id": patient.id, "sex": patient.sex.rawValue,
                "findings": patient.findings.map { ["id": $0.id.description, "status": $0.status.rawValue] },
            ]
            if let age = patient.age { object["age"] = age }
            #expect(String(decoding: CaseDigest.canonicalText(of: patient), as: UTF8.self) == JSONText.line(object))
        }
    }

    @Test func termIDsAreWrittenAsTheirDescription() {
        for number: Int32 in [0, 1, 518, 1_234_567, 12_345_678, Int32.max, -5] {
            var writer = JSONWriter()
            writer.write(term: TermID(number))
            #expect(String(decoding: writer.bytes, as: UTF8.self) == JSONText.line(TermID(number).description))
        }
    }

    @Test func auditTimestampsAreISO8601WithMilliseconds() {
        for seconds in [0, 1_796_000_000.123_4, 1_796_086_399.999_9, 951_782_400.5] {
            let date = Date(timeIntervalSince1970: seconds)
            var whole = time_t(seconds.rounded(.down))
            let milliseconds = min(999, Int((seconds - Double(whole)) * 1000))
            var parts = tm()
            gmtime_r(&whole, &parts)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), milliseconds)
            #expect(AuditStore.timestamp(date) == expected)
        }
    }
}

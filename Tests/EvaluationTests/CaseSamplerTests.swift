import Evaluation
import Foundation
import Testing

@Suite struct CaseSamplerTests {
    private let facts = (0..<40).map {
        CaseFacts(
            caseID: "c\($0)", truth: "OMIM:\($0 % 10)", truthInKnowledgeBase: $0 % 4 != 0, isCircular: $0 % 3 == 0,
            presentFindings: 3)
    }

    private func sample(
        size: Int = 8, seed: UInt64 = 5, distinct: Bool = false, nonCircular: Bool = false, inKB: Bool = false
    )
        -> [String]
    {
        CaseSampler(
            size: size, seed: seed,
            filters: .init(distinctDiagnoses: distinct, nonCircular: nonCircular, inKnowledgeBase: inKB)
        ).sample(facts)
    }

    @Test func theSameSeedDrawsTheSameCasesAndAnotherSeedOthers() {
        #expect(sample() == sample())
        #expect(sample() != sample(seed: 6))
        #expect(Set(sample()).count == 8)
        #expect(sample(size: 100).count == 40)
    }

    @Test func filtersKeepOnlyEligibleCases() {
        let byID = Dictionary(uniqueKeysWithValues: facts.map { ($0.caseID, $0) })
        let chosen = sample(size: 40, distinct: true, nonCircular: true, inKB: true).compactMap { byID[$0] }
        #expect(!chosen.isEmpty)
        #expect(chosen.allSatisfy { $0.truthInKnowledgeBase && !$0.isCircular })
        #expect(Set(chosen.map(\.truth)).count == chosen.count)
    }

    @Test func aManifestRoundTripsAndOtherJSONIsNotOne() throws {
        let manifest = CaseSetManifest(
            source: .init(name: "p/x.jsonl.gz", path: "../x.jsonl.gz", sha256: "ab"), seed: 3,
            filters: .init(distinctDiagnoses: false, nonCircular: true, inKnowledgeBase: true),
            knowledgeBase: "hp/releases/test", caseIDs: ["a", "b"])
        let decoded = try #require(CaseSetManifest.decode(try manifest.encoded()))
        #expect(decoded == manifest)
        #expect(decoded.size == 2)
        #expect(CaseSetManifest.decode(Data("{\"id\": \"case\", \"findings\": []}".utf8)) == nil)
    }
}

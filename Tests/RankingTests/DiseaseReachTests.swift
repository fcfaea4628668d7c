import TestFixtures
import Testing

@testable import Ranking

@Suite struct DiseaseReachTests {
    /// Three terms over four diseases; disease 3 reaches nothing. Each entry's feature is
    /// 10 × term + entry, its frequency a tenth of that, or none (-1) for term 3.
    let reach = DiseaseReach(
        postingDiseases: [[0, 2], [], [1, 2], [2]], features: [[0, 1], [], [20, 21], [30]],
        frequencies: [[0, 0.1], [], [2, 2.1], [-1]], diseaseCount: 4)

    private func feature(_ disease: Int32, _ term: Int32) -> PhenotypeIndex.Feature? {
        reach.slot(of: disease, reaching: term).map(reach.feature(at:))
    }

    @Test func everyPostingEntryIsFoundFromItsDisease() {
        #expect(reach.count == 5)
        #expect(feature(0, 0) == PhenotypeIndex.Feature(term: 0, frequency: 0))
        #expect(feature(2, 0) == PhenotypeIndex.Feature(term: 1, frequency: 0.1))
        #expect(feature(1, 2) == PhenotypeIndex.Feature(term: 20, frequency: 2))
        #expect(feature(2, 2) == PhenotypeIndex.Feature(term: 21, frequency: 2.1))
        #expect(feature(2, 3) == PhenotypeIndex.Feature(term: 30, frequency: nil))
    }

    @Test func aTermTheDiseaseDoesNotReachHasNoSlot() {
        #expect(reach.slot(of: 0, reaching: 1) == nil, "an empty posting list")
        #expect(reach.slot(of: 0, reaching: 3) == nil, "past the disease's last term")
        #expect(reach.slot(of: 1, reaching: 0) == nil, "before the disease's first term")
        for term: Int32 in 0..<4 { #expect(reach.slot(of: 3, reaching: term) == nil) }
    }

    @Test func valuesPerSlotFollowTheSlots() throws {
        let labels = reach.perSlot { term, frequency in "\(term):\(frequency.map { "\($0)" } ?? "none")" }
        #expect(labels.count == reach.count)
        #expect(labels[try #require(reach.slot(of: 2, reaching: 2))] == "2:2.1")
        #expect(labels[try #require(reach.slot(of: 2, reaching: 3))] == "3:none")
    }

    /// On the toy knowledge base, every (disease, term) pair agrees with the posting lists.
    @Test func theIndexFindsWhatAScanOfThePostingListsFinds() throws {
        let index = PhenotypeIndex(knowledgeBase: try ToyRelease.knowledgeBase())
        var found = 0
        for term in index.postingDiseases.indices {
            for disease in 0..<index.diseaseCount {
                let entry = index.postingDiseases[term].firstIndex(of: Int32(disease))
                let slot = index.reach.slot(of: Int32(disease), reaching: Int32(term))
                let reached = index.frequency(of: Int32(disease), reaching: Int32(term))
                #expect((slot == nil) == (entry == nil))
                #expect((reached == nil) == (entry == nil))
                guard let entry, let slot, let reached else { continue }
                found += 1
                let frequency = index.postingFrequencies[term][entry]
                #expect(reached.frequency == (frequency < 0 ? nil : frequency))
                #expect(index.reach.feature(at: slot).term == index.postingFeatures[term][entry])
            }
        }
        #expect(found == index.reach.count)
        #expect(found > 0)
    }
}

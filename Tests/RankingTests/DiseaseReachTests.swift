import TestFixtures
import Testing

@testable import Ranking

@Suite struct DiseaseReachTests {
    /// Three terms over four diseases; disease 3 reaches nothing. Each entry's feature is
    /// 10 × term + entry, its frequency a tenth of that, or none (-1) for term 3.
    let reach = DiseaseReach(
        postingDiseases: [[0, 2], [], [1, 2], [2]], features: [[0, 1], [], [20, 21], [30]],
        frequencies: [[0, 0.1], [], [2, 2.1], [-1]], diseaseCount: 4)

    @Test func everyPostingEntryIsFoundFromItsDisease() {
        #expect(reach.count == 5)
        #expect(reach.slot(of: 0, reaching: 0).map(reach.entry(at:)) == 0)
        #expect(reach.slot(of: 2, reaching: 0).map(reach.entry(at:)) == 1)
        #expect(reach.slot(of: 1, reaching: 2).map(reach.entry(at:)) == 0)
        #expect(reach.slot(of: 2, reaching: 2).map(reach.entry(at:)) == 1)
        #expect(reach.slot(of: 2, reaching: 3).map(reach.entry(at:)) == 0)
    }

    @Test func eachSlotHoldsItsEntrysFeature() throws {
        let slot = try #require(reach.slot(of: 2, reaching: 2))
        #expect(reach.feature(at: slot) == PhenotypeIndex.Feature(term: 21, frequency: 2.1))
        let none = try #require(reach.slot(of: 2, reaching: 3))
        #expect(reach.feature(at: none) == PhenotypeIndex.Feature(term: 30, frequency: nil))
    }

    @Test func aTermTheDiseaseDoesNotReachHasNoSlot() {
        #expect(reach.slot(of: 0, reaching: 1) == nil, "an empty posting list")
        #expect(reach.slot(of: 0, reaching: 3) == nil, "past the disease's last term")
        #expect(reach.slot(of: 1, reaching: 0) == nil, "before the disease's first term")
        for term: Int32 in 0..<4 { #expect(reach.slot(of: 3, reaching: term) == nil) }
    }

    @Test func valuesPerSlotFollowTheSlots() throws {
        let labels = reach.perSlot { term, entry in "\(term):\(entry)" }
        #expect(labels.count == reach.count)
        let slot = try #require(reach.slot(of: 2, reaching: 2))
        #expect(labels[slot] == "2:1")
    }

    /// On the toy knowledge base, every (disease, term) pair agrees with the posting lists.
    @Test func theIndexFindsWhatAScanOfThePostingListsFinds() throws {
        let index = PhenotypeIndex(knowledgeBase: try ToyRelease.knowledgeBase())
        var found = 0
        for term in index.postingDiseases.indices {
            for disease in 0..<index.diseaseCount {
                let expected = index.postingDiseases[term].firstIndex(of: Int32(disease))
                #expect(index.postingEntry(of: Int32(disease), reaching: Int32(term)) == expected)
                let reached = index.frequency(of: Int32(disease), reaching: Int32(term))
                #expect((reached == nil) == (expected == nil))
                if let expected, let reached, let slot = index.reach.slot(of: Int32(disease), reaching: Int32(term)) {
                    let frequency = index.postingFrequencies[term][expected]
                    #expect(reached.frequency == (frequency < 0 ? nil : frequency))
                    #expect(index.reach.feature(at: slot).term == index.postingFeatures[term][expected])
                }
                found += expected == nil ? 0 : 1
            }
        }
        #expect(found == index.reach.count)
        #expect(found > 0)
    }
}

import Ontology
import Ranking
import TestFixtures
import Testing

/// Counts of the exact stage's walk on the toy knowledge base (4 diseases), worked out by hand:
/// Seizure (HP:0001250) and Abnormality of the nervous system (HP:0000707) reach 2 diseases
/// (information content ln 2 ≈ 0.69), Focal seizure (HP:0007359), Intellectual disability
/// (HP:0001249), Cataract (HP:0000518) and HP:0000505 one each (ln 4 ≈ 1.39), Abnormality of
/// the eye (HP:0000478) 2; the roots reach all four (0, never walked).
@Suite struct PostingWalkTests {
    @Test func countsEntriesDistinctListsAndSharedGeneralSets() throws {
        let index = PhenotypeIndex(knowledgeBase: try ToyRelease.knowledgeBase())
        let present = try [7359, 1249, 518, 505].map { try #require(index.ontology.position(of: TermID($0))) }
        let walk = PostingWalk(
            query: CaseQuery(present: present, absent: []), index: index, minimumInformation: 0.1, generalCut: 1)
        // 7359: itself 1 + 1250 2 + 707 2; 1249: 1 + 707 2; 518: 1 + 478 2; 505: 1 + 478 2.
        #expect(walk.entries == 14)
        #expect(walk.generalEntries == 10)
        #expect(walk.distinctAncestors == 7)
        #expect(walk.distinctEntries == 10)
        // General sets {707, 1250}, {707} and {478} (shared by 518 and 505).
        #expect(walk.generalSets == 3)
        #expect(walk.sharedGeneralEntries == 4 + 4 + 2 + 2)
        // Frontiers {1250} (Seizure lies under 707, so its row covers 707), {707} and {478}.
        #expect(walk.generalRows == 3)
    }
}

import Testing

@testable import Ontology

/// The two-level index behind `Ontology.position(of:)` answers as a dictionary filled in order would.
@Suite struct TermPositionIndexTests {
    @Test func aRepeatedIDMapsToItsLastPosition() {
        let index = TermPositionIndex([TermID(7), TermID(300), TermID(7)])
        #expect(index.position(of: TermID(7)) == 2)
        #expect(index.position(of: TermID(300)) == 1)
        #expect(index.position(of: TermID(8)) == nil)
        #expect(TermPositionIndex([TermID]()).position(of: TermID(0)) == nil)
    }

    @Test func idsFarApartAndOutOfRangeAreFoundOrNot() {
        let ids = [TermID(1), TermID(255), TermID(256), TermID(50_000), TermID(6_000_123)]
        let index = TermPositionIndex(ids)
        for (position, id) in ids.enumerated() { #expect(index.position(of: id) == Int32(position)) }
        for id in [TermID(2), TermID(257), TermID(6_000_124), TermID(9_999_999), TermID(-1)] {
            #expect(index.position(of: id) == nil)
        }
    }
}

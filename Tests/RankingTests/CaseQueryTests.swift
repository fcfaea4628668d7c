import Clinical
import Ontology
import Ranking
import TestFixtures
import Testing

@Suite struct CaseQueryTests {
    @Test func dropsAncestorsOfObservedTermsAndContradictedExclusions() throws {
        let ontology = try ToyRelease.ontology()
        let patient = PatientCase(
            id: "q",
            findings: [
                Finding(id: TermID(1250), status: .present), Finding(id: TermID(7359), status: .present),
                Finding(id: TermID(707), status: .absent),  // contradicts the seizures: dropped
                Finding(id: TermID(478), status: .absent), Finding(id: TermID(518), status: .absent),  // 518 implied
            ])
        let query = CaseQuery(patient, ontology: ontology)
        #expect(query.present.map { ontology.terms[Int($0)].id } == [TermID(7359)])
        #expect(query.absent.map { ontology.terms[Int($0)].id } == [TermID(478)])
    }
}

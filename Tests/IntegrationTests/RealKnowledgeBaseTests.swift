import Knowledge
import Ontology
import Testing

@Suite(.serialized) struct RealKnowledgeBaseTests {
    @Test func holdsThePinnedRelease() throws {
        let knowledgeBase = try RealData.knowledgeBase.get()
        #expect(knowledgeBase.version == "hp/releases/2025-01-16")
        #expect(knowledgeBase.info.annotationVersion == "2025-01-16")
        #expect(knowledgeBase.diseases.count == 12_687)
        #expect((18_000...21_000).contains(knowledgeBase.ontology.terms.filter { !$0.isObsolete }.count))
        #expect((260_000...290_000).contains(knowledgeBase.annotationCount))
        #expect(knowledgeBase.info.checksums.keys.sorted() == ["hp.obo", "phenotype.hpoa"])
    }

    @Test func knowsWellKnownTermsAndDiseases() throws {
        let knowledgeBase = try RealData.knowledgeBase.get()
        #expect(knowledgeBase.ontology.name(of: TermID(1166)) == "Arachnodactyly")
        #expect(knowledgeBase.disease("OMIM:154700")?.name == "Marfan syndrome")
        #expect(knowledgeBase.ontology.isAncestor(TermID(118), of: TermID(1166)))
        let marfan = knowledgeBase.annotationsByDisease[
            Int(try #require(knowledgeBase.position(ofDisease: "OMIM:154700")))]
        #expect(marfan.contains { $0.term == TermID(1166) })
    }

    @Test func resolvesAlternateIDsOfTheRelease() throws {
        let ontology = try RealData.knowledgeBase.get().ontology
        let withAlternates = try #require(ontology.terms.first { !$0.isObsolete && !$0.alternateIDs.isEmpty })
        for alternate in withAlternates.alternateIDs {
            #expect(ontology.resolve(alternate) == .alternate(of: withAlternates.id))
        }
        let obsolete = try #require(ontology.terms.first { $0.isObsolete && $0.replacedBy != nil })
        if case .replaced = ontology.resolve(obsolete.id) {
        } else {
            Issue.record("obsolete \(obsolete.id) with replaced_by did not resolve to its replacement")
        }
    }
}

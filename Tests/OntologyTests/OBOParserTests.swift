import Ontology
import TestFixtures
import Testing

@Suite struct OBOParserTests {
    @Test func readsTheHeaderRelease() throws {
        #expect(try ToyRelease.ontology().release == "hp/releases/toy")
    }

    @Test func readsTermsButNotTypedefs() throws {
        let ontology = try ToyRelease.ontology()
        #expect(ontology.count == 16)
        #expect(ontology.name(of: TermID(1250)) == "Seizure")
    }

    @Test func readsSynonymsWithScopeAndType() throws {
        let seizure = try #require(try ToyRelease.ontology().term(TermID(1250)))
        #expect(seizure.synonyms.contains(Synonym(text: "Fits", scope: .exact, type: "layperson")))
        #expect(seizure.synonyms.contains(Synonym(text: "Epileptic seizure", scope: .exact, type: nil)))
        #expect(seizure.definition == "A seizure is an intermittent abnormality of nervous system physiology.")
    }

    @Test func readsObsoleteTermsAndReplacements() throws {
        let ontology = try ToyRelease.ontology()
        let nephrosis = try #require(ontology.term(TermID(100)))
        #expect(nephrosis.isObsolete)
        #expect(nephrosis.replacedBy == TermID(1631))
        #expect(ontology.term(TermID(200))?.consider == [TermID(518)])
    }

    @Test func rejectsTextWithoutTerms() {
        #expect(throws: OBOError.self) { try OBOParser().parse("format-version: 1.2\n", file: "empty.obo") }
    }

    @Test func reportsTheLineOfAMalformedIsA() {
        let text = "[Term]\nid: HP:0000001\nname: All\n\n[Term]\nid: HP:0000002\nis_a: nonsense\n"
        #expect(throws: OBOError(file: "bad.obo", line: 7, reason: "is_a names no HPO id: nonsense")) {
            try OBOParser().parse(text, file: "bad.obo")
        }
    }

    @Test func parsesTermIDsStrictly() {
        #expect(TermID("HP:0001166") == TermID(1166))
        #expect(TermID("HP_0001166") == TermID(1166))
        #expect(TermID("HP:1166") == nil)
        #expect(TermID("OMIM:154700") == nil)
        #expect(TermID(1166).description == "HP:0001166")
    }
}

import Ontology
import Testing

@testable import Clinical

@Suite struct CaseNormalizerTests {
    let normalizer = CaseNormalizer(ontology: ToyOntology.ontology)

    private func normalize(_ findings: [Finding], warnings: [String] = []) -> PatientCase {
        normalizer.normalize(PatientCase(id: "t", findings: findings, warnings: warnings))
    }

    private func present(_ id: TermID) -> Finding { Finding(id: id, status: .present) }
    private func absent(_ id: TermID) -> Finding { Finding(id: id, status: .absent) }

    @Test func leavesCurrentConsistentFindingsAlone() {
        let findings = [present(ToyOntology.arachnodactyly), absent(ToyOntology.ectopiaLentis)]
        let normalized = normalize(findings)
        #expect(normalized.findings == findings)
        #expect(normalized.warnings.isEmpty)
    }

    @Test func mapsAnAlternateIDToItsPrimary() throws {
        let normalized = normalize([present(ToyOntology.arachnodactylyAlternate)])
        #expect(normalized.findings == [present(ToyOntology.arachnodactyly)])
        let warning = try #require(normalized.warnings.first)
        #expect(warning.contains("HP:0005555"))
        #expect(warning.contains("HP:0001166"))
    }

    @Test func replacesAnObsoleteID() throws {
        let normalized = normalize([absent(ToyOntology.obsoleteReplaced)])
        #expect(normalized.findings == [absent(ToyOntology.seizure)])
        let warning = try #require(normalized.warnings.first)
        #expect(warning.contains("HP:0001000 is obsolete"))
        #expect(warning.contains("HP:0001250"))
    }

    @Test func skipsObsoleteIDsWithoutReplacementAndUnknownIDs() {
        let normalized = normalize([
            present(ToyOntology.obsoleteWithoutReplacement), present(ToyOntology.unknown),
            present(ToyOntology.scoliosis),
        ])
        #expect(normalized.findings == [present(ToyOntology.scoliosis)])
        #expect(normalized.warnings.count == 2)
        #expect(normalized.warnings.first?.contains("HP:0002000") == true)
        #expect(normalized.warnings.first?.contains("consider HP:0002650") == true)
        #expect(normalized.warnings.last == "HP:9999999 is not a term of HPO hp/releases/toy; finding skipped")
    }

    @Test func mergesDuplicatesIncludingOnesMadeByResolution() {
        let normalized = normalize([
            present(ToyOntology.arachnodactyly), present(ToyOntology.arachnodactylyAlternate),
            present(ToyOntology.arachnodactyly),
        ])
        #expect(normalized.findings == [present(ToyOntology.arachnodactyly)])
        #expect(normalized.warnings.filter { $0.contains("more than once") }.count == 1)
    }

    @Test func keepsATermStatedBothWaysAsPresent() {
        let normalized = normalize([absent(ToyOntology.scoliosis), present(ToyOntology.scoliosis)])
        #expect(normalized.findings == [present(ToyOntology.scoliosis)])
        #expect(
            normalized.warnings == [
                "HP:0002650 (Scoliosis) is stated both present and absent; kept as present"
            ])
    }

    @Test func dropsAnAbsentAncestorOfAPresentTerm() throws {
        let normalized = normalize([
            absent(ToyOntology.skeletal), present(ToyOntology.arachnodactyly), absent(ToyOntology.ectopiaLentis),
        ])
        #expect(normalized.findings == [present(ToyOntology.arachnodactyly), absent(ToyOntology.ectopiaLentis)])
        let warning = try #require(normalized.warnings.first)
        #expect(warning.contains("HP:0000924"))
        #expect(warning.contains("HP:0001166"))
    }

    @Test func keepsAnAbsentDescendantOfAPresentTerm() {
        let findings = [present(ToyOntology.seizure), absent(ToyOntology.febrileSeizure)]
        let normalized = normalize(findings)
        #expect(normalized.findings == findings)
        #expect(normalized.warnings.isEmpty)
    }

    @Test func keepsTheReadersWarningsAndOtherFields() {
        let original = PatientCase(
            id: "p", findings: [present(ToyOntology.unknown)], age: "P3Y", sex: .male, truth: "OMIM:1",
            warnings: ["from the reader"])
        let normalized = normalizer.normalize(original)
        #expect(normalized.warnings.first == "from the reader")
        #expect(normalized.warnings.count == 2)
        #expect(normalized.age == "P3Y")
        #expect(normalized.truth == "OMIM:1")
        #expect(normalized.findings.isEmpty)
    }

    @Test func impliedPresentAddsEveryAncestor() {
        let implied = normalizer.impliedPresent(
            PatientCase(id: "t", findings: [present(ToyOntology.arachnodactyly), absent(ToyOntology.seizure)]))
        #expect(
            implied == [
                ToyOntology.arachnodactyly, ToyOntology.skeletalMorphology, ToyOntology.skeletal,
                Ontology.phenotypicAbnormality, Ontology.root,
            ])
    }

    @Test func impliedAbsentAddsEveryDescendant() {
        let implied = normalizer.impliedAbsent(
            PatientCase(id: "t", findings: [absent(ToyOntology.nervousSystem), present(ToyOntology.scoliosis)]))
        #expect(implied == [ToyOntology.nervousSystem, ToyOntology.seizure, ToyOntology.febrileSeizure])
    }
}

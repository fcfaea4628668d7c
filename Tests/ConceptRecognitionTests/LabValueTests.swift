import Ontology
import Testing

@testable import ConceptRecognition

@Suite struct LabValueTests {
    func readings(_ text: String) -> [LabValueReader.Reading] {
        LabValueReader().readings(in: text[...], offset: 0)
    }

    @Test func mapsOutOfRangeValuesToAbnormalityTerms() {
        let found = readings("Hemoglobin 8.1 g/dL, platelets 40 ×10⁹/L and sodium of 150 mmol/L.")
        #expect(found.compactMap(\.mention?.id.rawValue) == [1903, 1873, 3228])
        #expect(found.first?.mention?.matchedText == "Hemoglobin 8.1 g/dL")
        #expect(found.first?.mention?.start == 0 && found.first?.mention?.end == 19)
    }

    @Test func convertsUnits() {
        #expect(readings("hemoglobin 75 g/L").first?.mention?.id == TermID(1903))
        #expect(readings("hemoglobin 130 g/L").first?.mention == nil, "13 g/dL is normal")
        #expect(readings("glucose 45 mg/dL").first?.mention?.id == TermID(1943))
        #expect(readings("platelets 40000/uL").first?.mention?.id == TermID(1873))
        #expect(readings("creatinine 200 µmol/L").first?.mention?.id == TermID(3259))
    }

    @Test func leavesNormalValuesAlone() {
        #expect(readings("potassium 4.0 mmol/L").allSatisfy { $0.mention == nil && $0.warning == nil })
    }

    @Test func warnsAboutMissingOrUnknownUnitsInsteadOfGuessing() {
        let missing = readings("ALT 300 and AST 20")
        #expect(missing.allSatisfy { $0.mention == nil })
        #expect(missing.first?.warning?.contains("no unit") == true)
        let unknown = readings("ferritin 900 mg/furlong")
        #expect(unknown.first?.mention == nil)
        #expect(unknown.first?.warning?.contains("unit \"mg/furlong\"") == true)
    }

    @Test func readsNoValueInNamesThatContainANumber() {
        #expect(readings("deficiency of glucose 6-phosphatase").isEmpty)
        #expect(readings("hemoglobin 2,3-diphosphoglycerate was measured").isEmpty)
        #expect(readings("hemoglobin 8.1 g/dL").first?.mention?.id == TermID(1903))
    }

    @Test func coversAtLeastTwentyFiveTests() {
        #expect(LabCatalogue.tests.count >= 25)
        #expect(LabCatalogue.tests.allSatisfy { $0.lowTerm != nil || $0.highTerm != nil })
    }

    @Test func countsOffsetsInUnicodeScalarsAfterOtherText() {
        let text = "Café ☕️ note: CK 5000 U/L"
        let mention = readings(text).first?.mention
        #expect(mention?.id == TermID(3236))
        #expect(mention?.start == Array(text.unicodeScalars).count - "CK 5000 U/L".count)
    }
}

@Suite struct LabValuesInTextTests {
    @Test func recognizerReportsLabFindingsAndWarnings() {
        let ontology = Ontology(
            release: "toy",
            terms: [
                Term(id: TermID(1), name: "All"),
                Term(id: TermID(118), name: "Phenotypic abnormality", parents: [TermID(1)]),
                Term(id: TermID(1903), name: "Anemia", parents: [TermID(118)]),
                Term(id: TermID(1873), name: "Thrombocytopenia", parents: [TermID(118)]),
            ])
        let analysis = ConceptRecognizer(ontology: ontology).analyse(
            "Café. Labs: hemoglobin was 8.1 g/dL; platelets 40 x10^9/L, ALT 300. Hb 7 g/dL.")
        #expect(analysis.mentions.map(\.id.rawValue) == [1903, 1873, 1903])
        #expect(analysis.mentions.first?.start == 12)
        #expect(analysis.mentions.first?.source == .labValue)
        #expect(analysis.warnings.count == 1, "ALT without a unit")
    }
}

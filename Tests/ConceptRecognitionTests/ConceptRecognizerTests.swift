import Clinical
import Ontology
import Testing

@testable import ConceptRecognition

@Suite struct ConceptRecognizerTests {
    let recognizer = ToyDictionary.recognizer

    @Test func findsLabelsAndSynonymsInAnyWordOrderAndInflection() {
        #expect(ToyDictionary.ids("She has kidney abnormalities.") == [77])
        #expect(ToyDictionary.ids("Fits since infancy") == [1250])
        #expect(ToyDictionary.ids("hypoplastic nails") == [1792])
        #expect(ToyDictionary.ids("mental retardation and scoliosis") == [1249, 2650])
    }

    @Test(
        arguments: [
            ("Abnormal rib morphology", ["Abnormal rib", "rib malformation"]),
            ("Localized skin lesion", ["skin lesion"]),
            ("Increased circulating IgG concentration", ["Increased IgG"]), ("Seizure", []),
            ("Generalized hypotonia", []),
        ] as [(String, [String])])
    func shortensLabelsAsTextsWriteThem(_ label: String, _ shorter: [String]) {
        #expect(ConceptDictionary.shortenedLabels(label) == shorter)
    }

    @Test func readsAOneWordLaypersonSynonymOnlyAsWritten() {
        #expect(ToyDictionary.ids("Fits since infancy") == [1250])
        #expect(ToyDictionary.ids("He was fit and well").isEmpty, "the stem of Fits, not the synonym")
    }

    @Test func readsOneWordGerundAndIsmTermsOnlyAsWritten() {
        let ontology = Ontology(
            release: "toy",
            terms: [
                Term(id: TermID(1), name: "All"),
                Term(id: TermID(118), name: "Phenotypic abnormality", parents: [TermID(1)]),
                Term(id: TermID(5_200_134), name: "Jumping", parents: [TermID(118)]),
                Term(id: TermID(410_291), name: "Negativism", parents: [TermID(118)]),
            ])
        let recognizer = ConceptRecognizer(ontology: ontology)
        let ids = { (text: String) in recognizer.analyse(text).mentions.map(\.id.rawValue) }
        #expect(ids("constant jumping and negativism") == [5_200_134, 410_291])
        #expect(ids("unable to jump; tests were negative").isEmpty)
    }

    @Test func readsALocalizedLabelWithoutItsQualifier() {
        #expect(ToyDictionary.ids("skin lesions") == [11355])
        #expect(ToyDictionary.ids("a localized skin lesion") == [11355])
    }

    @Test func prefersTheLongestMatchAndNeverAParentWithItsChild() {
        #expect(ToyDictionary.ids("focal-onset seizures were frequent") == [7359])
        #expect(ToyDictionary.ids("focal onset seizures") == [7359])
    }

    @Test func readsHyphenatedPrefixesAsOneWord() {
        #expect(ToyDictionary.ids("hypo-plastic nails") == [1792])
        #expect(ToyDictionary.ids("nail hypo - plasia") == [], "only a hyphen without spaces joins")
    }

    @Test func ignoresTermsOutsideThePhenotypicAbnormalityBranch() {
        #expect(ToyDictionary.ids("autosomal recessive inheritance").isEmpty)
    }

    @Test func recordsSpanMatchedTextAndSynonym() throws {
        let text = "A girl with Nail Hypoplasia."
        let mention = try #require(recognizer.analyse(text).mentions.first)
        #expect(mention.start == 12 && mention.end == 27)
        #expect(mention.matchedText == "Nail Hypoplasia")
        #expect(mention.synonym == "Nail hypoplasia")
        #expect(mention.source == .exactSynonym)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == "Nail Hypoplasia")
    }

    @Test func sharesAHeadBetweenCoordinatedModifiers() {
        let ids = Set(ToyDictionary.ids("hypoplastic or aplastic nails"))
        #expect(ids == [1792, 8386])
        let mention = recognizer.analyse("hypoplastic or aplastic nails").mentions.first { $0.id == TermID(1792) }
        #expect(mention?.matchedText == "hypoplastic … nails")
    }

    @Test func resolvesAcronymsFromTheDictionaryAndFromDefinitions() {
        #expect(ToyDictionary.ids("Echo showed a VSD.") == [1629])
        #expect(ToyDictionary.ids("He has MR.") == [1249])
        #expect(ToyDictionary.ids("MR spectroscopy showed a peak").isEmpty, "MR names the test here")
        #expect(ToyDictionary.ids("a vsd") == [], "acronyms match only as written")
        let defined = ToyDictionary.ids("intellectual disability (ID) was severe; ID was noted early")
        #expect(defined == [1249, 1249])
        #expect(ToyDictionary.ids("Marfan syndrome (VSD) and VSD").isEmpty, "defined as something else")
    }

    @Test func returnsNothingForTextWithoutConcepts() {
        #expect(recognizer.analyse("").mentions.isEmpty)
        #expect(recognizer.analyse("the of and with was").mentions.isEmpty)
        #expect(recognizer.analyse("\u{0}\u{1}\u{FFFD}\u{FFFD}").mentions.isEmpty)
        #expect(ToyDictionary.ids("Пациент с fits и 発作") == [1250])
    }

    @Test func readsLongTextsInPassagesWithCorrectOffsets() throws {
        let filler = String(repeating: "Nothing to report here today.\n", count: 3000)
        let text = filler + "Scoliosis."
        let mention = try #require(recognizer.analyse(text).mentions.first)
        #expect(mention.id == TermID(2650))
        #expect(mention.start == filler.unicodeScalars.count)
    }
}

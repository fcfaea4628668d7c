import Ontology
import Testing

@testable import ConceptRecognition

@Suite struct ContextTests {
    func context(_ text: String, of id: Int32) -> MentionContext? {
        ToyDictionary.recognizer.analyse(text).mentions.first { $0.id == TermID(id) }?.context
    }

    @Test(arguments: [
        "No seizures.", "He denies seizures.", "without seizures or cataract", "Seizures were absent.",
        "negative for fits", "There was no evidence of seizures, cataract or scoliosis.", "absence of seizures",
    ])
    func negates(_ text: String) {
        #expect(context(text, of: 1250)?.isNegated == true)
    }

    @Test func negationScopeEndsAtButAndAtSentenceEnds() {
        #expect(context("No cataract but seizures.", of: 1250)?.isNegated == false)
        #expect(context("No cataract. Seizures since birth.", of: 1250)?.isNegated == false)
        #expect(context("No cataract; seizures since birth.", of: 1250)?.isNegated == false)
        #expect(context("No cataract but seizures.", of: 518)?.negation == "no")
    }

    @Test func aPostCueThatModifiesTheNextWordDoesNotNegateWhatPrecedes() {
        #expect(context("scoliosis, as well as absent/dysplastic nails", of: 2650)?.isNegated == false)
        #expect(context("scoliosis and absent thumbs", of: 2650)?.isNegated == false)
        #expect(context("Scoliosis absent.", of: 2650)?.isNegated == true)
    }

    @Test func absentBeforeAWordNamesAFindingAndNegatesNothingAfterIt() {
        #expect(context("absent speech, fits and scoliosis", of: 1250)?.isNegated == false)
        #expect(context("absent thumbs, gaping mouth with scoliosis", of: 2650)?.isNegated == false)
        #expect(context("Fits were absent.", of: 1250)?.negation == "were absent")
    }

    @Test func attributesFindingsToRelatives() {
        #expect(context("Her brother had cataracts.", of: 518)?.relative == "brother")
        #expect(context("There is a family history of seizures.", of: 1250)?.relative == "family")
        #expect(context("Scoliosis was also seen in her mother.", of: 2650)?.relative == "mother")
        #expect(context("She was born to healthy parents and has scoliosis.", of: 2650)?.relative == nil)
        #expect(context("Her mother is healthy. She has scoliosis.", of: 2650)?.relative == nil)
    }

    @Test func marksUncertainAndHistoricalFindings() {
        #expect(context("possible seizures", of: 1250)?.uncertainty == "possible")
        #expect(context("rule out VSD", of: 1629)?.uncertainty == "rule out")
        #expect(context("history of seizures", of: 1250)?.historical == "history of")
        #expect(context("history of seizures", of: 1250)?.isNegated == false)
    }

    @Test func aCueInsideTheMatchDoesNotNegateIt() {
        #expect(context("aplasia of the nails", of: 8386)?.isNegated == false)
    }
}

@Suite struct DemographicsTests {
    func analysis(_ text: String) -> TextAnalysis { ToyDictionary.recognizer.analyse(text) }

    @Test(arguments: [
        ("A 34-year-old woman with fits.", "P34Y"), ("a 3 months old infant", "P3M"),
        ("The boy, aged 12 years, ...", "P12Y"), ("A newborn girl", "P0D"), ("a man in his fifties", "P50Y"),
        ("a two-year-old boy", "P2Y"), ("a 2.5-year-old", "P30M"), ("10-day-old", "P10D"),
    ])
    func readsAge(_ example: (String, String)) {
        #expect(analysis(example.0).age == example.1)
    }

    @Test func readsSexOnlyWhenStated() {
        #expect(analysis("A 34-year-old woman with fits.").sex == .female)
        #expect(analysis("The boy has scoliosis; his mother is well.").sex == .male)
        #expect(analysis("He has scoliosis and his gait is slow.").sex == .male)
        #expect(analysis("Scoliosis and fits.").sex == .unknown)
        #expect(analysis("MEN syndrome").sex == .unknown)
        #expect(analysis("Scoliosis.").age == nil)
    }
}

@Suite struct ConceptScoringTests {
    @Test func countsMentionsDocumentsAndNegation() {
        let predicted = [
            ConceptMention(
                id: TermID(1250), start: 0, end: 8, matchedText: "seizures", synonym: "Seizure", source: .label),
            ConceptMention(
                id: TermID(518), start: 20, end: 28, matchedText: "cataract", synonym: "Cataract", source: .label,
                context: MentionContext(negation: "no")),
            ConceptMention(id: TermID(2650), start: 40, end: 49, matchedText: "scoliosis", synonym: "", source: .label),
        ]
        let gold = [
            GoldMention(start: 0, end: 8, id: TermID(1250), negated: false),
            GoldMention(start: 18, end: 28, id: TermID(518), negated: false),
            GoldMention(start: 60, end: 70, id: TermID(1249), negated: false),
        ]
        let score = DocumentScore(predicted: predicted, gold: gold)
        #expect(score.mentions == ScoreCounts(truePositives: 2, falsePositives: 1, falseNegatives: 1))
        #expect(score.documents == ScoreCounts(truePositives: 2, falsePositives: 1, falseNegatives: 1))
        #expect(score.negationPairs == 2 && score.negationAgreements == 1)
        #expect(abs(score.mentions.f1 - 2.0 / 3.0) < 1e-9)
        #expect(score.missed == [TermID(1249)] && score.spurious == [TermID(2650)])
    }
}

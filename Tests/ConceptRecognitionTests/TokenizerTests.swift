import Testing

@testable import ConceptRecognition

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    @Test func splitsWordsAtPunctuationAndHyphens() {
        let tokens = tokenizer.tokens(of: "X-linked, (severe) hypotonia.")
        #expect(tokens.map(\.text) == ["X", "-", "linked", ",", "(", "severe", ")", "hypotonia", "."])
        #expect(tokens.filter { $0.kind == .word }.count == 4)
    }

    @Test func keepsDecimalsWhole() {
        let tokens = tokenizer.tokens(of: "hemoglobin 8.1 g/dL")
        #expect(tokens.map(\.text) == ["hemoglobin", "8.1", "g", "/", "dL"])
        #expect(tokens[1].kind == .number)
    }

    @Test func countsOffsetsInUnicodeScalars() {
        let text = "Sjögren’s café: ataxia"
        let tokens = tokenizer.tokens(of: text[...])
        let ataxia = tokens.first { $0.text == "ataxia" }
        #expect(ataxia?.start == 16)
        #expect(ataxia?.end == 22)
        #expect(tokens.first?.text == "Sjögren")
    }

    @Test func readsOtherScriptsAndCombiningMarks() {
        let tokens = tokenizer.tokens(of: "発作 e\u{301}pilepsie")
        #expect(tokens.map(\.text) == ["発作", "e\u{301}pilepsie"])
    }

    @Test func marksBlankLinesAsClauseEnds() {
        let tokens = tokenizer.tokens(of: "ataxia\n\nseizures\nfits")
        #expect(tokens.map(\.text) == ["ataxia", "\n", "seizures", "fits"])
        #expect(tokens[1].endsClause)
    }

    @Test func recognisesAcronyms() {
        let tokens = tokenizer.tokens(of: "VSD and Id or ID")
        #expect(tokens.map(\.isAcronym) == [true, false, false, false, true])
    }
}

@Suite struct WordNormalizerTests {
    let normalizer = WordNormalizer()

    @Test(arguments: [
        ("nails", "nail"), ("hypoplastic", "hypoplasia"), ("scoliotic", "scoliosis"), ("anemic", "anaemia"),
        ("delayed", "delay"), ("abnormalities", "abnormality"), ("anomalies", "abnormality"), ("nevi", "nevus"),
        ("vertebrae", "vertebra"), ("muscular", "muscle"), ("oedema", "edema"), ("tumours", "tumor"),
        ("eyes", "eye"), ("ataxic", "ataxia"),
    ])
    func bringsVariantsTogether(_ pair: (String, String)) {
        #expect(normalizer.normalize(pair.0) == normalizer.normalize(pair.1))
    }

    @Test(arguments: [("mutation", "mutism"), ("man", "mania"), ("mutations", "mutism")])
    func keepsDifferentWordsApart(_ pair: (String, String)) {
        #expect(normalizer.normalize(pair.0) != normalizer.normalize(pair.1))
    }
}

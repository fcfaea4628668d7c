import Evaluation
import Testing

@Suite struct DiseaseNameNormalizerTests {
    private let normalizer = DiseaseNameNormalizer()

    @Test(arguments: [
        ("Gaucher disease, type II", "gaucher disease type 2"),
        ("Neurofibromatosis, type 1", "NF1"),
        ("Neurofibromatosis type I", "neurofibromatosis-1"),
        ("Mucopolysaccharidosis, type IIID", "MPS 3D"),
        ("Charcot-Marie-Tooth disease, type 1A", "CMT1A"),
        ("Ehlers-Danlos syndrome, classic type", "classic EDS"),
        ("Crohn's disease", "CROHN DISEASE"),
        ("Spinocerebellar ataxia 3", "ataxia, spinocerebellar, 3"),
        ("Sjögren-Larsson syndrome", "sjogren larsson syndrome"),
        ("Thrombocytopenia 1", "Thrombocytopenia I"),
    ])
    func spellingsOfOneNameShareAKey(_ name: String, _ variant: String) {
        #expect(normalizer.key(name) == normalizer.key(variant))
    }

    @Test func differentNamesKeepDifferentKeys() {
        #expect(normalizer.key("Gaucher disease, type II") != normalizer.key("Gaucher disease, type III"))
        #expect(normalizer.key("X-linked ichthyosis") == "ichthyosis linked x")
        #expect(normalizer.key("Fragile X syndrome") == "fragile syndrome x")
        #expect(normalizer.key("Fragile X") == "fragile x")
        #expect(normalizer.key("Vitamin D-dependent rickets") == "d dependent rickets vitamin")
    }

    @Test func theLiteralKeyIgnoresOnlyCasePunctuationAndSpacing() {
        #expect(normalizer.literalKey("Neurofibromatosis, type 1") == "neurofibromatosis type 1")
        #expect(normalizer.literalKey("Neurofibromatosis, type I") != normalizer.literalKey("Neurofibromatosis type 1"))
    }
}

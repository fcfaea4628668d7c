import ConceptRecognition
import Ontology

/// A hand-written miniature ontology with the phrases the recognizer tests need.
enum ToyDictionary {
    static func term(
        _ number: Int32, _ name: String, parent: Int32, synonyms: [Synonym] = []
    ) -> Term {
        Term(id: TermID(number), name: name, synonyms: synonyms, parents: [TermID(parent)])
    }

    static let ontology = Ontology(
        release: "toy",
        terms: [
            Term(id: TermID(1), name: "All"),
            term(118, "Phenotypic abnormality", parent: 1),
            term(707, "Abnormality of the nervous system", parent: 118),
            term(
                1250, "Seizure", parent: 707,
                synonyms: [Synonym(text: "Fits", scope: .exact, type: "layperson")]),
            term(7359, "Focal-onset seizure", parent: 1250),
            term(
                1249, "Intellectual disability", parent: 707,
                synonyms: [Synonym(text: "Mental retardation", scope: .exact)]),
            term(77, "Abnormality of the kidney", parent: 118),
            term(478, "Abnormality of the eye", parent: 118),
            term(518, "Cataract", parent: 478),
            term(1626, "Abnormality of the cardiovascular system", parent: 118),
            term(
                1629, "Ventricular septal defect", parent: 1626,
                synonyms: [Synonym(text: "VSD", scope: .exact, type: "abbreviation")]),
            term(1631, "Atrial septal defect", parent: 1626),
            term(1597, "Abnormality of the nail", parent: 118),
            term(8386, "Aplasia of the nails", parent: 1597),
            term(1792, "Small nail", parent: 1597, synonyms: [Synonym(text: "Nail hypoplasia", scope: .exact)]),
            term(2650, "Scoliosis", parent: 118),
            term(11355, "Localized skin lesion", parent: 118),
            term(1508, "Failure to thrive", parent: 118),
            term(5, "Mode of inheritance", parent: 1),
            term(7, "Autosomal recessive inheritance", parent: 5),
        ])

    static let recognizer = ConceptRecognizer(ontology: ontology)

    /// The ids the recognizer finds in `text`, in text order.
    static func ids(_ text: String) -> [Int32] {
        recognizer.analyse(text).mentions.map(\.id.rawValue)
    }
}

import Ontology

/// A dozen-term HPO stand-in:
///
/// ```
/// HP:0000001 All
/// └─ HP:0000118 Phenotypic abnormality
///    ├─ HP:0000478 Abnormality of the eye ── HP:0001083 Ectopia lentis
///    ├─ HP:0000707 Abnormality of the nervous system
///    │  └─ HP:0001250 Seizure ── HP:0002373 Febrile seizure
///    └─ HP:0000924 Abnormality of the skeletal system
///       └─ HP:0011842 Abnormal skeletal morphology
///          ├─ HP:0001166 Arachnodactyly (alt_id HP:0005555)
///          └─ HP:0002650 Scoliosis
/// HP:0001000 obsolete, replaced_by HP:0001250
/// HP:0002000 obsolete, consider HP:0002650
/// ```
enum ToyOntology {
    static let arachnodactyly = TermID(1166)
    static let arachnodactylyAlternate = TermID(5555)
    static let skeletalMorphology = TermID(11842)
    static let skeletal = TermID(924)
    static let scoliosis = TermID(2650)
    static let seizure = TermID(1250)
    static let febrileSeizure = TermID(2373)
    static let nervousSystem = TermID(707)
    static let ectopiaLentis = TermID(1083)
    static let eye = TermID(478)
    static let obsoleteReplaced = TermID(1000)
    static let obsoleteWithoutReplacement = TermID(2000)
    static let unknown = TermID(9_999_999)

    static let ontology = Ontology(
        release: "hp/releases/toy",
        terms: [
            Term(id: Ontology.root, name: "All"),
            Term(id: Ontology.phenotypicAbnormality, name: "Phenotypic abnormality", parents: [Ontology.root]),
            Term(id: eye, name: "Abnormality of the eye", parents: [Ontology.phenotypicAbnormality]),
            Term(id: ectopiaLentis, name: "Ectopia lentis", parents: [eye]),
            Term(
                id: nervousSystem, name: "Abnormality of the nervous system", parents: [Ontology.phenotypicAbnormality]),
            Term(id: seizure, name: "Seizure", parents: [nervousSystem]),
            Term(id: febrileSeizure, name: "Febrile seizure", parents: [seizure]),
            Term(id: skeletal, name: "Abnormality of the skeletal system", parents: [Ontology.phenotypicAbnormality]),
            Term(id: skeletalMorphology, name: "Abnormal skeletal morphology", parents: [skeletal]),
            Term(
                id: arachnodactyly, name: "Arachnodactyly", alternateIDs: [arachnodactylyAlternate],
                parents: [skeletalMorphology]),
            Term(id: scoliosis, name: "Scoliosis", parents: [skeletalMorphology]),
            Term(id: obsoleteReplaced, name: "obsolete Fits", isObsolete: true, replacedBy: seizure),
            Term(
                id: obsoleteWithoutReplacement, name: "obsolete Curved spine", isObsolete: true,
                consider: [scoliosis]),
        ])
}

import Knowledge
import Ontology

/// A hand-written miniature HPO release — a dozen terms and four diseases — small enough to
/// reason about by hand, shaped like the real files (same tags, same columns).
public enum ToyRelease {
    public static let obo = """
        format-version: 1.2
        data-version: hp/releases/toy
        synonymtypedef: layperson "layperson term"

        [Term]
        id: HP:0000001
        name: All

        [Term]
        id: HP:0000118
        name: Phenotypic abnormality
        is_a: HP:0000001 ! All

        [Term]
        id: HP:0000707
        name: Abnormality of the nervous system
        is_a: HP:0000118 ! Phenotypic abnormality

        [Term]
        id: HP:0001250
        name: Seizure
        def: "A seizure is an intermittent abnormality of nervous system physiology." [https://orcid.org/0000]
        synonym: "Fits" EXACT layperson []
        synonym: "Epileptic seizure" EXACT []
        is_a: HP:0000707 ! Abnormality of the nervous system

        [Term]
        id: HP:0007359
        name: Focal-onset seizure
        is_a: HP:0001250 ! Seizure

        [Term]
        id: HP:0001249
        name: Intellectual disability
        alt_id: HP:0009999
        is_a: HP:0000707 ! Abnormality of the nervous system

        [Term]
        id: HP:0000478
        name: Abnormality of the eye
        is_a: HP:0000118 ! Phenotypic abnormality

        [Term]
        id: HP:0000518
        name: Cataract
        synonym: "Clouding of the lens" RELATED layperson [PMID:1]
        is_a: HP:0000478 ! Abnormality of the eye

        [Term]
        id: HP:0000505
        name: Visual impairment
        is_a: HP:0000478 ! Abnormality of the eye

        [Term]
        id: HP:0001626
        name: Abnormality of the cardiovascular system
        is_a: HP:0000118 ! Phenotypic abnormality

        [Term]
        id: HP:0001631
        name: Atrial septal defect
        is_a: HP:0001626 ! Abnormality of the cardiovascular system

        [Term]
        id: HP:0001629
        name: Ventricular septal defect
        is_a: HP:0001626 ! Abnormality of the cardiovascular system

        [Term]
        id: HP:0000005
        name: Mode of inheritance
        is_a: HP:0000001 ! All

        [Term]
        id: HP:0000007
        name: Autosomal recessive inheritance
        is_a: HP:0000005 ! Mode of inheritance

        [Term]
        id: HP:0000100
        name: obsolete Nephrosis
        is_obsolete: true
        replaced_by: HP:0001631

        [Term]
        id: HP:0000200
        name: obsolete Short philtrum
        is_obsolete: true
        consider: HP:0000518

        [Typedef]
        id: part_of
        name: part of
        """

    public static let hpoa = """
        #description: "toy annotations"
        #version: toy-1
        database_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\tfrequency\tsex\tmodifier\taspect\tbiocuration
        OMIM:100001\tFocal epilepsy A\t\tHP:0007359\tPMID:111\tPCS\t\tHP:0040281\t\t\tP\tHPO:toy
        OMIM:100001\tFocal epilepsy A\t\tHP:0001249\tPMID:111\tPCS\t\t1/4\t\t\tP\tHPO:toy
        OMIM:100001\tFocal epilepsy A\t\tHP:0000007\tPMID:111\tPCS\t\t\t\t\tI\tHPO:toy
        OMIM:100002\tCataract-heart syndrome\t\tHP:0000518\tPMID:222;OMIM:100002\tPCS\t\t90%\t\t\tP\tHPO:toy
        OMIM:100002\tCataract-heart syndrome\t\tHP:0001631\tOMIM:100002\tTAS\t\t\t\t\tP\tHPO:toy
        OMIM:100002\tCataract-heart syndrome\tNOT\tHP:0001250\tOMIM:100002\tTAS\t\t\t\t\tP\tHPO:toy
        OMIM:100003\tSeptal defects\t\tHP:0001631\tPMID:333\tPCS\t\t5/5\t\t\tP\tHPO:toy
        OMIM:100003\tSeptal defects\t\tHP:0001629\tPMID:333\tPCS\t\t1/5\t\t\tP\tHPO:toy
        ORPHA:4000\tBlindness with seizures\t\tHP:0000505\tORPHA:4000\tTAS\t\tHP:0040280\t\t\tP\tORPHA:orphadata
        ORPHA:4000\tBlindness with seizures\t\tHP:0001250\tORPHA:4000\tTAS\t\tHP:0040283\t\t\tP\tORPHA:orphadata
        """

    /// The toy ontology, parsed by the real parser.
    public static func ontology() throws -> Ontology {
        try OBOParser().parse(obo, file: "toy.obo")
    }

    /// The toy knowledge base, as a store would load it.
    public static func knowledgeBase() throws -> KnowledgeBase {
        let ontology = try ontology()
        let hpoa = try HPOAParser().parse(hpoa, file: "toy.hpoa")
        let info = KnowledgeBaseInfo(hpoRelease: ontology.release, annotationVersion: hpoa.version, checksums: [:])
        return KnowledgeBase(info: info, ontology: ontology, diseases: hpoa.diseases, annotations: hpoa.annotations)
    }
}

/// What the exact candidate stage reads for one case: how many posting entries it walks, and
/// how many a walk that shared work between terms could save (`ddx bench postings`).
///
/// The stage walks, for every present and absent term (absent ones count as pertinent
/// negatives), the posting list of each of its ancestors of at least `minimumInformation`,
/// because each term's value per disease is the best over its own ancestors. Ancestors below
/// `generalCut` are the general ones ("Abnormality of the nervous system"), whose long lists
/// most terms share.
public struct PostingWalk: Sendable, Equatable {
    /// Posting entries walked: each term through each of its informative ancestors.
    public var entries = 0
    /// Of ``entries``, those walked through general ancestors.
    public var generalEntries = 0
    /// Distinct informative ancestors of the case's terms.
    public var distinctAncestors = 0
    /// The entries of their lists, each walked once: a floor for any walk that reads every list.
    public var distinctEntries = 0
    /// Distinct (non-empty) sets of general ancestors among the terms.
    public var generalSets = 0
    /// Entries walked when terms with the same set of general ancestors share that part.
    public var sharedGeneralEntries = 0
    /// Dense rows read instead of the general entries when each general term has a row of
    /// best values through it and its general ancestors (``GeneralRows``): the rows of each
    /// distinct frontier (a term's lowest general ancestors) among the terms, read once.
    public var generalRows = 0

    /// The exact stage's own cut between general and specific ancestors.
    public static let defaultGeneralCut = PostingScorer.generalCut

    /// How many terms are general (each gets a dense row in the exact stage).
    public static func generalTermCount(
        index: PhenotypeIndex, minimumInformation: Float = 1, generalCut: Float = defaultGeneralCut
    ) -> Int {
        index.informationContent.values.count {
            GeneralRows.isGeneral($0, floor: minimumInformation, cut: generalCut)
        }
    }

    public init(
        query: CaseQuery, index: PhenotypeIndex, minimumInformation: Float = 1,
        generalCut: Float = defaultGeneralCut
    ) {
        let information = index.informationContent.values
        var distinct = Set<Int32>()
        var sets = Set<[Int32]>()
        var frontiers = Set<[Int32]>()
        var specificEntries = 0
        for term in query.present + query.absent {
            var general: [Int32] = []
            let ancestors = index.ontology.ancestorIndices[Int(term)]
            for ancestor in ancestors where information[Int(ancestor)] >= minimumInformation {
                let count = index.postingDiseases[Int(ancestor)].count
                entries += count
                if GeneralRows.isGeneral(information[Int(ancestor)], floor: minimumInformation, cut: generalCut) {
                    generalEntries += count
                    general.append(ancestor)
                } else {
                    specificEntries += count
                }
                distinct.insert(ancestor)
            }
            if !general.isEmpty { sets.insert(general.sorted()) }
            frontiers.insert(
                GeneralRows.frontier(of: general, information: information) {
                    GeneralRows.generalAncestors(of: $0, in: index, floor: minimumInformation, cut: generalCut)
                })
        }
        distinctAncestors = distinct.count
        distinctEntries = distinct.reduce(0) { $0 + index.postingDiseases[Int($1)].count }
        generalSets = sets.count
        generalRows = frontiers.reduce(0) { $0 + $1.count }
        sharedGeneralEntries = specificEntries + sets.joined().reduce(0) { $0 + index.postingDiseases[Int($1)].count }
    }
}

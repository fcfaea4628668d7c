import Ontology

/// Precision, recall and F1 from counts, micro-averaged over documents.
public struct ScoreCounts: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    public var precision: Double {
        truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    public static func += (lhs: inout ScoreCounts, rhs: ScoreCounts) {
        lhs.truePositives += rhs.truePositives
        lhs.falsePositives += rhs.falsePositives
        lhs.falseNegatives += rhs.falseNegatives
    }
}

/// A gold concept mention of an annotated corpus.
public struct GoldMention: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var id: TermID
    public var negated: Bool?

    public init(start: Int, end: Int, id: TermID, negated: Bool? = nil) {
        self.start = start
        self.end = end
        self.id = id
        self.negated = negated
    }
}

/// How one document's recognised concepts compare with its gold annotations.
public struct DocumentScore: Sendable, Equatable {
    /// Mentions: a prediction is right when a gold mention of the same term overlaps it
    /// (each gold mention counts once).
    public var mentions = ScoreCounts()
    /// Unique term ids per document.
    public var documents = ScoreCounts()
    /// Matched mention pairs whose gold marks negation, and how many of them agree.
    public var negationPairs = 0
    public var negationAgreements = 0
    /// Gold ids missed and predicted ids not in the gold (for error analysis).
    public var missed: [TermID] = []
    public var spurious: [TermID] = []

    public init() {}

    /// Scores `predicted` against `gold`; both must already use live primary ids.
    public init(predicted: [ConceptMention], gold: [GoldMention]) {
        var goldUsed = [Bool](repeating: false, count: gold.count)
        for mention in predicted {
            let match = gold.indices.first { index in
                !goldUsed[index] && gold[index].id == mention.id && gold[index].start < mention.end
                    && mention.start < gold[index].end
            }
            guard let match else {
                mentions.falsePositives += 1
                continue
            }
            goldUsed[match] = true
            mentions.truePositives += 1
            if let negated = gold[match].negated {
                negationPairs += 1
                if negated == mention.context.isNegated { negationAgreements += 1 }
            }
        }
        mentions.falseNegatives = goldUsed.filter { !$0 }.count
        let predictedIDs = Set(predicted.map(\.id))
        let goldIDs = Set(gold.map(\.id))
        documents.truePositives = predictedIDs.intersection(goldIDs).count
        documents.falsePositives = predictedIDs.subtracting(goldIDs).count
        documents.falseNegatives = goldIDs.subtracting(predictedIDs).count
        missed = goldIDs.subtracting(predictedIDs).sorted()
        spurious = predictedIDs.subtracting(goldIDs).sorted()
    }

    public static func += (lhs: inout DocumentScore, rhs: DocumentScore) {
        lhs.mentions += rhs.mentions
        lhs.documents += rhs.documents
        lhs.negationPairs += rhs.negationPairs
        lhs.negationAgreements += rhs.negationAgreements
        lhs.missed += rhs.missed
        lhs.spurious += rhs.spurious
    }

    /// Share of matched mentions (where gold marks negation) whose negation agrees.
    public var negationAccuracy: Double {
        negationPairs == 0 ? 0 : Double(negationAgreements) / Double(negationPairs)
    }
}

/// The assistance effect for one reader: top-k under a condition minus top-k under the
/// reference condition (`unassisted` when present, else the first condition), over the cases
/// the reader read under both.
public struct AssistanceEffect: Sendable, Equatable {
    /// A reader id, or `all` for every reader's pairs pooled.
    public var readerID: String
    public var reference: String
    public var condition: String
    /// Paired cases.
    public var n: Int
    /// Top-k (k = 1…10) under the reference and under the condition, on the paired cases.
    public var referenceTopK: [Int: Double]
    public var conditionTopK: [Int: Double]

    /// `condition − reference` at k.
    public func delta(_ k: Int) -> Double { (conditionTopK[k] ?? 0) - (referenceTopK[k] ?? 0) }

    /// The reader id used for all readers pooled.
    public static let allReaders = "all"

    static func effects(readerArms: [ArmReport]) -> [AssistanceEffect] {
        guard readerArms.count > 1 else { return [] }
        let reference = readerArms.first { $0.name.lowercased() == "readers:unassisted" } ?? readerArms[0]
        var effects: [AssistanceEffect] = []
        for arm in readerArms where arm.name != reference.name {
            let pairs = paired(reference, arm)
            let readers = Array(Set(pairs.map(\.reader))).sorted()
            for reader in readers + [allReaders] {
                let chosen = reader == allReaders ? pairs : pairs.filter { $0.reader == reader }
                effects.append(
                    AssistanceEffect(
                        readerID: reader, reference: condition(reference), condition: condition(arm), n: chosen.count,
                        referenceTopK: topK(chosen.map(\.reference)), conditionTopK: topK(chosen.map(\.condition))))
            }
        }
        return effects
    }

    private static func condition(_ arm: ArmReport) -> String { String(arm.name.dropFirst("readers:".count)) }

    private static func paired(_ a: ArmReport, _ b: ArmReport) -> [(reader: String, reference: Int?, condition: Int?)] {
        let indexed = Dictionary(
            b.outcomes.map { ("\($0.readerID ?? "")\u{1F}\($0.caseID)", $0) }, uniquingKeysWith: { first, _ in first })
        return a.outcomes.compactMap { outcome in
            indexed["\(outcome.readerID ?? "")\u{1F}\(outcome.caseID)"].map {
                (outcome.readerID ?? "", outcome.rank, $0.rank)
            }
        }
    }

    private static func topK(_ ranks: [Int?]) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for k in ArmSummary.ks {
            result[k] = ranks.isEmpty ? 0 : Double(ranks.filter { ($0 ?? .max) <= k }.count) / Double(ranks.count)
        }
        return result
    }
}

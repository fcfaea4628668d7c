/// The rankers `--model` can name.
public enum ModelName: String, Sendable, CaseIterable {
    /// The frequency-aware likelihood-ratio ranker: the project's best classical ranker.
    case baseline
    /// Plain Resnik query→disease similarity, the published classical yardstick.
    case resnik

    /// What `ddx rank` uses without `--model`.
    public static let `default`: ModelName = .baseline

    /// Builds the ranker over a prepared index; `parameters` tune the baseline.
    public func makeRanker(
        index: PhenotypeIndex, parameters: LikelihoodRanker.Parameters = .init()
    ) -> any Ranker {
        switch self {
        case .baseline: LikelihoodRanker(index: index, parameters: parameters)
        case .resnik: ResnikRanker(index: index)
        }
    }
}

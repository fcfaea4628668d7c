/// Warnings a ranker adds to a differential about what it could not use.
enum RankingWarnings {
    static func forQuery(_ query: CaseQuery) -> [String] {
        var warnings: [String] = []
        if !query.unknown.isEmpty {
            let ids = query.unknown.map(\.description).joined(separator: ", ")
            warnings.append("not in the knowledge base's ontology, ignored for ranking: \(ids)")
        }
        if query.present.isEmpty {
            warnings.append("the case has no observed findings that the knowledge base knows: no differential is given")
        }
        return warnings
    }
}

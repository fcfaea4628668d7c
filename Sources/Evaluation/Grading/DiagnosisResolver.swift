import Knowledge

/// Resolves a reader's answer — a knowledge-base id or a disease name in free text — to the
/// diseases it names, by the name keys of ``DiseaseNameNormalizer``.
public struct DiagnosisResolver: Sendable {
    /// What an answer names.
    public enum Resolution: Sendable, Equatable {
        /// An id the knowledge base has.
        case knownID(String)
        /// Something shaped like an id (`OMIM:…`) that the knowledge base lacks.
        case unknownID(String)
        /// Free text equal to the names of these diseases: `literal` up to case and punctuation,
        /// `normalized` under the full key (numerals, word order, abbreviations).
        case name(literal: [String], normalized: [String])
        /// Free text that names no disease of the knowledge base.
        case unresolved
    }

    public let normalizer: DiseaseNameNormalizer
    private let idsByKey: [String: [String]]
    private let idsByLiteralKey: [String: [String]]
    private let keyByID: [String: String]
    private let literalKeyByID: [String: String]

    public init(diseases: [Disease], normalizer: DiseaseNameNormalizer = DiseaseNameNormalizer()) {
        self.normalizer = normalizer
        var idsByKey: [String: [String]] = [:]
        var idsByLiteralKey: [String: [String]] = [:]
        var keyByID: [String: String] = [:]
        var literalKeyByID: [String: String] = [:]
        for disease in diseases {
            let key = normalizer.key(disease.name)
            let literal = normalizer.literalKey(disease.name)
            idsByKey[key, default: []].append(disease.id)
            idsByLiteralKey[literal, default: []].append(disease.id)
            keyByID[disease.id] = key
            literalKeyByID[disease.id] = literal
        }
        self.idsByKey = idsByKey
        self.idsByLiteralKey = idsByLiteralKey
        self.keyByID = keyByID
        self.literalKeyByID = literalKeyByID
    }

    /// What `answer` names.
    public func resolve(_ answer: String) -> Resolution {
        if let id = Self.canonicalID(answer) {
            return keyByID[id] == nil ? .unknownID(id) : .knownID(id)
        }
        let normalized = idsByKey[normalizer.key(answer)] ?? []
        guard !normalized.isEmpty else { return .unresolved }
        return .name(literal: idsByLiteralKey[normalizer.literalKey(answer)] ?? [], normalized: normalized)
    }

    /// The ids of the knowledge base that name the same disease as `id` (same normalised name),
    /// `id` included; just `id` when the knowledge base lacks it.
    public func equivalents(of id: String) -> Set<String> {
        guard let key = keyByID[id] else { return [id] }
        return Set(idsByKey[key] ?? [id])
    }

    /// The key under which an answer is adjudicated: the canonical id, or the full name key.
    public func answerKey(_ answer: String) -> String {
        Self.canonicalID(answer) ?? normalizer.key(answer)
    }

    /// The best-matching disease names for an unresolved answer, for an adjudicator to consider:
    /// diseases sharing the most words with it.
    public func suggestions(for answer: String, diseases: [Disease], limit: Int = 1) -> [Disease] {
        let words = Set(normalizer.key(answer).split(separator: " "))
        guard !words.isEmpty else { return [] }
        let scored = diseases.compactMap { disease -> (Disease, Double)? in
            guard let key = keyByID[disease.id] else { return nil }
            let other = Set(key.split(separator: " "))
            let shared = words.intersection(other).count
            guard shared > 0 else { return nil }
            return (disease, Double(shared) / Double(words.union(other).count))
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }.prefix(limit).map(\.0)
    }

    /// `OMIM:154700` for `omim: 154700`, `ORPHA:558` for `Orphanet:558`; nil when the answer is
    /// not shaped like an id.
    public static func canonicalID(_ answer: String) -> String? {
        let trimmed = answer.trimmingCharacters(in: .whitespaces)
        guard let match = trimmed.wholeMatch(of: /(?i)(omim|orpha|orphanet|decipher|mondo)\s*:\s*([A-Za-z0-9._-]+)/)
        else { return nil }
        let prefix = match.1.uppercased()
        return (prefix == "ORPHANET" ? "ORPHA" : prefix) + ":" + match.2
    }
}

import Foundation
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
    /// Per disease (in the order given), the words of its key; and which diseases use each word.
    private let words: [(disease: Disease, words: Set<Substring>)]
    private let diseasesByWord: [Substring: [Int]]

    public init(diseases: [Disease], normalizer: DiseaseNameNormalizer = DiseaseNameNormalizer()) {
        self.normalizer = normalizer
        var idsByKey: [String: [String]] = [:]
        var idsByLiteralKey: [String: [String]] = [:]
        var keyByID: [String: String] = [:]
        var literalKeyByID: [String: String] = [:]
        for disease in diseases {
            let (literal, key) = normalizer.keys(disease.name)
            idsByKey[key, default: []].append(disease.id)
            idsByLiteralKey[literal, default: []].append(disease.id)
            keyByID[disease.id] = key
            literalKeyByID[disease.id] = literal
        }
        self.idsByKey = idsByKey
        self.idsByLiteralKey = idsByLiteralKey
        self.keyByID = keyByID
        self.literalKeyByID = literalKeyByID
        words = diseases.map { ($0, Set((keyByID[$0.id] ?? "").split(separator: " "))) }
        var diseasesByWord: [Substring: [Int]] = [:]
        for (position, entry) in words.enumerated() {
            for word in entry.words { diseasesByWord[word, default: []].append(position) }
        }
        self.diseasesByWord = diseasesByWord
    }

    /// What `answer` names.
    public func resolve(_ answer: String) -> Resolution {
        if let id = Self.canonicalID(answer) {
            return keyByID[id] == nil ? .unknownID(id) : .knownID(id)
        }
        let (literal, key) = normalizer.keys(answer)
        let normalized = idsByKey[key] ?? []
        guard !normalized.isEmpty else { return .unresolved }
        return .name(literal: idsByLiteralKey[literal] ?? [], normalized: normalized)
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

    /// The best-matching diseases for an unresolved answer, for an adjudicator to consider: those
    /// whose name keys share the largest part of their words with the answer's (Jaccard).
    public func suggestions(for answer: String, limit: Int = 1) -> [Disease] {
        let answerWords = Set(normalizer.key(answer).split(separator: " "))
        var shared: [Int: Int] = [:]
        for word in answerWords { for position in diseasesByWord[word] ?? [] { shared[position, default: 0] += 1 } }
        let scored = shared.map { position, count in
            (words[position].disease, Double(count) / Double(answerWords.count + words[position].words.count - count))
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }.prefix(limit).map(\.0)
    }

    /// `OMIM:154700` for `omim: 154700`, `ORPHA:558` for `Orphanet:558`; nil when the answer is
    /// not shaped like an id.
    public static func canonicalID(_ answer: String) -> String? {
        guard let colon = answer.firstIndex(of: ":") else { return nil }
        let prefix = answer[..<colon].trimmingCharacters(in: .whitespaces).uppercased()
        let local = answer[answer.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard idPrefixes.contains(prefix), !local.isEmpty,
            local.unicodeScalars.allSatisfy({
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
            })
        else { return nil }
        return (prefix == "ORPHANET" ? "ORPHA" : prefix) + ":" + local
    }

    private static let idPrefixes: Set<String> = ["OMIM", "ORPHA", "ORPHANET", "DECIPHER", "MONDO"]
}

import Foundation

/// A stretch of text as the matcher sees it: tokens with their lower-case and normalised
/// forms and their dictionary word ids.
struct Passage {
    /// A word the dictionary does not know: no phrase can contain it.
    static let unknown: Int32 = -1
    /// A stop word: skipped inside a phrase.
    static let stop: Int32 = -2
    /// A mark allowed inside a phrase (hyphen, slash, apostrophe; a comma only where the
    /// phrase itself has one or a conjunction).
    static let joiner: Int32 = -3
    /// Anything that ends a phrase (other punctuation).
    static let breaker: Int32 = -4

    let tokens: [Token]
    let lower: [String]
    let wordIDs: [Int32]

    init(tokens: [Token], dictionary: ConceptDictionary, words: inout WordLookup) {
        self.tokens = tokens
        var lower: [String] = []
        var ids: [Int32] = []
        lower.reserveCapacity(tokens.count)
        ids.reserveCapacity(tokens.count)
        for token in tokens {
            let lowered = token.text.lowercased()
            lower.append(lowered)
            switch token.kind {
            case .punctuation:
                let joins =
                    lowered == "-" || lowered == "/" || lowered == "'" || lowered == "’" || lowered == "‐"
                    || lowered == ","
                ids.append(joins ? Self.joiner : Self.breaker)
            case .word, .number:
                ids.append(words.id(of: lowered, in: dictionary))
            }
        }
        Self.joinPrefixes(tokens: tokens, lower: lower, ids: &ids, dictionary: dictionary, words: &words)
        self.lower = lower
        self.wordIDs = ids
    }

    /// `pre-auricular` → the word `preauricular` on the prefix token, the rest skipped, when
    /// the dictionary knows the joined word.
    private static func joinPrefixes(
        tokens: [Token], lower: [String], ids: inout [Int32], dictionary: ConceptDictionary, words: inout WordLookup
    ) {
        var index = 0
        while index + 2 < tokens.count {
            defer { index += 1 }
            guard StopWords.joinablePrefixes.contains(lower[index]), lower[index + 1] == "-",
                tokens[index + 2].kind == .word, tokens[index + 1].start == tokens[index].end,
                tokens[index + 2].start == tokens[index + 1].end
            else { continue }
            let joined = words.id(of: lower[index] + lower[index + 2], in: dictionary)
            guard joined >= 0 else { continue }
            ids[index] = joined
            ids[index + 2] = joiner
        }
    }

    var count: Int { tokens.count }
}

/// Remembers each lower-case word's dictionary id for one text, so the normaliser runs once
/// per distinct word rather than once per token; words seen by earlier texts come from the
/// recognizer's shared ``WordCache``.
struct WordLookup {
    private var ids: [String: Int32] = [:]
    private let shared: WordCache
    private let normalizer = WordNormalizer()

    init(shared: WordCache) {
        self.shared = shared
    }

    mutating func id(of lowered: String, in dictionary: ConceptDictionary) -> Int32 {
        if let known = ids[lowered] { return known }
        let id: Int32
        if let cached = shared.id(of: lowered) {
            id = cached
        } else if StopWords.all.contains(lowered) {
            id = Passage.stop
            shared.store(id, for: lowered)
        } else {
            id = dictionary.vocabulary[normalizer.normalize(lowered)] ?? Passage.unknown
            shared.store(id, for: lowered)
        }
        if ids.count < 200_000 { ids[lowered] = id }
        return id
    }
}

/// Word ids shared by every text one recognizer reads (bounded; thread-safe).
final class WordCache: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: Int32] = [:]
    private let capacity = 500_000

    func id(of word: String) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        return ids[word]
    }

    func store(_ id: Int32, for word: String) {
        lock.lock()
        defer { lock.unlock() }
        if ids.count < capacity { ids[word] = id }
    }
}

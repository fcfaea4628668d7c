/// Finds dictionary phrases in a passage: every window of words that spells a phrase (in any
/// order, stop words skipped), then the longest non-overlapping ones, then phrases shared by
/// coordinated modifiers (`hypoplastic or aplastic nails`, `short fingers and toes`).
struct PhraseMatcher {
    let dictionary: ConceptDictionary
    /// Stop words allowed in a row inside a phrase.
    let maximumStopRun = 2

    /// The selected matches, in text order.
    func matches(in passage: Passage) -> [PhraseMatch] {
        var candidates: [PhraseMatch] = []
        for start in 0..<passage.count where passage.wordIDs[start] >= 0 {
            extend(from: [start], nextToken: start + 1, in: passage, into: &candidates)
        }
        var selected = selectLongest(candidates, count: passage.count)
        selected += coordinated(in: passage, around: selected)
        return selected.sorted { $0.first < $1.first }
    }

    /// Grows a window word by word from the tokens in `prefix`, recording each window that
    /// spells a phrase.
    private func extend(from prefix: [Int], nextToken: Int, in passage: Passage, into candidates: inout [PhraseMatch]) {
        var words = prefix.map { passage.wordIDs[$0] }
        var key = words.reduce(UInt64(0)) { $0 &+ ConceptDictionary.hash($1) }
        var indices = prefix
        if let entry = dictionary.bestEntry(key: key, words: words.sorted()),
            indices.count > 1 || isLiteralEnough(entry, passage.lower[indices[0]])
        {
            candidates.append(PhraseMatch(entry: entry, tokenIndices: indices))
        }
        var position = nextToken
        var stopRun = 0
        var acrossConjunction = false
        while position < passage.count, words.count < dictionary.longestPhrase {
            let id = passage.wordIDs[position]
            position += 1
            if id == Passage.stop || id == Passage.joiner {
                if isCoordinator(passage.lower[position - 1]) { acrossConjunction = true }
                stopRun += 1
                if stopRun > maximumStopRun { return }
                continue
            }
            if id < 0 { return }
            stopRun = 0
            words.append(id)
            indices.append(position - 1)
            key = key &+ ConceptDictionary.hash(id)
            if let entry = dictionary.bestEntry(key: key, words: words.sorted(), acrossConjunction: acrossConjunction) {
                candidates.append(PhraseMatch(entry: entry, tokenIndices: indices))
            }
        }
    }

    /// Longest first (most words, then tightest span, then earliest); no token used twice.
    private func selectLongest(_ candidates: [PhraseMatch], count: Int) -> [PhraseMatch] {
        let ordered = candidates.sorted { a, b in
            if a.tokenIndices.count != b.tokenIndices.count { return a.tokenIndices.count > b.tokenIndices.count }
            let spanA = a.last - a.first
            let spanB = b.last - b.first
            if spanA != spanB { return spanA < spanB }
            return a.first < b.first
        }
        var used = [Bool](repeating: false, count: count)
        var selected: [PhraseMatch] = []
        for match in ordered where !(match.first...match.last).contains(where: { used[$0] }) {
            for index in match.first...match.last { used[index] = true }
            selected.append(match)
        }
        return selected
    }

    /// Phrases whose words are split by a coordination: `A or B nails` gives `A nails`;
    /// `short fingers and toes` gives `short toes`. Only where the shared words' own match
    /// leaves the first modifier unmatched.
    private func coordinated(in passage: Passage, around selected: [PhraseMatch]) -> [PhraseMatch] {
        var covered = [Bool](repeating: false, count: passage.count)
        for match in selected { for index in match.first...match.last { covered[index] = true } }
        var found: [PhraseMatch] = []
        // A (, B)* (and|or) C head…: A with the head that follows the last modifier.
        for start in 0..<passage.count where passage.wordIDs[start] >= 0 && !covered[start] {
            var candidates: [PhraseMatch] = []
            var position = start + 1
            var pairs = 0
            while pairs < 5, position + 1 < passage.count, isCoordinator(passage.lower[position]) {
                if position + 2 < passage.count, passage.lower[position] == ",",
                    isCoordinator(passage.lower[position + 1]), passage.wordIDs[position + 2] >= 0
                {
                    position += 1
                }
                guard passage.wordIDs[position + 1] >= 0 else { break }
                extend(from: [start], nextToken: position + 2, in: passage, into: &candidates)
                position += 2
                pairs += 1
            }
            if let best = candidates.filter({ $0.tokenIndices.count >= 2 }).max(by: {
                $0.tokenIndices.count < $1.tokenIndices.count
            }) {
                found.append(best)
            }
        }
        // modifiers… head1 (and|or) head2: the modifiers with head2.
        for match in selected where match.tokenIndices.count >= 2 {
            let conjunction = match.last + 1
            let head = match.last + 2
            guard head < passage.count, isCoordinator(passage.lower[conjunction]), passage.wordIDs[head] >= 0,
                !covered[head] || selected.contains(where: { $0.first == head && $0.tokenIndices.count == 1 })
            else { continue }
            let prefix = Array(match.tokenIndices.dropLast()) + [head]
            let words = prefix.map { passage.wordIDs[$0] }
            let key = words.reduce(UInt64(0)) { $0 &+ ConceptDictionary.hash($1) }
            if let entry = dictionary.bestEntry(key: key, words: words.sorted()) {
                found.append(PhraseMatch(entry: entry, tokenIndices: prefix))
            }
        }
        return found
    }

    private func isCoordinator(_ word: String) -> Bool { StopWords.coordinators.contains(word) }

    /// Whether a one-word match may stand: entries in ``ConceptDictionary/literalForms`` match
    /// only as written or in the plural.
    private func isLiteralEnough(_ entry: Int32, _ word: String) -> Bool {
        guard let written = dictionary.literalForms[entry] else { return true }
        return word == written || word == written + "s" || word == written + "es"
    }
}

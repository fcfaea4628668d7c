/// Decides, for a mention in a passage, whether the text negates it, says it of a relative,
/// hedges it or puts it in the past (NegEx/ConText style).
///
/// A cue counts only within its scope: the same clause (ended by `.`, `;`, `?`, `!`, a blank
/// line, or words such as `but`, `however`, `which`), and at most ``window`` words away.
struct ContextClassifier {
    /// Words a cue before the mention may reach over.
    let window = 12
    /// Words a cue after the mention may reach over.
    let windowAfter = 4

    func context(of first: Int, _ last: Int, in passage: Passage) -> MentionContext {
        let lower = clauseStart(before: first, in: passage)
        let upper = clauseEnd(after: last, in: passage)
        var context = MentionContext()
        context.negation =
            cueBefore(ContextCues.negationBefore, from: first, bound: lower, in: passage)
            ?? cueAfter(ContextCues.negationAfter, from: last, bound: upper, in: passage)
        context.uncertainty =
            cueBefore(ContextCues.uncertaintyBefore, from: first, bound: lower, in: passage)
            ?? cueAfter(ContextCues.uncertaintyAfter, from: last, bound: upper, in: passage)
        context.relative = relative(of: first, last, in: passage)
        if context.relative == nil {
            context.historical = cueBefore(ContextCues.historicalBefore, from: first, bound: lower, in: passage)
        }
        return context
    }

    private func clauseStart(before first: Int, in passage: Passage) -> Int {
        var index = first - 1
        while index >= 0 {
            if passage.tokens[index].endsClause || ContextCues.terminators.contains(passage.lower[index]) {
                return index + 1
            }
            index -= 1
        }
        return 0
    }

    private func clauseEnd(after last: Int, in passage: Passage) -> Int {
        var index = last + 1
        while index < passage.count {
            if passage.tokens[index].endsClause || ContextCues.terminators.contains(passage.lower[index]) {
                return index - 1
            }
            index += 1
        }
        return passage.count - 1
    }

    /// The cue that ends just before `first` (within the clause and the window), if any.
    private func cueBefore(_ cues: [[String]], from first: Int, bound: Int, in passage: Passage) -> String? {
        var end = first - 1
        var words = 0
        while end >= bound, words < window {
            if passage.tokens[end].kind != .punctuation { words += 1 }
            for cue in ContextCues.endingWith(passage.lower[end], in: cues)
            where cue.count <= end - bound + 1 && matches(cue, endingAt: end, in: passage) {
                return cue.joined(separator: " ")
            }
            end -= 1
        }
        return nil
    }

    /// The cue that starts just after `last` (within the clause and the window), if any.
    private func cueAfter(_ cues: [[String]], from last: Int, bound: Int, in passage: Passage) -> String? {
        var start = last + 1
        var words = 0
        while start <= bound, words < windowAfter {
            if passage.tokens[start].kind != .punctuation { words += 1 }
            for cue in ContextCues.startingWith(passage.lower[start], in: cues)
            where start + cue.count - 1 <= bound && matches(cue, startingAt: start, in: passage)
                && !modifiesWhatFollows(cue, at: start, in: passage)
            {
                return cue.joined(separator: " ")
            }
            start += 1
        }
        return nil
    }

    /// A one-word cue used as an adjective of the next word (`… as well as absent/dysplastic
    /// nails`, `absent thumbs`) says nothing of the finding before it.
    private func modifiesWhatFollows(_ cue: [String], at start: Int, in passage: Passage) -> Bool {
        guard cue.count == 1, start + 1 < passage.count else { return false }
        let next = passage.tokens[start + 1]
        return next.kind == .word || (next.text == "/" && start + 2 < passage.count)
    }

    private func matches(_ cue: [String], endingAt end: Int, in passage: Passage) -> Bool {
        let start = end - cue.count + 1
        guard start >= 0 else { return false }
        return matches(cue, startingAt: start, in: passage)
    }

    private func matches(_ cue: [String], startingAt start: Int, in passage: Passage) -> Bool {
        guard start + cue.count <= passage.count else { return false }
        for (offset, word) in cue.enumerated() where passage.lower[start + offset] != word { return false }
        return true
    }

    /// The relative the sentence attributes the finding to: `family history of …`, a relative
    /// named earlier in the sentence with no mention of the patient in between, or `… in her
    /// brother` right after.
    private func relative(of first: Int, _ last: Int, in passage: Passage) -> String? {
        var index = first - 1
        while index >= 0, !passage.tokens[index].endsClause {
            let word = passage.lower[index]
            if ContextCues.patientWords.contains(word) { return nil }
            if word == "history", index > 0, passage.lower[index - 1] == "family" { return "family" }
            if ContextCues.relatives.contains(word), !isIncidental(relativeAt: index, in: passage) { return word }
            index -= 1
        }
        var after = last + 1
        var words = 0
        while after < passage.count, words < 8, !passage.tokens[after].endsClause {
            let word = passage.lower[after]
            if ContextCues.relatives.contains(word), after > 0,
                ["his", "her", "their", "the", "a", "an", "maternal", "paternal", "older", "younger"].contains(
                    passage.lower[after - 1])
            {
                let preposition = passage.lower[max(0, after - 2)]
                if preposition == "in" || preposition == "by" { return word }
            }
            if passage.tokens[after].kind != .punctuation { words += 1 }
            after += 1
        }
        return nil
    }

    /// A relative named as the patient's origin (`born to`, `child of`), not as the subject.
    private func isIncidental(relativeAt index: Int, in passage: Passage) -> Bool {
        guard index > 0 else { return false }
        let previous = passage.lower[index - 1]
        return ["to", "of", "from", "by"].contains(previous)
    }
}

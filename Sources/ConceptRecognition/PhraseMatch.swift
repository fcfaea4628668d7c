/// A candidate match of one dictionary entry over some tokens of a passage.
struct PhraseMatch {
    /// Index into the dictionary's entries.
    var entry: Int32
    /// The content tokens that matched, in text order.
    var tokenIndices: [Int]

    var first: Int { tokenIndices.first ?? 0 }
    var last: Int { tokenIndices.last ?? 0 }
}

/// The position of each term id in a list of terms, found with two array reads instead of
/// hashing the id: ``Ontology/position(of:)`` and every id look-up of the ontology go through it.
///
/// HPO ids cluster in a few ranges (`HP:0000001`–`HP:0050000`, `HP:0500000`, `HP:6000000`, …),
/// so the index is a two-level table: the id's high bits pick a page of ``pageSize`` slots,
/// and only pages that hold a term are stored. For a release of about 19,500 terms that is
/// about 210 KB (a 94 KB page directory and some 113 pages of 1 KB).
struct TermPositionIndex: Sendable {
    private static let pageBits = 8
    private static let pageSize = 1 << pageBits

    /// For each page of ids, where its slots start in ``slots``; -1 when no id of the page is listed.
    private let pageStarts: [Int32]
    /// For each slot of a stored page, the position of its id in the list; -1 when not listed.
    private let slots: [Int32]

    /// Indexes `ids` by their position in the sequence; an id listed twice maps to its last
    /// position, as a dictionary filled in order would. Ids below zero are left out.
    init(_ ids: [TermID]) {
        let largest = ids.reduce(Int32(0)) { Swift.max($0, $1.rawValue) }
        var pageStarts = [Int32](repeating: -1, count: Int(largest) >> Self.pageBits + 1)
        var slots: [Int32] = []
        for (position, id) in ids.enumerated() where id.rawValue >= 0 {
            let page = Int(id.rawValue) >> Self.pageBits
            if pageStarts[page] < 0 {
                pageStarts[page] = Int32(slots.count)
                slots.append(contentsOf: repeatElement(-1, count: Self.pageSize))
            }
            slots[Int(pageStarts[page]) + (Int(id.rawValue) & (Self.pageSize - 1))] = Int32(position)
        }
        self.pageStarts = pageStarts
        self.slots = slots
    }

    /// The position of `id` in the indexed list, or nil when it is not listed.
    func position(of id: TermID) -> Int32? {
        let page = Int(id.rawValue) >> Self.pageBits
        guard page >= 0, page < pageStarts.count else { return nil }
        let start = Int(pageStarts[page])
        guard start >= 0 else { return nil }
        let position = slots[start + (Int(id.rawValue) & (Self.pageSize - 1))]
        return position >= 0 ? position : nil
    }
}

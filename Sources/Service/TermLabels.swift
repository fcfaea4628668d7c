import Ontology

/// Every term's label as JSON, quoted and escaped once when a rendering is set up, so that
/// writing a label is one append: no scan for characters to escape (the term is found by
/// ``Ontology/position(of:)``, two array reads).
///
/// ``RankOutput`` labels each finding and disease term of its evidence lists; it builds this
/// table once per ontology. For a release of about 19,500 terms it holds some 640 KB of labels
/// and 78 KB of bounds.
struct TermLabels: Sendable {
    private let ontology: Ontology
    /// The labels' JSON strings, one after another in the ontology's term order.
    private let json: [UInt8]
    /// Where each term's label starts in ``json``, and after the last, where the labels end.
    private let bounds: [Int32]

    init(ontology: Ontology) {
        var writer = JSONWriter(capacity: 48 * ontology.terms.count)
        var bounds = [Int32(0)]
        bounds.reserveCapacity(ontology.terms.count + 1)
        for index in ontology.terms.indices {
            writer.write(string: ontology.terms[index].name)
            bounds.append(Int32(writer.bytes.count))
        }
        self.ontology = ontology
        self.json = writer.bytes
        self.bounds = bounds
    }

    /// Where the label of `id` lies in the table (see ``withTable(_:)``), or nil when the
    /// ontology has no such term.
    func span(of id: TermID) -> Range<Int>? {
        guard let position = ontology.position(of: id).map(Int.init) else { return nil }
        return Int(bounds[position])..<Int(bounds[position + 1])
    }

    /// Calls `body` with the table of labels, to be cut by ``span(of:)``. Rendering reads labels
    /// this way, not as array slices, because a slice holds a reference to the table, and the
    /// workers that render answers at once would contend for its reference count.
    func withTable<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        json.withUnsafeBufferPointer(body)
    }
}

import Foundation

/// Information content of each term: `-ln(p)`, where p is the share of annotated items
/// (diseases) annotated with the term or any of its descendants.
///
/// Annotations are propagated up `is_a`, so a general term is never more informative than
/// a specific one. A term no item reaches gets the largest possible value, `-ln(1/n)`.
public struct InformationContent: Sendable {
    /// IC per term position of the ontology.
    public let values: [Float]
    /// How many items reach each term after propagation.
    public let counts: [Int32]
    /// Number of items the frequencies are over.
    public let itemCount: Int

    /// - Parameter annotations: per item, the positions of the terms it is annotated with.
    public init(ontology: Ontology, annotations: [[Int32]]) {
        var counts = Array(repeating: Int32(0), count: ontology.count)
        var mark = Array(repeating: -1, count: ontology.count)
        for (item, terms) in annotations.enumerated() {
            for term in terms {
                for ancestor in ontology.ancestorIndices[Int(term)] where mark[Int(ancestor)] != item {
                    mark[Int(ancestor)] = item
                    counts[Int(ancestor)] += 1
                }
            }
        }
        let n = max(annotations.count, 1)
        let maximum = Float(log(Double(n)))
        self.values = counts.map { $0 == 0 ? maximum : Float(-log(Double($0) / Double(n))) }
        self.counts = counts
        self.itemCount = annotations.count
    }

    public subscript(position: Int32) -> Float { values[Int(position)] }
}

import Ontology

extension JSONWriter {
    /// A term id as a string, `"HP:0001166"`: the text of its `description`, written without
    /// building it.
    public mutating func write(term id: TermID) {
        let value = Int(id.rawValue)
        guard value >= 0 else { return write(string: id.description) }
        var divisor = 1_000_000  // at least seven digits
        while value / divisor >= 10 { divisor *= 10 }
        write(raw: "\"HP:")
        while divisor > 0 {
            write(json: CollectionOfOne(UInt8(ascii: "0") + UInt8(value / divisor % 10)))
            divisor /= 10
        }
        write(raw: "\"")
    }
}

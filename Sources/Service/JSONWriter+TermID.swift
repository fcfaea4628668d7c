import Ontology

extension JSONWriter {
    /// A term id as a string, `"HP:0001166"`: the text of its `description`, written without
    /// building it.
    public mutating func write(term id: TermID) {
        guard id.rawValue >= 0 else { return write(string: id.description) }
        writeBackward { buffer in
            var start = Self.put(UInt8(ascii: "\""), in: buffer, before: buffer.count)
            start = Self.putDigits(of: UInt64(id.rawValue), minimumCount: 7, in: buffer, before: start)
            start = Self.put(UInt8(ascii: ":"), in: buffer, before: start)
            start = Self.put(UInt8(ascii: "P"), in: buffer, before: start)
            start = Self.put(UInt8(ascii: "H"), in: buffer, before: start)
            return Self.put(UInt8(ascii: "\""), in: buffer, before: start)
        }
    }
}

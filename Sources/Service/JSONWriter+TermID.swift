import Ontology

extension JSONWriter {
    /// A term id as a string, `"HP:0001166"`: the text of its `description`, written without
    /// building it.
    public mutating func write(term id: TermID) {
        write(assembling: ByteCursor.maxTermCount) { $0.append(term: id) }
    }
}

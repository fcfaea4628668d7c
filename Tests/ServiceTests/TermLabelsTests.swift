import Ontology
import TestFixtures
import Testing

@testable import Service

/// The labels `RankOutput` writes from its table are the bytes `JSONWriter.write(string:)`
/// writes for `Ontology.name(of:)`, found by id wherever the id lies.
@Suite struct TermLabelsTests {
    private static func escaped(_ text: String) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(string: text)
        return writer.bytes
    }

    /// The label's bytes as rendering reads them: its span cut from the table.
    private static func label(_ labels: TermLabels, _ id: TermID) -> [UInt8]? {
        guard let span = labels.span(of: id) else { return nil }
        return labels.withTable { Array($0[span]) }
    }

    @Test func everyLabelOfTheToyReleaseIsItsEscapedName() throws {
        let ontology = try ToyRelease.ontology()
        let labels = TermLabels(ontology: ontology)
        for term in ontology.terms {
            #expect(Self.label(labels, term.id) == Self.escaped(term.name))
        }
        #expect(Self.label(labels, TermID(2)) == nil)
    }

    @Test func labelsThatNeedEscapingAndIdsFarApartAreFound() {
        let names = [
            TermID(1): "Quote \" and backslash \\", TermID(255): "Tab\tand\nnewline\u{1}",
            TermID(256): "Ünïcödé 症候群", TermID(6_001_164): "Far away", TermID(12_345_678): "Eight digits",
        ]
        let ontology = Ontology(release: "test", terms: names.map { Term(id: $0.key, name: $0.value) })
        let labels = TermLabels(ontology: ontology)
        for (id, name) in names {
            #expect(Self.label(labels, id) == Self.escaped(name))
        }
        #expect(Self.label(labels, TermID(257)) == nil)
        #expect(Self.label(labels, TermID(-1)) == nil)
        #expect(Self.label(labels, TermID(99_999_999)) == nil)
    }
}

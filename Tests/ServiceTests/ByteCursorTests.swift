import Ontology
import Testing

@testable import Service

/// Fragments assembled with a `ByteCursor` are the bytes `JSONWriter` writes piece by piece.
@Suite struct ByteCursorTests {
    private static func assembled(_ assemble: (inout ByteCursor) -> Void) -> String {
        var writer = JSONWriter()
        writer.write(raw: "[")
        writer.write(assembling: 128, assemble)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func termIDsAreWrittenAsJSONWriterWritesThem() {
        for number: Int32 in [0, 1, 518, 1_234_567, 9_999_999, 10_000_000, 12_345_678, Int32.max, -5, Int32.min] {
            var writer = JSONWriter()
            writer.write(raw: "[")
            writer.write(term: TermID(number))
            #expect(Self.assembled { $0.append(term: TermID(number)) } == String(decoding: writer.bytes, as: UTF8.self))
        }
    }

    @Test func piecesFollowOneAnother() {
        let label: [UInt8] = Array(#""Seizure""#.utf8)
        let text = Self.assembled { cursor in
            cursor.append(raw: "{\"finding\":")
            cursor.append(term: TermID(1250))
            cursor.append(raw: ",\"finding_label\":")
            label.withUnsafeBufferPointer { cursor.append(label: $0, of: TermID(1250)) }
            cursor.append(raw: ",\"other\":")
            cursor.append(label: nil, of: TermID(2))
        }
        #expect(text == #"[{"finding":"HP:0001250","finding_label":"Seizure","other":"HP:0000002""#)
    }
}

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

    @Test func termIDsAreTheirDescriptionsQuoted() {
        for number: Int32 in [0, 7, 42, 518, 1250, 12_345, 999_999, 1_234_567, 99_999_999, 100_000_000, Int32.max] {
            #expect(Self.assembled { $0.append(term: TermID(number)) } == "[\"\(TermID(number).description)\"")
        }
    }

    @Test func thousandthsAreWrittenAsTheirNumbersShortestForm() {
        let counts: [Int64] = [
            0, 1, 7, 10, 70, 100, 999, 1000, 1001, 1010, 1100, 3000, 12_500, 123_456, 999_999_999_999, -1, -7, -12_500,
            -3000, -999_999_999_999,
        ]
        for count in counts {
            let expected = count % 1000 == 0 ? String(count / 1000) : String(describing: Double(count) / 1000)
            #expect(Self.assembled { $0.append(thousandths: count) } == "[" + expected, "\(count)")
        }
    }

    @Test func roundingDeclinesWhatTheFastFormCannotHold() {
        for value in [Double.nan, .infinity, -.infinity, 1e9, -2e9] {
            var accepted = true
            #expect(Self.assembled { accepted = $0.append(roundingToThousandths: value) } == "[", "\(value)")
            #expect(!accepted, "\(value)")
        }
        var accepted = false
        #expect(Self.assembled { accepted = $0.append(roundingToThousandths: 0.123_456) } == "[0.123")
        #expect(accepted)
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

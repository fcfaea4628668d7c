import Clinical
import Foundation
import Ontology
import Service
import Testing

@testable import Server

/// The daemon writes its digests and audit timestamps straight to bytes; each must be exactly
/// what the dictionary rendering (and `String(format:)`) gives. (The rank and normalize
/// answers are tested with their renderings in ServiceTests.)
@Suite struct StreamedOutputTests {
    private static func term(_ number: Int32) -> TermID { TermID(number) }

    @Test func theDigestIsOverTheCanonicalJSONOfTheCase() throws {
        let patients = [
            PatientCase(
                id: "a \"quoted\" id", findings: [Finding(id: Self.term(1250), status: .present)], age: "P3M",
                sex: .female),
            PatientCase(id: "b", findings: [Finding(id: Self.term(518), status: .absent)]),
        ]
        for patient in patients {
            var object: [String: Any] = [
                "id": patient.id, "sex": patient.sex.rawValue,
                "findings": patient.findings.map { ["id": $0.id.description, "status": $0.status.rawValue] },
            ]
            if let age = patient.age { object["age"] = age }
            #expect(String(decoding: CaseDigest.canonicalText(of: patient), as: UTF8.self) == JSONText.line(object))
        }
    }

    @Test func termIDsAreWrittenAsTheirDescription() {
        for number: Int32 in [0, 1, 518, 1_234_567, 12_345_678, Int32.max, -5] {
            var writer = JSONWriter()
            writer.write(term: TermID(number))
            #expect(String(decoding: writer.bytes, as: UTF8.self) == JSONText.line(TermID(number).description))
        }
    }

    @Test func auditTimestampsAreISO8601WithMilliseconds() {
        for seconds in [0, 1_796_000_000.123_4, 1_796_086_399.999_9, 951_782_400.5] {
            let date = Date(timeIntervalSince1970: seconds)
            var whole = time_t(seconds.rounded(.down))
            let milliseconds = min(999, Int((seconds - Double(whole)) * 1000))
            var parts = tm()
            gmtime_r(&whole, &parts)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), milliseconds)
            #expect(AuditStore.timestamp(date) == expected)
        }
    }
}

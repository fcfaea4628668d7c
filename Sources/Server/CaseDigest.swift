import Clinical
import Crypto
import Service

/// The SHA-256 the audit log keeps instead of a case: over the normalized case's id, sex,
/// age and findings (id and status, in order), written as canonical one-line JSON with sorted
/// keys: `{"age":…,"findings":[{"id":…,"status":…}],"id":…,"sex":…}`.
enum CaseDigest {
    static func sha256(of patient: PatientCase) -> String {
        hex(SHA256.hash(data: canonicalText(of: patient)))
    }

    /// The text that is hashed.
    static func canonicalText(of patient: PatientCase) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + 48 * patient.findings.count)
        writer.write(raw: "{")
        if let age = patient.age {
            writer.write(raw: "\"age\":")
            writer.write(string: age)
            writer.write(raw: ",")
        }
        writer.write(raw: "\"findings\":")
        writer.write(elements: patient.findings) { writer, finding in
            writer.write(raw: "{\"id\":")
            writer.write(term: finding.id)
            writer.write(raw: ",\"status\":")
            writer.write(string: finding.status.rawValue)
            writer.write(raw: "}")
        }
        writer.write(raw: ",\"id\":")
        writer.write(string: patient.id)
        writer.write(raw: ",\"sex\":")
        writer.write(string: patient.sex.rawValue)
        writer.write(raw: "}")
        return writer.bytes
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

import Clinical
import Crypto
import Foundation

/// The SHA-256 the audit log keeps instead of a case: over the normalized case's id, sex,
/// age and findings (id and status, in order), written as canonical one-line JSON.
enum CaseDigest {
    static func sha256(of patient: PatientCase) -> String {
        var object: [String: Any] = [
            "id": patient.id, "sex": patient.sex.rawValue,
            "findings": patient.findings.map { ["id": $0.id.description, "status": $0.status.rawValue] },
        ]
        if let age = patient.age { object["age"] = age }
        let text = JSONLine.encode(object)
        return hex(SHA256.hash(data: Data(text.utf8)))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

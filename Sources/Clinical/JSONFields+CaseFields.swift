import Foundation
import Ontology

/// Look-ups for the fields every case format shares: id, HPO ids, sex and age.
extension JSONFields {
    /// The case id (a string, or a whole number written as one), else the location's fallback.
    func caseID(_ key: String = "id") throws(CaseInputError) -> String {
        guard contains(key) else { return location.fallbackCaseID }
        if !(values[key] is String), let number = values[key] as? NSNumber, JSONFields.boolean(number) == nil {
            return number.stringValue
        }
        let text = try string(key).map { JSONFields.trimming($0, .whitespacesAndNewlines) } ?? ""
        return text.isEmpty ? location.fallbackCaseID : text
    }

    /// A required HPO id such as `HP:0001166`.
    func termID(_ key: String) throws(CaseInputError) -> TermID {
        guard let text = try string(key) else {
            throw error(.missingContent, at: key, "missing HPO id (expected \"HP:\" and seven digits)")
        }
        guard let id = Self.plainTermID(text) ?? TermID(text) else {
            throw error(
                .invalidTermID, at: key,
                "expected an HPO id (\"HP:\" and seven digits), got \(JSONFields.quoted(text))")
        }
        return id
    }

    /// The id of exactly `HP:` and seven ASCII digits, as `TermID.init` reads it but without
    /// its Foundation trimming, which is slow; nil for anything else, left to `TermID.init`.
    static func plainTermID(_ text: String) -> TermID? {
        var text = text
        return text.withUTF8 { bytes -> TermID? in
            guard bytes.count == 10, bytes[0] == UInt8(ascii: "H"), bytes[1] == UInt8(ascii: "P"),
                bytes[2] == UInt8(ascii: ":")
            else { return nil }
            var value: Int32 = 0
            for byte in bytes[3...] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int32(byte - UInt8(ascii: "0"))
            }
            return TermID(value)
        }
    }

    /// The sex in ddx or Phenopacket spelling; `unknown` when left out.
    func sex(_ key: String) throws(CaseInputError) -> Sex {
        guard let value = values[key], !JSONFields.isNull(value) else { return .unknown }
        guard let text = value as? String, let sex = Sex(lenient: text) else {
            throw error(
                .invalidSex, at: key,
                "expected female, male, other or unknown, got \(JSONFields.describe(value))")
        }
        return sex
    }

    /// An ISO 8601 duration such as `P34Y`, or nil when left out.
    func age(_ key: String) throws(CaseInputError) -> String? {
        guard let value = values[key], !JSONFields.isNull(value) else { return nil }
        let text = (value as? String).map { JSONFields.trimming($0, .whitespaces) }
        guard let text, ISO8601Duration.isValid(text) else {
            throw error(
                .invalidAge, at: key,
                "expected an ISO 8601 duration such as P34Y, P3M, P1Y6M, P2W or P10D, got \(JSONFields.describe(value))"
            )
        }
        return text
    }
}

import Foundation

/// Reads a GA4GH Phenopacket v2 JSON object.
///
/// - Findings: `phenotypicFeatures[].type.id`, absent when `excluded` is true (v1's
///   `negated` is accepted too).
/// - Sex: `subject.sex` (`FEMALE`, `MALE`, `OTHER_SEX`, `UNKNOWN_SEX`).
/// - Age: `subject.timeAtLastEncounter.age.iso8601duration`; other age forms are ignored.
/// - Truth: the first `interpretations[].diagnosis.disease.id`, else the first disease of
///   `diseases` not marked `excluded` (normally `diseases[0].term.id`).
/// - References: `metaData.externalReferences[].id` values that start with `PMID:`.
///
/// A phenopacket without phenotypic features is read, with a warning, as a case without findings.
public struct PhenopacketReader: CaseReader {
    public init() {}

    public var kind: CaseKind { .phenopacket }

    public func read(_ object: [String: Any], at location: InputLocation) throws(CaseInputError) -> PatientCase {
        let fields = JSONFields(object, location: location)
        let subject = try fields.object("subject")
        var patientCase = PatientCase(
            id: try fields.caseID(), findings: try readFindings(fields),
            age: try readAge(subject), sex: try subject?.sex("sex") ?? .unknown,
            truth: try readTruth(fields), references: try readReferences(fields))
        if patientCase.findings.isEmpty {
            patientCase.warnings.append(
                "phenopacket \(patientCase.id) has no phenotypicFeatures, so the case has no findings")
        }
        return patientCase
    }

    private func readFindings(_ fields: JSONFields) throws(CaseInputError) -> [Finding] {
        guard let features = try fields.objectMembers("phenotypicFeatures") else { return [] }
        var findings: [Finding] = []
        findings.reserveCapacity(features.count)
        for (index, members) in features.enumerated() {
            if let finding = Self.plainFinding(members) {
                findings.append(finding)
            } else {
                findings.append(try readFinding(fields.element(index, of: "phenotypicFeatures", members)))
            }
        }
        return findings
    }

    /// A feature, with errors that name the field at fault.
    private func readFinding(_ feature: JSONFields) throws(CaseInputError) -> Finding {
        guard let type = try feature.object("type") else {
            throw feature.error(
                .missingContent, at: "type", "missing the feature's ontology class {\"id\": \"HP:…\"}")
        }
        let excluded = try feature.bool("excluded")
        let negated = try feature.bool("negated")  // Phenopacket v1's spelling
        let status: Finding.Status = (excluded ?? negated) == true ? .absent : .present
        return Finding(id: try type.termID("id"), status: status)
    }

    /// A feature of the usual shape, read as ``readFinding(_:)`` reads it but without making
    /// field paths: a `type` object whose `id` is `HP:` and seven digits, `excluded` and
    /// `negated` left out or true or false. Nil for anything else, which `readFinding` then
    /// reads or rejects.
    private static func plainFinding(_ members: [String: Any]) -> Finding? {
        guard let type = members["type"] as? [String: Any], let text = type["id"] as? String,
            let id = JSONFields.plainTermID(text)
        else { return nil }
        guard let excluded = plainFlag(members["excluded"]), let negated = plainFlag(members["negated"]) else {
            return nil
        }
        return Finding(id: id, status: (excluded ?? negated) == true ? .absent : .present)
    }

    /// A flag's value: `.some(nil)` when left out, the flag when `true` or `false`, and nil
    /// (not plain) for anything else, `null` included.
    private static func plainFlag(_ value: Any?) -> Bool?? {
        guard let value else { return .some(nil) }
        guard let flag = JSONFields.boolean(value) else { return nil }
        return flag
    }

    private func readAge(_ subject: JSONFields?) throws(CaseInputError) -> String? {
        guard let encounter = try subject?.object("timeAtLastEncounter"),
            let age = try encounter.object("age")
        else { return nil }
        return try age.age("iso8601duration")
    }

    private func readTruth(_ fields: JSONFields) throws(CaseInputError) -> String? {
        for interpretation in try fields.objects("interpretations") ?? [] {
            if let id = try interpretation.object("diagnosis")?.object("disease")?.string("id"), !id.isEmpty {
                return id
            }
        }
        for disease in try fields.objects("diseases") ?? [] where try disease.bool("excluded") != true {
            if let id = try disease.object("term")?.string("id"), !id.isEmpty { return id }
        }
        return nil
    }

    private func readReferences(_ fields: JSONFields) throws(CaseInputError) -> [String] {
        let references = try fields.object("metaData")?.objects("externalReferences") ?? []
        var pubmed: [String] = []
        for reference in references {
            if let id = try reference.string("id"), id.hasPrefix("PMID:") { pubmed.append(id) }
        }
        return pubmed
    }
}

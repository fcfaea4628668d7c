import Foundation

/// Reads ddx's own case object:
///
/// ```json
/// {"id": "case-1", "age": "P34Y", "sex": "female",
///  "findings": [{"id": "HP:0001166", "status": "present"}],
///  "text": "optional vignette", "truth": {"id": "OMIM:154700"}}
/// ```
///
/// A finding's `status` defaults to present when left out, and a finding may also be written
/// as a bare id string. `truth` may be an object with `id` or a plain string. Optional
/// `references` is a list of strings such as `PMID:10077612`.
public struct DDXCaseReader: CaseReader {
    public init() {}

    public var kind: CaseKind { .ddxCase }

    public func read(_ object: [String: Any], at location: InputLocation) throws(CaseInputError) -> PatientCase {
        let fields = JSONFields(object, location: location)
        let findings = try readFindings(fields)
        let text = try readText(fields)
        guard findings != nil || text != nil else {
            throw location.error(.missingContent, "a ddx case needs \"findings\" or \"text\"; it has neither")
        }
        var patientCase = PatientCase(
            id: try fields.caseID(), findings: findings ?? [], age: try fields.age("age"),
            sex: try fields.sex("sex"), text: text, truth: try readTruth(fields),
            references: try readReferences(fields))
        if patientCase.findings.isEmpty && text == nil {
            patientCase.warnings.append("case \(patientCase.id) has an empty findings list and no text")
        }
        return patientCase
    }

    private func readFindings(_ fields: JSONFields) throws(CaseInputError) -> [Finding]? {
        guard let elements = try fields.array("findings") else { return nil }
        var findings: [Finding] = []
        for (index, element) in elements.enumerated() {
            findings.append(try readFinding(element, path: "findings[\(index)]", location: fields.location))
        }
        return findings
    }

    private func readFinding(_ element: Any, path: String, location: InputLocation) throws(CaseInputError) -> Finding {
        if element is String {
            let bare = JSONFields(["id": element], path: path, location: location)
            return Finding(id: try bare.termID("id"), status: .present)
        }
        guard let members = element as? [String: Any] else {
            throw location.error(
                .wrongType, field: path,
                "expected a finding object {\"id\": …, \"status\": …}, got \(JSONFields.describe(element))")
        }
        let finding = JSONFields(members, path: path, location: location)
        return Finding(id: try finding.termID("id"), status: try readStatus(finding))
    }

    private func readStatus(_ finding: JSONFields) throws(CaseInputError) -> Finding.Status {
        guard let text = try finding.string("status") else { return .present }
        let normalized = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let status = Finding.Status(rawValue: normalized) else {
            throw finding.error(
                .invalidStatus, at: "status", "expected \"present\" or \"absent\", got \(JSONFields.quoted(text))")
        }
        return status
    }

    private func readText(_ fields: JSONFields) throws(CaseInputError) -> String? {
        guard let text = try fields.string("text") else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }

    private func readTruth(_ fields: JSONFields) throws(CaseInputError) -> String? {
        guard let value = fields.values["truth"], !JSONFields.isNull(value) else { return nil }
        if let plain = value as? String { return nonEmpty(plain) }
        guard let members = value as? [String: Any] else {
            throw fields.wrongType("truth", expected: "an object {\"id\": …} or a string", got: value)
        }
        let truth = JSONFields(members, path: "truth", location: fields.location)
        return nonEmpty(try truth.string("id") ?? "")
    }

    private func readReferences(_ fields: JSONFields) throws(CaseInputError) -> [String] {
        guard let elements = try fields.array("references") else { return [] }
        var references: [String] = []
        for (index, element) in elements.enumerated() {
            guard let reference = element as? String else {
                throw fields.location.error(
                    .wrongType, field: "references[\(index)]",
                    "expected a string such as \"PMID:10077612\", got \(JSONFields.describe(element))")
            }
            references.append(reference)
        }
        return references
    }

    private func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

import Ontology

/// Resolves a case's HPO ids against one ontology release and makes its findings consistent.
///
/// ``normalize(_:)`` never fails: every id it cannot use, and every finding it changes, becomes
/// a one-line warning in ``PatientCase/warnings`` naming the ids involved.
/// - Alternate ids become their primary id; obsolete ids their `replaced_by` term.
/// - Obsolete ids without a replacement, and ids the release does not know, are skipped.
/// - Repeated findings are merged; a term stated both present and absent is kept as present.
/// - An absent term that is an ancestor of a present term (which implies it) is dropped.
public struct CaseNormalizer: Sendable {
    public let ontology: Ontology

    public init(ontology: Ontology) {
        self.ontology = ontology
    }

    /// The case with resolved, merged and consistent findings, and warnings for each change.
    public func normalize(_ patientCase: PatientCase) -> PatientCase {
        var normalized = patientCase
        var warnings: [String] = []
        let resolved = patientCase.findings.compactMap { resolve($0, warnings: &warnings) }
        let merged = merge(resolved, warnings: &warnings)
        normalized.findings = dropContradictedAbsences(merged, warnings: &warnings)
        normalized.warnings += warnings
        return normalized
    }

    /// The present terms with all their ancestors: everything the case says the patient has.
    public func impliedPresent(_ patientCase: PatientCase) -> Set<TermID> {
        var implied = Set(patientCase.presentTerms)
        for id in patientCase.presentTerms { implied.formUnion(ontology.ancestors(of: id)) }
        return implied
    }

    /// The absent terms with all their descendants: everything the case says the patient lacks.
    public func impliedAbsent(_ patientCase: PatientCase) -> Set<TermID> {
        var implied = Set(patientCase.absentTerms)
        for id in patientCase.absentTerms { implied.formUnion(ontology.descendants(of: id)) }
        return implied
    }

    // MARK: - Steps

    private func resolve(_ finding: Finding, warnings: inout [String]) -> Finding? {
        let id = finding.id
        switch ontology.resolve(id) {
        case .current:
            return finding
        case .alternate(of: let primary):
            warnings.append("\(id) is an alternate id of \(label(primary)); using \(primary)")
            return Finding(id: primary, status: finding.status)
        case .replaced(by: let replacement):
            warnings.append("\(id) is obsolete; replaced by \(label(replacement))")
            return Finding(id: replacement, status: finding.status)
        case .obsolete(consider: let candidates):
            let hint = candidates.isEmpty ? "" : " (consider \(candidates.map(label).joined(separator: ", ")))"
            warnings.append("\(id) is obsolete with no replacement\(hint); finding skipped")
            return nil
        case .unknown:
            let release = ontology.release.isEmpty ? "the ontology" : "HPO \(ontology.release)"
            warnings.append("\(id) is not a term of \(release); finding skipped")
            return nil
        }
    }

    /// One finding per term, in first-seen order; present wins over absent.
    private func merge(_ findings: [Finding], warnings: inout [String]) -> [Finding] {
        var merged: [Finding] = []
        var positions: [TermID: Int] = [:]
        var repeated: Set<TermID> = []
        var conflicting: Set<TermID> = []
        for finding in findings {
            let id = finding.id
            guard let position = positions[id] else {
                positions[id] = merged.count
                merged.append(finding)
                continue
            }
            if merged[position].status == finding.status {
                if repeated.insert(id).inserted {
                    warnings.append("\(label(id)) is listed more than once; merged")
                }
            } else {
                merged[position].status = .present
                if conflicting.insert(id).inserted {
                    warnings.append("\(label(id)) is stated both present and absent; kept as present")
                }
            }
        }
        return merged
    }

    /// Drops absent terms that a present term implies (the absent term is it or its ancestor).
    private func dropContradictedAbsences(_ findings: [Finding], warnings: inout [String]) -> [Finding] {
        let present = findings.filter { $0.status == .present }.map(\.id)
        var kept: [Finding] = []
        for finding in findings {
            if finding.status == .absent,
                let implying = present.first(where: { ontology.isAncestor(finding.id, of: $0) })
            {
                warnings.append(
                    "absent \(label(finding.id)) contradicts present \(label(implying)), which implies it;"
                        + " dropped the absent finding")
                continue
            }
            kept.append(finding)
        }
        return kept
    }

    /// `HP:0001166 (Arachnodactyly)`, or the bare id when the release has no name for it.
    private func label(_ id: TermID) -> String {
        guard let name = ontology.name(of: id), !name.isEmpty else { return id.description }
        return "\(id) (\(name))"
    }
}

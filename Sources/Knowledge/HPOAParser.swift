import Foundation
import Ontology

/// Reads phenotype.hpoa, the HPO's disease annotation file (tab-separated, `#` header lines,
/// then a column header line starting with `database_id`).
public struct HPOAParser {
    /// What the file yields: its version line, the diseases (first name seen wins) and rows.
    public struct Result: Sendable {
        public var version: String
        public var diseases: [Disease]
        public var annotations: [Annotation]
    }

    static let columns = [
        "database_id", "disease_name", "qualifier", "hpo_id", "reference", "evidence", "onset",
        "frequency", "sex", "modifier", "aspect", "biocuration",
    ]

    public init() {}

    public func parse(_ text: String, file: String = "phenotype.hpoa") throws(HPOAError) -> Result {
        var version = ""
        var diseases: [Disease] = []
        var seen: Set<String> = []
        var annotations: [Annotation] = []
        var sawHeader = false
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                if line.hasPrefix("#version:") {
                    version = line.dropFirst("#version:".count).trimmingCharacters(in: .whitespaces)
                }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if !sawHeader {
                guard fields.first == "database_id" else {
                    throw HPOAError(
                        file: file, line: lineNumber, reason: "expected the column header line (database_id …)")
                }
                sawHeader = true
                continue
            }
            let annotation = try row(fields, file: file, line: lineNumber)
            if seen.insert(annotation.diseaseID).inserted {
                diseases.append(Disease(id: annotation.diseaseID, name: String(fields[1])))
            }
            annotations.append(annotation)
        }
        guard sawHeader else {
            throw HPOAError(
                file: file, line: lineNumber, reason: "no column header line: is this a phenotype.hpoa file?")
        }
        return Result(version: version, diseases: diseases, annotations: annotations)
    }

    private func row(_ fields: [Substring], file: String, line: Int) throws(HPOAError) -> Annotation {
        guard fields.count >= Self.columns.count else {
            throw HPOAError(
                file: file, line: line,
                reason: "expected \(Self.columns.count) tab-separated columns, found \(fields.count)")
        }
        guard let term = TermID(fields[3]) else {
            throw HPOAError(file: file, line: line, reason: "hpo_id '\(fields[3])' is not an HPO id")
        }
        guard let aspect = Annotation.Aspect(rawValue: String(fields[10])) else {
            throw HPOAError(file: file, line: line, reason: "unknown aspect '\(fields[10])'")
        }
        func list(_ field: Substring) -> [Substring] {
            field.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces)[...] }
        }
        return Annotation(
            diseaseID: String(fields[0]),
            term: term,
            isNegated: fields[2] == "NOT",
            frequency: Frequency(String(fields[7])),
            onset: TermID(fields[6]),
            sex: fields[8].isEmpty ? nil : fields[8].uppercased(),
            modifiers: list(fields[9]).compactMap { TermID($0) },
            references: list(fields[4]).map(String.init),
            evidence: String(fields[5]),
            aspect: aspect,
            biocuration: String(fields[11])
        )
    }
}

/// A problem in a phenotype.hpoa file, with where it is.
public typealias HPOAError = ReleaseFileError

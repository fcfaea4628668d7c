import Clinical
import ConceptRecognition
import Knowledge
import Ontology

/// Renders an ingested case as `ddx normalize` (and the daemon's `normalize`) shows it.
public struct NormalizedCaseOutput: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// The normalized ddx case as a JSON object: findings with labels (and, from text, their
    /// spans and context), `family_history`, age, sex and warnings.
    public func json(_ ingested: IngestedCase) -> [String: Any] {
        let patient = ingested.patientCase
        var object: [String: Any] = [
            "id": patient.id,
            "sex": patient.sex.rawValue,
            "findings": patient.findings.map { finding(json: $0, ingested) },
            "family_history": ingested.familyHistory.map { family in
                [
                    "id": family.id.description, "relative": family.relative, "status": family.status.rawValue,
                    "label": label(family.id),
                    "spans": ingested.familyMentions(of: family.id).map(span),
                ] as [String: Any]
            },
            "warnings": patient.warnings,
            "knowledge_base": knowledgeBase.version,
        ]
        if let age = patient.age { object["age"] = age }
        if let truth = patient.truth { object["truth"] = ["id": truth] }
        return object
    }

    /// Writes the normalized case: the same bytes as ``json(_:)`` written with ``JSONText``, with
    /// the keys of every object in sorted order, without building the dictionaries.
    public func write(_ ingested: IngestedCase, to writer: inout JSONWriter) {
        let patient = ingested.patientCase
        writer.write(raw: "{")
        if let age = patient.age {
            writer.write(raw: "\"age\":")
            writer.write(string: age)
            writer.write(raw: ",")
        }
        writer.write(raw: "\"family_history\":")
        writer.write(elements: ingested.familyHistory) { writer, family in
            writer.write(raw: "{\"id\":")
            writer.write(term: family.id)
            writer.write(raw: ",\"label\":")
            writer.write(string: label(family.id))
            writer.write(raw: ",\"relative\":")
            writer.write(string: family.relative)
            writer.write(raw: ",\"spans\":")
            writer.write(elements: ingested.familyMentions(of: family.id)) { writer, mention in
                write(mention, to: &writer)
            }
            writer.write(raw: ",\"status\":")
            writer.write(string: family.status.rawValue)
            writer.write(raw: "}")
        }
        writer.write(raw: ",\"findings\":")
        writer.write(elements: patient.findings) { writer, finding in write(finding, ingested, to: &writer) }
        writer.write(raw: ",\"id\":")
        writer.write(string: patient.id)
        writer.write(raw: ",\"knowledge_base\":")
        writer.write(string: knowledgeBase.version)
        writer.write(raw: ",\"sex\":")
        writer.write(string: patient.sex.rawValue)
        if let truth = patient.truth {
            writer.write(raw: ",\"truth\":{\"id\":")
            writer.write(string: truth)
            writer.write(raw: "}")
        }
        writer.write(raw: ",\"warnings\":")
        writer.write(strings: patient.warnings)
        writer.write(raw: "}")
    }

    private func write(_ finding: Finding, _ ingested: IngestedCase, to writer: inout JSONWriter) {
        let mentions = ingested.mentions(of: finding.id)
        writer.write(raw: "{")
        if !mentions.isEmpty, mentions.allSatisfy({ $0.context.historical != nil }) {
            writer.write(raw: "\"historical\":true,")
        }
        writer.write(raw: "\"id\":")
        writer.write(term: finding.id)
        writer.write(raw: ",\"label\":")
        writer.write(string: label(finding.id))
        if !mentions.isEmpty {
            writer.write(raw: ",\"spans\":")
            writer.write(elements: mentions) { writer, mention in write(mention, to: &writer) }
        }
        writer.write(raw: ",\"status\":")
        writer.write(string: finding.status.rawValue)
        if !mentions.isEmpty, mentions.allSatisfy({ $0.context.uncertainty != nil }) {
            writer.write(raw: ",\"uncertain\":true")
        }
        writer.write(raw: "}")
    }

    private func write(_ mention: ConceptMention, to writer: inout JSONWriter) {
        let context = mention.context
        writer.write(raw: "{\"end\":")
        writer.write(integer: mention.end)
        if let cue = context.historical {
            writer.write(raw: ",\"historical\":")
            writer.write(string: cue)
        }
        if let cue = context.negation {
            writer.write(raw: ",\"negation\":")
            writer.write(string: cue)
        }
        if let relative = context.relative {
            writer.write(raw: ",\"relative\":")
            writer.write(string: relative)
        }
        writer.write(raw: ",\"source\":")
        writer.write(string: mention.source.description)
        writer.write(raw: ",\"start\":")
        writer.write(integer: mention.start)
        writer.write(raw: ",\"synonym\":")
        writer.write(string: mention.synonym)
        writer.write(raw: ",\"text\":")
        writer.write(string: mention.matchedText)
        if let cue = context.uncertainty {
            writer.write(raw: ",\"uncertainty\":")
            writer.write(string: cue)
        }
        writer.write(raw: "}")
    }

    /// A readable account: each finding with the words it was read from and why.
    public func text(_ ingested: IngestedCase) -> String {
        let patient = ingested.patientCase
        var header = "Case \(patient.id) · sex \(patient.sex.rawValue)" + (patient.age.map { " · age \($0)" } ?? "")
        if let analysis = ingested.analysis {
            var sources: [String] = []
            if let evidence = analysis.sexEvidence, patient.sex == analysis.sex {
                sources.append("sex from “\(evidence)”")
            }
            if let evidence = analysis.ageEvidence, patient.age == analysis.age {
                sources.append("age from “\(evidence)”")
            }
            if !sources.isEmpty { header += " (" + sources.joined(separator: ", ") + ")" }
        }
        var lines = [header]
        for finding in patient.findings {
            lines.append("  \(finding.status == .present ? "+" : "-") \(finding.id)  \(label(finding.id))")
            for mention in ingested.mentions(of: finding.id) { lines.append("      " + explain(mention)) }
        }
        if !ingested.familyHistory.isEmpty { lines.append("  family history:") }
        for family in ingested.familyHistory {
            let sign = family.status == .present ? "+" : "-"
            lines.append("  \(sign) \(family.id)  \(label(family.id))  [\(family.relative)]")
            for mention in ingested.familyMentions(of: family.id) {
                lines.append("      " + explain(mention))
            }
        }
        for warning in patient.warnings { lines.append("  warning: \(warning)") }
        return lines.joined(separator: "\n")
    }

    private func finding(json finding: Finding, _ ingested: IngestedCase) -> [String: Any] {
        var object: [String: Any] = [
            "id": finding.id.description, "status": finding.status.rawValue, "label": label(finding.id),
        ]
        let mentions = ingested.mentions(of: finding.id)
        if !mentions.isEmpty {
            object["spans"] = mentions.map(span)
            if mentions.allSatisfy({ $0.context.uncertainty != nil }) { object["uncertain"] = true }
            if mentions.allSatisfy({ $0.context.historical != nil }) { object["historical"] = true }
        }
        return object
    }

    private func span(_ mention: ConceptMention) -> [String: Any] {
        var object: [String: Any] = [
            "start": mention.start, "end": mention.end, "text": mention.matchedText, "synonym": mention.synonym,
            "source": mention.source.description,
        ]
        let context = mention.context
        if let cue = context.negation { object["negation"] = cue }
        if let cue = context.uncertainty { object["uncertainty"] = cue }
        if let cue = context.historical { object["historical"] = cue }
        if let relative = context.relative { object["relative"] = relative }
        return object
    }

    private func explain(_ mention: ConceptMention) -> String {
        var line =
            "“\(mention.matchedText)” at \(mention.start)–\(mention.end) matched \(mention.source) “\(mention.synonym)”"
        let context = mention.context
        var notes: [String] = []
        if let cue = context.negation { notes.append("negated by “\(cue)”") }
        if let cue = context.uncertainty { notes.append("uncertain: “\(cue)”") }
        if let cue = context.historical { notes.append("historical: “\(cue)”") }
        if let relative = context.relative { notes.append("said of: \(relative)") }
        if !notes.isEmpty { line += "; " + notes.joined(separator: "; ") }
        return line
    }

    private func label(_ id: TermID) -> String { knowledgeBase.ontology.name(of: id) ?? "" }
}

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

    /// Writes the normalized ddx case as one line of JSON, with the keys of every object in sorted
    /// order: findings with labels (and, from text, their spans and context), `family_history`,
    /// age, sex and warnings.
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

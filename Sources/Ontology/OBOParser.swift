import Foundation

/// Reads the HPO's OBO 1.2 release file (`hp.obo`) into terms.
///
/// Only what ddx uses is read: the header's `data-version` and, per `[Term]` stanza, id, name,
/// def, synonyms, alt_ids, is_a, is_obsolete, replaced_by and consider. Other tags and
/// `[Typedef]` stanzas are skipped.
public struct OBOParser {
    public init() {}

    /// Parses the whole file's text.
    public func parse(_ text: String, file: String = "hp.obo") throws(OBOError) -> Ontology {
        var release = ""
        var terms: [Term] = []
        var current: Term?
        var inTerm = false
        var lineNumber = 0

        func finish() {
            if let term = current { terms.append(term) }
            current = nil
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("!") { continue }
            if line.hasPrefix("[") {
                finish()
                inTerm = line == "[Term]"
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let tag = line[..<colon]
            let value = Self.stripComment(line[line.index(after: colon)...])
            if !inTerm {
                if tag == "data-version" { release = String(value) }
                continue
            }
            if tag == "id" {
                guard let id = TermID(value) else {
                    current = nil
                    continue  // non-HP ids (none in HPO releases) are skipped
                }
                current = Term(id: id, name: "")
                continue
            }
            guard var term = current else { continue }
            try apply(tag: tag, value: value, to: &term, file: file, line: lineNumber)
            current = term
        }
        finish()
        guard !terms.isEmpty else {
            throw OBOError(file: file, line: lineNumber, reason: "no [Term] stanzas: is this an OBO file?")
        }
        return Ontology(release: release, terms: terms)
    }

    private func apply(
        tag: Substring, value: Substring, to term: inout Term, file: String, line: Int
    ) throws(OBOError) {
        switch tag {
        case "name":
            term.name = String(value)
        case "def":
            term.definition = Self.quoted(value)
        case "synonym":
            guard let synonym = Self.synonym(value) else {
                throw OBOError(file: file, line: line, reason: "malformed synonym: \(value)")
            }
            term.synonyms.append(synonym)
        case "alt_id":
            if let id = TermID(value) { term.alternateIDs.append(id) }
        case "is_a":
            let target = value.split(separator: " ", maxSplits: 1).first ?? ""
            guard let id = TermID(target) else {
                throw OBOError(file: file, line: line, reason: "is_a names no HPO id: \(value)")
            }
            term.parents.append(id)
        case "is_obsolete":
            term.isObsolete = value == "true"
        case "replaced_by":
            term.replacedBy = TermID(value)
        case "consider":
            if let id = TermID(value) { term.consider.append(id) }
        default:
            break
        }
    }

    /// Drops a trailing `! comment` (outside quotes) and surrounding spaces.
    static func stripComment(_ value: Substring) -> Substring {
        var inQuotes = false
        var previous: Character = " "
        for index in value.indices {
            let character = value[index]
            if character == "\"" && previous != "\\" { inQuotes.toggle() }
            if character == "!" && !inQuotes && previous == " " {
                return value[..<index].trimmed
            }
            previous = character
        }
        return value.trimmed
    }

    /// The text between the first pair of unescaped double quotes.
    static func quoted(_ value: Substring) -> String? {
        guard let open = value.firstIndex(of: "\"") else { return nil }
        var result = ""
        var escaped = false
        for character in value[value.index(after: open)...] {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return result
            } else {
                result.append(character)
            }
        }
        return nil
    }

    /// `"text" SCOPE [type] [xrefs]`.
    static func synonym(_ value: Substring) -> Synonym? {
        guard let text = quoted(value), let lastQuote = value.lastIndex(of: "\"") else { return nil }
        let rest = value[value.index(after: lastQuote)...]
            .split(separator: " ")
            .filter { !$0.hasPrefix("[") && !$0.hasSuffix("]") }
        guard let scopeText = rest.first, let scope = Synonym.Scope(rawValue: String(scopeText)) else {
            return nil
        }
        let type = rest.dropFirst().first.map(String.init)
        return Synonym(text: text, scope: scope, type: type)
    }
}

/// A problem in an OBO file, with where it is.
public typealias OBOError = ReleaseFileError

extension Substring {
    var trimmed: Substring {
        var slice = self
        while slice.first == " " || slice.first == "\t" { slice.removeFirst() }
        while slice.last == " " || slice.last == "\t" { slice.removeLast() }
        return slice
    }
}

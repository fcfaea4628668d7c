import Foundation
import Ontology

/// One document of a gold concept corpus.
struct ConceptCorpusDocument {
    struct Annotation {
        var start: Int
        var end: Int
        var id: TermID
        var negated: Bool?
    }

    var id: String
    var source: String
    var text: String
    var annotations: [Annotation]
}

/// Reads a gold corpus in the `../shared/data/text` JSON Lines format; a bad line is an error
/// naming the file, the line and the field.
struct ConceptCorpusReader {
    let path: String

    func read() throws -> [ConceptCorpusDocument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(path): cannot read the file")
        }
        var documents: [ConceptCorpusDocument] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            documents.append(try document(line, at: number + 1))
        }
        return documents
    }

    private func document(_ line: Substring, at number: Int) throws -> ConceptCorpusDocument {
        let place = "\(path):\(number)"
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            throw CommandFailure("\(place): not a JSON object")
        }
        guard let text = object["text"] as? String else { throw CommandFailure("\(place): \"text\" is missing") }
        guard let annotations = object["annotations"] as? [[String: Any]] else {
            throw CommandFailure("\(place): \"annotations\" must be an array of objects")
        }
        let parsed = try annotations.enumerated().map { index, annotation in
            let field = "\(place): annotations[\(index)]"
            guard let start = annotation["start"] as? Int, let end = annotation["end"] as? Int else {
                throw CommandFailure("\(field): \"start\" and \"end\" must be integers")
            }
            if start > end { Terminal.warning("\(field): start \(start) is after end \(end); swapped") }
            guard let hpo = annotation["hpo"] as? String, let id = TermID(hpo) else {
                throw CommandFailure("\(field).hpo: expected an HPO id such as HP:0001250")
            }
            return ConceptCorpusDocument.Annotation(
                start: min(start, end), end: max(start, end), id: id, negated: annotation["negated"] as? Bool)
        }
        return ConceptCorpusDocument(
            id: object["id"] as? String ?? "line-\(number)", source: object["source"] as? String ?? "corpus",
            text: text, annotations: parsed)
    }
}

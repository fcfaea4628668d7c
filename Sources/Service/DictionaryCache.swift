import ConceptRecognition
import Foundation
import Knowledge

/// The concept recognizer's dictionary, built once from the knowledge base and kept in a file
/// of the data directory (``DataDirectory/conceptDictionary``).
///
/// A cached file is used only when it is intact (checksum), of this format and builder, and
/// built from this very knowledge base; otherwise the dictionary is built from the ontology
/// and the file rewritten atomically (a temporary file renamed over the old one). A bad or
/// unwritable file never stops the recognizer: it costs a rebuild and a note.
public struct DictionaryCache: Sendable {
    /// What happened when the dictionary was asked for.
    public enum Outcome: Sendable, Equatable {
        /// Read from the file.
        case loaded
        /// Built, because the file was missing or unusable (`reason`), and written.
        case rebuilt(reason: String)
        /// Built, but the file could not be written (`reason`).
        case unsaved(reason: String)
    }

    public let file: URL
    /// Files larger than this are not read: no dictionary comes near it.
    let largestFile = 256 << 20

    public init(file: URL) {
        self.file = file
    }

    public init(directory: DataDirectory) {
        self.init(file: directory.conceptDictionary)
    }

    /// What a cached dictionary must have been built from: the HPO release, the store's schema,
    /// when the store was built and the ontology file's checksum.
    public static func identity(of info: KnowledgeBaseInfo) -> String {
        "\(info.hpoRelease); schema \(info.schemaVersion); built \(info.builtAt); "
            + "hp.obo sha256 \(info.checksums["hp.obo"] ?? "unknown")"
    }

    /// The dictionary for `knowledgeBase`: from the file when it is usable, else built and saved.
    public func dictionary(
        for knowledgeBase: KnowledgeBase, options: ConceptDictionary.Options = .init()
    ) -> (dictionary: ConceptDictionary, outcome: Outcome) {
        let identity = Self.identity(of: knowledgeBase.info)
        let reason: String
        switch read(identity: identity, options: options) {
        case .success(let dictionary): return (dictionary, .loaded)
        case .failure(let failure): reason = failure.description
        }
        let dictionary = ConceptDictionary(ontology: knowledgeBase.ontology, options: options)
        do {
            try write(DictionaryArchive.encode(dictionary, knowledgeBase: identity))
            return (dictionary, .rebuilt(reason: reason))
        } catch {
            return (dictionary, .unsaved(reason: "\(error)"))
        }
    }

    /// Why a cache file could not be read.
    enum ReadFailure: Error, CustomStringConvertible {
        case missing
        case unreadable(String)
        case tooLarge(Int)
        case invalid(DictionaryArchiveError)

        var description: String {
            switch self {
            case .missing: "no cached dictionary"
            case .unreadable(let reason): "cached dictionary unreadable: \(reason)"
            case .tooLarge(let size): "cached dictionary implausibly large (\(size) bytes)"
            case .invalid(let error): "cached dictionary \(error)"
            }
        }
    }

    func read(identity: String, options: ConceptDictionary.Options) -> Result<ConceptDictionary, ReadFailure> {
        guard FileManager.default.fileExists(atPath: file.path) else { return .failure(.missing) }
        let bytes: [UInt8]
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            guard size <= largestFile else { return .failure(.tooLarge(size)) }
            bytes = [UInt8](try Data(contentsOf: file))
        } catch {
            return .failure(.unreadable(error.localizedDescription))
        }
        do throws(DictionaryArchiveError) {
            return .success(try DictionaryArchive.decode(bytes, knowledgeBase: identity, options: options))
        } catch {
            return .failure(.invalid(error))
        }
    }

    /// Writes `bytes` beside the cache file, then renames it into place (``AtomicFile``: a
    /// reader sees the old file or the new one, never half).
    func write(_ bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(bytes, to: file)
    }
}

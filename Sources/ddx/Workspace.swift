import FastFeedforward
import Foundation
import Knowledge
import Ranking
import Service

/// The data directory and what commands load from it, set up on first use.
struct Workspace {
    let directory: DataDirectory

    init(directory: DataDirectory = DataDirectory()) {
        self.directory = directory
    }

    /// Whether a knowledge base is ready to load.
    var isReady: Bool { FileManager.default.fileExists(atPath: directory.knowledgeBase.path) }

    /// Fetches the pinned release (if missing), builds the knowledge base and trains the
    /// default model (if missing).
    func setUp(force: Bool) throws {
        try setUpKnowledgeBase(force: force)
        try setUpConceptDictionary()
        let model = directory.model(named: ModelName.default.rawValue)
        if ModelName.default.isNeural && (force || !FileManager.default.fileExists(atPath: model.path)) {
            Terminal.note("training the default \(ModelName.default.rawValue) model")
            var training = ModelTraining()
            training.layer = ModelName.default
            try training.run(workspace: self, index: try loadIndex())
        }
    }

    /// Fetches the pinned release (if missing) and builds the knowledge base.
    func setUpKnowledgeBase(force: Bool) throws {
        let log: (String) -> Void = { Terminal.note($0) }
        if isReady && !force {
            let info = try KnowledgeStore.info(at: directory.knowledgeBase)
            if info.schemaVersion == KnowledgeStore.schemaVersion {
                log("knowledge base ready: \(info.hpoRelease) at \(directory.knowledgeBase.path)")
                return
            }
            log("knowledge base schema \(info.schemaVersion) is outdated; rebuilding")
        }
        let started = Date()
        let haveFiles = [directory.ontologyFile, directory.annotationFile].allSatisfy {
            FileManager.default.fileExists(atPath: $0.path)
        }
        if force || !haveFiles {
            try ReleaseFetcher(directory: directory).fetch(log: log)
        }
        let summary = try KnowledgeBuilder().build(
            ontologyFile: directory.ontologyFile, annotationFile: directory.annotationFile,
            into: directory.knowledgeBase, log: log)
        log(
            "knowledge base built in \(String(format: "%.1f", Date().timeIntervalSince(started))) s: "
                + "\(summary.info.hpoRelease), \(summary.terms) terms, \(summary.diseases) diseases, "
                + "\(summary.annotations) annotations")
    }

    /// Builds the text recognizer's dictionary into the data directory unless a usable one is there.
    func setUpConceptDictionary() throws {
        let knowledgeBase = try loadKnowledgeBase()
        let cache = DictionaryCache(directory: directory)
        let started = Date()
        let (_, outcome) = cache.dictionary(for: knowledgeBase)
        let seconds = String(format: "%.2f s", Date().timeIntervalSince(started))
        switch outcome {
        case .loaded: Terminal.note("concept dictionary ready at \(cache.file.path)")
        case .rebuilt: Terminal.note("concept dictionary built in \(seconds) at \(cache.file.path)")
        case .unsaved(let reason): Terminal.warning("concept dictionary not cached: \(reason)")
        }
    }

    /// The ingestor every command uses: its text recognizer's dictionary comes from the cache
    /// in the data directory (built there when missing or stale); `DDX_VERBOSE=1` says how.
    func ingestor(for knowledgeBase: KnowledgeBase) -> CaseIngestor {
        let verbose = ProcessInfo.processInfo.environment["DDX_VERBOSE"] == "1"
        return CaseIngestor(
            knowledgeBase: knowledgeBase, dictionaryCache: DictionaryCache(directory: directory),
            note: { message in if verbose { Terminal.note(message) } })
    }

    /// Loads the knowledge base, setting up first when needed.
    func loadKnowledgeBase() throws -> KnowledgeBase {
        if !isReady {
            Terminal.note("first run: setting up the knowledge base in \(directory.root.path)")
            try setUpKnowledgeBase(force: false)
        }
        do {
            return try timed("loaded the knowledge base") { try KnowledgeStore.load(from: directory.knowledgeBase) }
        } catch let error as KnowledgeStoreError {
            throw CommandFailure(error.description)
        }
    }

    /// Loads the knowledge base and builds the ranking index over it.
    func loadIndex() throws -> PhenotypeIndex {
        let knowledgeBase = try loadKnowledgeBase()
        return timed("built the ranking index") { PhenotypeIndex(knowledgeBase: knowledgeBase) }
    }

    /// The ranker `--model` names, with neural models read from the data directory.
    func ranker(
        _ name: ModelName, index: PhenotypeIndex, parameters: LikelihoodRanker.Parameters = .init(),
        candidates: Int? = nil, candidateThreshold: Float? = nil
    ) throws -> any Ranker {
        if name.isNeural && !FileManager.default.fileExists(atPath: directory.model(named: name.rawValue).path) {
            Terminal.note(
                "no trained \(name.rawValue) model yet: training it now (about a minute; `ddx train` redoes it)")
            try train(name, index: index)
        }
        let make = {
            try name.makeRanker(
                index: index, parameters: parameters, candidates: candidates, candidateThreshold: candidateThreshold
            ) { directory.model(named: $0.rawValue) }
        }
        do {
            do {
                return try make()
            } catch NeuralModelError.outdated {
                Terminal.note(
                    "the \(name.rawValue) model predates the current candidate stage: retraining it (about a minute)")
                try train(name, index: index)
                return try make()
            }
        } catch let error as NeuralModelError {
            throw CommandFailure(error.description)
        } catch let error as ModelFormatError {
            let path = directory.model(named: name.rawValue).path
            throw CommandFailure("\(path): \(error); retrain it with `ddx train --layer \(name.rawValue)`")
        }
    }

    private func train(_ name: ModelName, index: PhenotypeIndex) throws {
        var training = ModelTraining()
        training.layer = name
        try training.run(workspace: self, index: index)
    }

    /// Runs `body`, and with `DDX_VERBOSE=1` says on stderr how long it took.
    private func timed<T>(_ what: String, _ body: () throws -> T) rethrows -> T {
        guard ProcessInfo.processInfo.environment["DDX_VERBOSE"] == "1" else { return try body() }
        let start = Date()
        let result = try body()
        Terminal.note(String(format: "%@ in %.3f s", what, Date().timeIntervalSince(start)))
        return result
    }
}

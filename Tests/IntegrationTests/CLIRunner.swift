import Foundation
import Knowledge
import Testing

/// Runs the built `ddx` executable as a subprocess, as a user would, for ``CLITests``.
///
/// The executable is the one `swift test` built beside the test bundle (`<scratch>/debug/ddx`,
/// `.build/debug/ddx`, …); `DDX_EXECUTABLE` overrides it. Children inherit the environment, so
/// `DDX_HOME` passes through (unset: ddx's default `~/.cache/ddx`, the same directory
/// ``RealData`` sets up). Output goes to files, never pipes, so a large output cannot stall the
/// child; stdin is the null device unless a file is given.
enum CLIRunner {
    /// What one run of `ddx` did.
    struct Outcome: Sendable {
        let arguments: [String]
        let status: Int32
        let stdout: String
        let stderr: String
        let elapsed: Duration

        var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
        /// The non-blank lines of stderr.
        var stderrLines: [String] {
            stderr.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }

        /// Stdout as one JSON object.
        func json() throws -> [String: Any] {
            let parsed = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try #require(parsed as? [String: Any], "stdout of ddx \(arguments) is not one JSON object")
        }

        /// Stdout as JSON Lines, one object per line.
        func jsonLines() throws -> [[String: Any]] {
            try stdoutLines.map { line in
                let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
                return try #require(parsed as? [String: Any], "a line of ddx \(arguments) is not a JSON object")
            }
        }

        /// For failure messages.
        var summary: String { "ddx \(arguments.joined(separator: " ")) → exit \(status)\nstderr: \(stderr)" }
    }

    enum Failure: Error, CustomStringConvertible {
        case executableNotFound(searched: [String])
        case timedOut([String], seconds: Int)

        var description: String {
            switch self {
            case .executableNotFound(let searched):
                "the ddx executable was not found beside the test bundle (looked for ddx in: "
                    + searched.joined(separator: ", ")
                    + "); build it with `swift build` (or `swift test`, which builds it) into the same "
                    + "--scratch-path, or set DDX_EXECUTABLE"
            case .timedOut(let arguments, let seconds):
                "ddx \(arguments.joined(separator: " ")) did not finish within \(seconds) s and was stopped"
            }
        }
    }

    /// The `ddx` binary of the build folder these tests were built in.
    static let executable: Result<URL, Failure> = locateExecutable()

    /// Runs `ddx arguments`; `stdin` is a file fed to standard input; `environment` adds to or
    /// replaces the inherited variables. With `loadsKnowledgeBase` the knowledge base is set up
    /// first and the run waits for a free slot (see ``gate``).
    static func run(
        _ arguments: [String], stdin: URL? = nil, loadsKnowledgeBase: Bool = false, timeout: Int = 300,
        environment: [String: String] = [:]
    ) async throws -> Outcome {
        let binary = try executable.get()
        guard loadsKnowledgeBase else {
            return try await launch(binary, arguments, stdin: stdin, timeout: timeout, environment: environment)
        }
        try knowledgeBaseReady.get()
        await gate.enter()
        do {
            let outcome = try await launch(
                binary, arguments, stdin: stdin, timeout: timeout, environment: environment)
            await gate.leave()
            return outcome
        } catch {
            await gate.leave()
            throw error
        }
    }

    /// The knowledge base of `$DDX_HOME` (or the default) is there before a command that loads
    /// it runs: when `kb.sqlite` is missing, ``RealData/knowledgeBase`` sets it up (as `ddx setup`
    /// would); when it is there, `ddx` loads it itself and the tests need not (a debug load
    /// takes seconds).
    static let knowledgeBaseReady: Result<Void, any Error> = Result {
        guard !FileManager.default.fileExists(atPath: DataDirectory().knowledgeBase.path) else { return }
        _ = try RealData.knowledgeBase.get()
    }

    // MARK: - Running

    /// At most this many `ddx` processes that load the knowledge base at a time (one per core:
    /// a debug load takes seconds of CPU and ~170 MB).
    private static let gate = Gate(slots: max(1, ProcessInfo.processInfo.activeProcessorCount))

    private static func launch(
        _ binary: URL, _ arguments: [String], stdin: URL?, timeout: Int, environment extra: [String: String]
    ) async throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("ddx-cli-run-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let inHandle = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        defer {
            try? outHandle.close()
            try? errHandle.close()
            if stdin != nil { try? inHandle.close() }
        }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DDX_VERBOSE"] = nil  // timing notes would add lines to stderr
        environment["COLUMNS"] = "80"  // help is wrapped to a known width
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.currentDirectoryURL = RealData.packageRoot
        process.standardInput = inHandle
        process.standardOutput = outHandle
        process.standardError = errHandle

        let watched = Watched(process)
        let clock = ContinuousClock()
        let start = clock.now
        let watchdog = Task {
            try await Task.sleep(for: .seconds(timeout))
            watched.stop()
        }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        watchdog.cancel()
        let elapsed = clock.now - start
        if watched.wasStopped { throw Failure.timedOut(arguments, seconds: timeout) }
        return Outcome(
            arguments: arguments, status: status,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            elapsed: elapsed)
    }

    /// A process the watchdog may stop from another task.
    private final class Watched: @unchecked Sendable {
        private let process: Process
        private let lock = NSLock()
        private var stopped = false

        init(_ process: Process) { self.process = process }

        func stop() {
            lock.withLock {
                guard process.isRunning else { return }
                stopped = true
                process.terminate()
            }
        }

        var wasStopped: Bool { lock.withLock { stopped } }
    }

    /// A counting semaphore for tasks.
    private actor Gate {
        private var free: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(slots: Int) { free = slots }

        func enter() async {
            if free > 0 {
                free -= 1
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func leave() {
            if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
        }
    }

    // MARK: - Finding the executable

    /// Looks for `ddx` in the folder of the running test binary (and up to three folders up, for
    /// bundle layouts such as `ddxPackageTests.xctest/Contents/MacOS/`).
    private static func locateExecutable() -> Result<URL, Failure> {
        let files = FileManager.default
        if let override = ProcessInfo.processInfo.environment["DDX_EXECUTABLE"], !override.isEmpty {
            return files.isExecutableFile(atPath: override)
                ? .success(URL(fileURLWithPath: override)) : .failure(.executableNotFound(searched: [override]))
        }
        var starts: [URL] = []
        #if os(Linux)
            if let path = try? files.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                starts.append(URL(fileURLWithPath: path))
            }
        #endif
        if let main = Bundle.main.executableURL { starts.append(main) }
        starts.append(Bundle.main.bundleURL)
        starts += Bundle.allBundles.map(\.bundleURL)
        if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }

        var searched: [String] = []
        for start in starts {
            var directory = start.standardizedFileURL
            for _ in 0...3 {
                let candidate = directory.appendingPathComponent("ddx")
                if !searched.contains(directory.path) {
                    searched.append(directory.path)
                    var isDirectory: ObjCBool = false
                    if files.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                        files.isExecutableFile(atPath: candidate.path)
                    {
                        return .success(candidate)
                    }
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return .failure(.executableNotFound(searched: searched))
    }
}

/// A temporary directory for one test's inputs, outside the repository.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ddx-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `contents` to `name` in the directory.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> URL {
        try write(name, Data(contents.utf8))
    }

    @discardableResult
    func write(_ name: String, _ contents: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try contents.write(to: file)
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

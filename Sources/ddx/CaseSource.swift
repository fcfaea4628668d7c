import Clinical
import Foundation
import Ontology

/// Reads the cases a command was given: a file or `-` for stdin, detected by content;
/// a gzip-compressed file is decompressed on the fly (with the system's gzip).
struct CaseSource {
    let path: String

    /// Reads the input, refusing free text until the text ingestor exists.
    func read() throws -> CaseInput {
        let input: CaseInput
        do {
            input = try isGzip ? readGzip() : CaseLoader().load(path: path)
        } catch let error as CaseInputError {
            throw CommandFailure(error.description)
        }
        if input.isFreeText {
            throw CommandFailure(
                "\(path): looks like free text; clinical vignettes are not yet supported — "
                    + "give a ddx case (JSON with \"findings\"), a GA4GH phenopacket, or JSON Lines of either")
        }
        return input
    }

    private var isGzip: Bool {
        guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 2)) ?? Data()
        return magic == Data([0x1f, 0x8b])
    }

    private func readGzip() throws -> CaseInput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let input = try CaseLoader().load(from: pipe.fileHandleForReading, source: path)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure("\(path): gzip could not decompress the file (exit \(process.terminationStatus))")
        }
        return input
    }
}

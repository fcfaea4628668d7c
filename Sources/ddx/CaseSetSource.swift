import Clinical
import Evaluation
import Foundation
import Knowledge

/// The SET of `ddx eval`: a case input (via ``CaseSource``), or a case-set manifest resolved
/// against its source file, whose SHA-256 must match.
struct CaseSetSource {
    let path: String

    /// The cases, and the manifest when SET was one.
    func read() throws -> (input: CaseInput, manifest: CaseSetManifest?) {
        guard let manifest = manifest() else { return (try CaseSource(path: path).read(), nil) }
        let source = try locate(manifest.source)
        let checksum = try FileChecksum.sha256(of: source)
        guard checksum == manifest.source.sha256 else {
            throw CommandFailure(
                "\(path): the source \(source.path) has SHA-256 \(checksum), but the manifest was drawn from "
                    + "\(manifest.source.sha256); it is another version of \(manifest.source.name)")
        }
        let all = try CaseSource(path: source.path).read()
        var byID: [String: CaseEntry] = [:]
        for entry in all.entries {
            if let id = entry.patientCase?.id, byID[id] == nil { byID[id] = entry }
        }
        let missing = manifest.caseIDs.filter { byID[$0] == nil }
        guard missing.isEmpty else {
            throw CommandFailure(
                "\(path): \(missing.count) case ids are not in \(source.path), e.g. \(missing.prefix(3).joined(separator: ", "))"
            )
        }
        let entries = manifest.caseIDs.compactMap { byID[$0] }
        return (CaseInput(source: source.path, layout: .batch, entries: entries), manifest)
    }

    private func manifest() -> CaseSetManifest? {
        guard path != "-", let data = FileManager.default.contents(atPath: path) else { return nil }
        return CaseSetManifest.decode(data)
    }

    /// The source: by its path relative to the manifest, else `../shared/data/<name>` from the
    /// working directory, else `<name>` under `$DDX_SHARED_DATA`.
    private func locate(_ source: CaseSetManifest.Source) throws -> URL {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var candidates = [
            folder.appendingPathComponent(source.path).standardizedFileURL,
            URL(fileURLWithPath: "../shared/data").appendingPathComponent(source.name).standardizedFileURL,
        ]
        if let shared = ProcessInfo.processInfo.environment["DDX_SHARED_DATA"] {
            candidates.append(URL(fileURLWithPath: shared).appendingPathComponent(source.name))
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return found }
        throw CommandFailure(
            "\(path): cannot find the source \(source.name) (looked at \(candidates.map(\.path).joined(separator: ", "))); "
                + "set DDX_SHARED_DATA to the folder that holds it")
    }
}

import Foundation
import Knowledge
import Testing

@Suite struct AtomicFileTests {
    /// A fresh, empty folder for one test.
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ddx-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writeReplacesAnExistingFileAndLeavesNothingElse() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("kb.sqlite")
        try Data("old".utf8).write(to: file)
        try AtomicFile.write(Array("new".utf8), to: file)
        #expect(try Data(contentsOf: file) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["kb.sqlite"])
    }

    @Test func replaceMovesTheTemporaryFileIntoPlace() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("concepts.dictionary")
        try Data("old".utf8).write(to: file)
        let temporary = AtomicFile.temporaryURL(beside: file)
        #expect(temporary.deletingLastPathComponent().path == folder.path)
        #expect(temporary.lastPathComponent.hasPrefix(".concepts.dictionary."))
        #expect(temporary.pathExtension == "tmp")
        #expect(temporary != AtomicFile.temporaryURL(beside: file))
        try Data("new".utf8).write(to: temporary)
        try AtomicFile.replace(file, with: temporary)
        #expect(try Data(contentsOf: file) == Data("new".utf8))
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
    }

    @Test func aFailedReplaceKeepsTheOldFileAndRemovesTheTemporaryOne() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let occupied = folder.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(
            at: occupied.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let temporary = AtomicFile.temporaryURL(beside: occupied)
        try Data("new".utf8).write(to: temporary)
        #expect(throws: AtomicFileError.self) { try AtomicFile.replace(occupied, with: temporary) }
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
        #expect(FileManager.default.fileExists(atPath: occupied.appendingPathComponent("inside").path))
    }

    @Test func writingIntoAMissingFolderThrowsAndNamesThePath() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("missing/kb.sqlite")
        #expect {
            try AtomicFile.write([1, 2, 3], to: file)
        } throws: { error in
            (error as? AtomicFileError)?.path == file.path
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

import Foundation
import Testing

@testable import Clinical

@Suite struct CaseLoaderSizeLimitTests {
    @Test func aDocumentOverTheLimitIsRefused() throws {
        let text = #"{"id": "a", "text": "\#(String(repeating: "x", count: 2000))"}"#
        let error = try #require(Fixtures.loadError(Data(text.utf8), sizeLimit: 1024))
        #expect(error.kind == .tooLarge)
        #expect(error.reason.contains("is \(text.utf8.count) bytes"))
        #expect(error.reason.contains("1 KiB"))
    }

    @Test func aMultiLineDocumentOverTheLimitIsRefused() throws {
        let text =
            "{\n" + String(repeating: "  \"padding\": \"xxxxxxxxxxxxxxxxxxxxxxxx\",\n", count: 100)
            + "  \"text\": \"x\"\n}"
        let error = try #require(Fixtures.loadError(Data(text.utf8), sizeLimit: 1024))
        #expect(error.kind == .tooLarge)
    }

    @Test func aBatchLineOverTheLimitFailsOnlyItself() throws {
        let lines = [
            #"{"id": "a", "text": "x"}"#,
            #"{"id": "b", "text": "\#(String(repeating: "y", count: 3000))"}"#,
            #"{"id": "c", "text": "z"}"#,
        ]
        let input = try Fixtures.load(lines.joined(separator: "\n"), source: "cases.jsonl", sizeLimit: 1024)
        #expect(input.cases.map(\.id) == ["a", "c"])
        #expect(input.errors.map(\.kind) == [.tooLarge])
        #expect(input.errors.first?.line == 2)
    }

    @Test func anOverLongFirstLineStillLetsTheBatchGoOn() throws {
        let lines = [
            #"{"id": "a", "text": "\#(String(repeating: "y", count: 3000))"}"#,
            #"{"id": "b", "text": "z"}"#,
        ]
        let input = try Fixtures.load(lines.joined(separator: "\n"), source: "cases.jsonl", sizeLimit: 1024)
        #expect(input.layout == .batch)
        #expect(input.cases.map(\.id) == ["b"])
        #expect(input.errors.map(\.line) == [1])
        #expect(input.errors.first?.reason.contains("the line is 3023 bytes") == true)
    }

    @Test func a100MBSingleLineFailsWithTheDefaultLimit() throws {
        let url = Fixtures.temporaryURL("huge.json")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try writeLine(ofMegabytes: 100, to: url)

        var caught: CaseInputError?
        do throws(CaseInputError) { _ = try CaseLoader().load(path: url.path) } catch { caught = error }
        let error = try #require(caught)
        #expect(error.kind == .tooLarge)
        #expect(error.reason.contains("64 MiB"))
    }

    /// `{"text": "aaaa…` with no newline, written a megabyte at a time.
    private func writeLine(ofMegabytes megabytes: Int, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: Data(#"{"text": ""#.utf8)),
            let handle = FileHandle(forWritingAtPath: url.path)
        else { throw FixtureError(reason: "cannot create \(url.path)") }
        defer { try? handle.close() }
        try handle.seekToEnd()
        let megabyte = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<megabytes { try handle.write(contentsOf: megabyte) }
    }
}

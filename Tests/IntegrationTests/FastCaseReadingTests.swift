import Clinical
import Foundation
import Testing

/// The case loader leaves out the parts of a phenopacket no reader looks at
/// (``JSONPruning/patientCase``); every development phenopacket must still read as it does
/// when parsed whole.
@Suite struct PrunedCaseReadingTests {
    @Test(.enabled(if: RealData.hasSharedData, "needs ../shared/data"))
    func everyDevelopmentPhenopacketReadsAsWhenParsedWhole() throws {
        let loaded = try RealData.developmentCases.get()
        let lines = try Self.decompressedLines(of: RealData.phenopackets)
        #expect(lines.count == loaded.count)
        #expect(loaded.count > 1000)
        for (offset, (line, read)) in zip(lines, loaded).enumerated() {
            let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
            let object = try #require(parsed as? [String: Any])
            let location = InputLocation(source: RealData.phenopackets.path, line: offset + 1)
            let whole = try CaseLoader().readCase(object, at: location)
            #expect(whole == read, "line \(offset + 1)")
        }
    }

    private static func decompressedLines(of url: URL) throws -> [Substring] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
    }
}

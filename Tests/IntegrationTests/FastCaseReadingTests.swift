import Clinical
import Foundation
import Testing

/// The faster ways of reading a case must give the case the plain way gives: every development
/// phenopacket parsed whole by `JSONSerialization` and read by the loader.
@Suite struct FastCaseReadingTests {
    @Test(.enabled(if: RealData.hasSharedData, "needs ../shared/data"))
    func everyDevelopmentPhenopacketReadsAsWhenParsedWhole() throws {
        let loaded = try RealData.developmentCases.get()
        let lines = try Self.developmentLines()
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

    /// The daemon reads a plain phenopacket straight from its text (``PlainPhenopacket``).
    @Test(.enabled(if: RealData.hasSharedData, "needs ../shared/data"))
    func plainPhenopacketsReadAsWhenParsedWhole() throws {
        let lines = try Self.developmentLines()
        var plain = 0
        for (offset, line) in lines.enumerated() {
            let location = InputLocation(source: "params.case")
            var text = String(line)
            guard let fast = text.withUTF8({ PlainPhenopacket.read($0, at: location) }) else { continue }
            plain += 1
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(try CaseLoader().readCase(object, at: location) == fast, "line \(offset + 1)")
        }
        // Nearly every phenopacket has the plain shape (those that do not are read the usual way).
        #expect(plain * 100 >= lines.count * 95, "\(plain) of \(lines.count) plain")
    }

    private static func developmentLines() throws -> [Substring] {
        let data = try RealData.decompressingPhenopackets { $0.readDataToEndOfFile() }
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
    }
}

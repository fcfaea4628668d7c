import Foundation
import Testing

/// `ddx serve --stdio` on what a parent process may hand it: a reader slower than the daemon,
/// and /dev/null, which cannot be polled.
@Suite struct ServeStdioTests {
    /// `ddx serve --stdio` over the baseline model, with `audit` (an audit option) and the
    /// given standard streams; started.
    private static func daemon(
        audit: [String] = ["--no-audit"], input: Any, output: Any, errors: Any
    ) throws -> Process {
        try CLIRunner.knowledgeBaseReady.get()
        let process = Process()
        process.executableURL = try CLIRunner.executable.get()
        process.arguments = ["serve", "--stdio", "--model", "baseline", "--log-level", "error"] + audit
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return process
    }

    /// A rank request for the example case, on one line.
    private static func marfanRequest(id: Int, top: Int = 10) throws -> String {
        let marfan = try String(contentsOf: CLITests.cases.appendingPathComponent("marfan.json"), encoding: .utf8)
        let oneLine = marfan.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        return #"{"jsonrpc":"2.0","id":\#(id),"method":"rank","params":{"case":\#(oneLine),"top":\#(top)}}"#
    }

    /// When its input ends, the daemon closes its output only after every answer has gone out,
    /// however many wait behind the pipe.
    @Test func everyAnswerReachesAReaderThatStartsLate() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // The example case a thousand times, answered from memory after the first: about 10 MB
        // of answers, far more than the pipe and the daemon's write buffer hold.
        let count = 1000
        let requests = try (1...count).map { try Self.marfanRequest(id: $0) }
        let input = try scratch.write("requests.jsonl", requests.joined(separator: "\n") + "\n")
        let output = Pipe()
        let process = try Self.daemon(
            audit: ["--audit", scratch.url.appendingPathComponent("audit.sqlite").path],
            input: try FileHandle(forReadingFrom: input), output: output, errors: FileHandle.nullDevice)
        // Not read until the daemon has had ample time to answer everything: one that dropped
        // what the pipe could not take would have exited by then.
        let readFrom = ContinuousClock.now + .seconds(5)
        while process.isRunning, ContinuousClock.now < readFrom { try await Task.sleep(for: .milliseconds(200)) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == count)
        #expect(lines.last?.hasSuffix("}") == true)
    }

    /// One answer larger than a pipe holds (top 100 with evidence, about 270 KB), then end of
    /// input: the daemon closes its output only once all of it is out.
    @Test func anAnswerLargerThanThePipeIsWrittenWholeBeforeTheEnd() throws {
        let input = Pipe()
        let output = Pipe()
        let process = try Self.daemon(input: input, output: output, errors: FileHandle.nullDevice)
        input.fileHandleForWriting.write(Data((try Self.marfanRequest(id: 1, top: 100) + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(data.count > 65_536)
        let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let differential = (answer?["result"] as? [String: Any])?["differential"] as? [Any]
        #expect(differential?.count == 100)
    }

    /// A supervisor or a container may start the daemon with stdin and stdout on /dev/null:
    /// it reads end of input and exits 0 (not a crash in the event loop).
    @Test func devNullOnStdinAndStdoutIsAnEmptySession() throws {
        let errors = Pipe()
        let process = try Self.daemon(input: FileHandle.nullDevice, output: FileHandle.nullDevice, errors: errors)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(message.isEmpty)
    }
}

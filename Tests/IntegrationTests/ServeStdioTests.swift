import Foundation
import Testing

/// `ddx serve --stdio` on what a parent process may hand it: a reader slower than the daemon,
/// and /dev/null, which cannot be polled.
@Suite struct ServeStdioTests {
    /// When its input ends, the daemon closes its output only after every answer has gone out,
    /// however many wait behind the pipe.
    @Test func everyAnswerReachesAReaderThatStartsLate() async throws {
        try CLIRunner.knowledgeBaseReady.get()
        let scratch = try Scratch()
        defer { scratch.remove() }
        // The example case a thousand times, answered from memory after the first: about 10 MB
        // of answers, far more than the pipe and the daemon's write buffer hold.
        let count = 1000
        let marfan = try String(contentsOf: CLITests.cases.appendingPathComponent("marfan.json"), encoding: .utf8)
        let oneLine = marfan.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        let requests = (1...count).map {
            #"{"jsonrpc":"2.0","id":\#($0),"method":"rank","params":{"case":\#(oneLine)}}"#
        }
        let input = try scratch.write("requests.jsonl", requests.joined(separator: "\n") + "\n")

        let process = Process()
        process.executableURL = try CLIRunner.executable.get()
        process.arguments = [
            "serve", "--stdio", "--model", "baseline", "--audit",
            scratch.url.appendingPathComponent("audit.sqlite").path,
            "--log-level", "error",
        ]
        process.standardInput = try FileHandle(forReadingFrom: input)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
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
        try CLIRunner.knowledgeBaseReady.get()
        let marfan = try String(contentsOf: CLITests.cases.appendingPathComponent("marfan.json"), encoding: .utf8)
        let oneLine = marfan.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        let request = #"{"jsonrpc":"2.0","id":1,"method":"rank","params":{"case":\#(oneLine),"top":100}}"# + "\n"
        let process = Process()
        process.executableURL = try CLIRunner.executable.get()
        process.arguments = ["serve", "--stdio", "--model", "baseline", "--no-audit", "--log-level", "error"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(request.utf8))
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
        try CLIRunner.knowledgeBaseReady.get()
        let process = Process()
        process.executableURL = try CLIRunner.executable.get()
        process.arguments = ["serve", "--stdio", "--model", "baseline", "--no-audit", "--log-level", "error"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(message.isEmpty)
    }
}

import ArgumentParser
import Clinical
import Foundation
import Server

/// `ddx loadtest`: drives a running `ddx serve` with real cases and reports throughput and latency.
struct LoadtestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loadtest",
        abstract: "Send rank requests of real cases to a running `ddx serve`; report throughput and latency.",
        discussion: """
            Opens --connections TCP connections to --address, each keeping --pipeline requests \
            in flight, until --requests rank requests have been answered. Cases come from \
            --cases (JSON Lines of ddx cases or phenopackets, may be gzip-compressed; default \
            ../shared/data/phenopacket-store/phenopackets-dev.jsonl.gz), sent in the order \
            --case-order gives. Latency is from writing a request to reading its answer. Exit \
            code 1 when any request failed.
            """)

    @Option(help: "HOST:PORT of the daemon.") var address = "127.0.0.1:7411"
    @Option(help: "Concurrent connections.") var connections = 16
    @Option(help: "Requests in all.") var requests = 20_000
    @Option(help: "Requests each connection keeps in flight.") var pipeline = 1
    @Option(help: "Cases to send (JSON Lines).") var cases =
        "../shared/data/phenopacket-store/phenopackets-dev.jsonl.gz"
    @Option(help: "Use at most this many distinct cases.") var limit = 1000
    @Option(help: "Candidates per answer.") var top = 10
    @Option(help: "The daemon's shared secret, if it needs one.") var token: String?
    @Option(help: "text or json.") var format: OutputFormat = .text
    @Option(help: "rank, or normalize to measure the daemon without ranking.") var method = "rank"
    @Option(
        help: """
            spread: request n of the test sends case n, so no case is asked for twice at once; \
            per-connection: every connection sends the cases in the same order, so the \
            connections ask for the same case at about the same time; random: each request \
            draws a case (the same draws in every run).
            """)
    var caseOrder: CaseOrder = .spread

    func validate() throws {
        guard ["rank", "normalize"].contains(method) else { throw ValidationError("--method: rank or normalize") }
        guard connections >= 1, requests >= 1, pipeline >= 1, limit >= 1 else {
            throw ValidationError("--connections, --requests, --pipeline and --limit must be at least 1")
        }
    }

    func run() throws {
        let (host, port) = try ServeCommand.hostAndPort(address)
        let objects = try caseObjects()
        var generator = LoadGenerator(host: host, port: port, cases: objects)
        generator.connections = connections
        generator.requests = requests
        generator.pipeline = pipeline
        generator.top = top
        generator.token = token
        generator.method = method
        generator.order = caseOrder
        Terminal.note("loadtest: \(requests) requests of \(objects.count) cases over \(connections) connections")
        let progress = SharedProgressBar(total: requests, label: "loadtest")
        let configured = generator
        let report: LoadReport
        do {
            report = try Self.blocking {
                try await configured.run { progress.update($0) }
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(address): \(error) (is `ddx serve` listening there?)")
        }
        print(report)
        if report.errors > 0 { throw ExitCode(1) }
    }

    private func print(_ report: LoadReport) {
        let figures: [String: Any] = [
            "connections": report.connections, "requests": report.requests, "errors": report.errors,
            "seconds": rounded(report.seconds), "throughput_per_second": rounded(report.throughput),
            "latency_ms": [
                "p50": rounded(report.percentile(0.5)), "p90": rounded(report.percentile(0.9)),
                "p99": rounded(report.percentile(0.99)), "max": rounded(report.latencies.last ?? 0),
            ],
            "pipeline": pipeline, "method": method,
        ]
        switch format {
        case .json:
            let data = (try? JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])) ?? Data()
            Terminal.output(String(decoding: data, as: UTF8.self))
        case .text:
            Terminal.output(
                "\(report.requests) requests over \(report.connections) connections (pipeline \(pipeline)) in "
                    + String(format: "%.2f s: %.0f requests/s", report.seconds, report.throughput))
            Terminal.output(
                String(
                    format: "latency ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f", report.percentile(0.5),
                    report.percentile(0.9), report.percentile(0.99), report.latencies.last ?? 0))
            Terminal.output("errors: \(report.errors)")
        }
        for sample in report.errorSamples { Terminal.warning("error response: \(sample)") }
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// The first --limit non-blank lines of --cases, each a JSON object, as text.
    private func caseObjects() throws -> [String] {
        let data: Data
        if let handle = FileHandle(forReadingAtPath: cases) {
            let magic = (try? handle.read(upToCount: 2)) ?? Data()
            try? handle.close()
            data =
                magic == CaseLoader.gzipSignature
                ? try gunzip(cases) : (FileManager.default.contents(atPath: cases) ?? Data())
        } else {
            throw CommandFailure("\(cases): no such file (give --cases FILE)")
        }
        var objects: [String] = []
        for (number, line) in data.split(separator: 0x0A).enumerated() where objects.count < limit {
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any] else {
                throw CommandFailure("\(cases):\(number + 1): expected one JSON object per line")
            }
            objects.append(text)
        }
        guard !objects.isEmpty else { throw CommandFailure("\(cases): no cases") }
        return objects
    }

    private func gunzip(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandFailure("\(path): gzip could not decompress it") }
        return data
    }

    private static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            semaphore.signal()
        }
        semaphore.wait()
        guard let result = box.result else { throw CommandFailure("loadtest: no result") }
        return try result.get()
    }
}

/// A result handed from a task to the thread waiting for it (written before the signal, read after).
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

extension CaseOrder: ExpressibleByArgument {}

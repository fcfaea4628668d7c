import ArgumentParser
import Foundation
import Logging
import Ranking
import Server
import Service

/// `ddx serve`: the EHR integration daemon — JSON-RPC 2.0 over newline-delimited JSON.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the JSON-RPC daemon (TCP or stdio) that interface engines call to rank cases.",
        discussion: """
            One JSON-RPC 2.0 request per line in, one response per line out. Methods: rank \
            (params {"case": <ddx case or phenopacket>, "top": 10}), normalize (params \
            {"case": ...}), health, info. Batches (JSON arrays) and notifications (no id: no \
            response) are supported; pipelined requests are answered as they finish, matched by id.

            Errors: -32700 parse error, -32600 invalid request (also a line over --max-line-bytes, \
            whose remaining bytes are skipped up to the next newline), -32601 method not found, \
            -32602 invalid params, -32603 internal error, -32000 deadline exceeded (waited or \
            ran past --deadline), -32001 overloaded (connection limit, or shutting down), -32002 \
            unauthorized. Each error's `data` says what was wrong.

            Listening on an address other than loopback requires --token (or $DDX_SERVE_TOKEN): \
            every request must then carry the secret as a top-level "token" member (or \
            params.token). SIGTERM or SIGINT (also during start-up): stop accepting, \
            answer every line read (those read after the first 100 ms with -32001), write the \
            audit log, exit 0. The audit log (SQLite, $DDX_HOME/audit.sqlite by default) \
            keeps per clinical request its id, time, method, SHA-256 of the normalized case, \
            top-10 ids, versions, latency and error code; `ddx audit` lists it.

            A rank or normalize request whose params are byte for byte those of an earlier \
            successful one is answered from memory (--answer-cache-megabytes), audited like any \
            other: answers depend only on the params, the knowledge base and the model.
            """)

    @Option(help: "HOST:PORT to listen on (port 0: any free port).") var listen = "127.0.0.1:7411"
    @Flag(help: "Serve on stdin/stdout instead of TCP.") var stdio = false
    @Option(help: "Ranker: \(ModelName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: ModelName = .default
    @Option(help: "Shared secret every request must carry (required off loopback).") var token: String?
    @Option(help: "Audit log file (default: $DDX_HOME/audit.sqlite).") var audit: String?
    @Flag(help: "Keep no audit log.") var noAudit = false
    @Flag(help: "Log request params, case contents included (off by default).") var logCases = false
    @Option(help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"
    @Option(help: "Longest request line in bytes.") var maxLineBytes = 1 << 20
    @Option(help: "Most requests in one batch.") var maxBatch = 100
    @Option(help: "Most open connections.") var maxConnections = 256
    @Option(help: "Most lines in flight per connection (then it is not read).") var maxInFlightPerConnection = 32
    @Option(help: "Most lines in flight in all.") var maxInFlight = 256
    @Option(help: "Seconds a connection may go without a complete line while nothing is in flight; then it is closed.")
    var idleTimeout = 300.0
    @Option(help: "Seconds a request may take (waiting and running) before it is answered with -32000.")
    var deadline = 10.0
    @Option(help: "Seconds in-flight requests get on shutdown.") var shutdownGrace = 10.0
    @Option(help: "Worker threads (default: one per core).") var workers: Int?
    @Option(
        help: """
            Megabytes of answers kept for rank and normalize requests whose params repeat an earlier \
            request's byte for byte (0: keep none).
            """)
    var answerCacheMegabytes = 256

    func validate() throws {
        for (name, value) in [
            ("--max-line-bytes", maxLineBytes), ("--max-batch", maxBatch), ("--max-connections", maxConnections),
            ("--max-in-flight-per-connection", maxInFlightPerConnection), ("--max-in-flight", maxInFlight),
        ] where value < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
        for (name, value) in [("--idle-timeout", idleTimeout), ("--deadline", deadline)] where !(value > 0) {
            throw ValidationError("\(name) must be more than 0 seconds")
        }
        guard shutdownGrace >= 0 else { throw ValidationError("--shutdown-grace must not be negative") }
        // Longer times would overflow the event loop's clock arithmetic (nanoseconds in 64 bits).
        for (name, value) in [
            ("--idle-timeout", idleTimeout), ("--deadline", deadline), ("--shutdown-grace", shutdownGrace),
        ] where value > Self.longestTime {
            throw ValidationError("\(name) must be at most \(Int(Self.longestTime)) seconds (a day)")
        }
        guard answerCacheMegabytes >= 0 else { throw ValidationError("--answer-cache-megabytes must not be negative") }
        if let token, token.isEmpty { throw ValidationError("--token must not be empty") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level") }
        if !stdio {
            let (host, _) = try Self.hostAndPort(listen)
            if !Self.isLoopback(host) && secret == nil {
                throw ValidationError(
                    "--listen \(listen) is not a loopback address: give --token SECRET (or set DDX_SERVE_TOKEN)")
            }
        }
    }

    /// The longest time option accepted, in seconds (a day).
    static let longestTime = 86_400.0

    func run() throws {
        // Caught before anything else: SIGTERM while the knowledge base and model load (seconds)
        // must not kill the process with the default action (exit 143).
        let signals = ShutdownSignals()
        let logger = Self.makeLogger(level: Logger.Level(rawValue: logLevel) ?? .info)
        let workspace = Workspace()
        let index = try workspace.loadIndex()
        let ranker = try workspace.ranker(model, index: index)
        // The concept dictionary is read (or built) before serving, not by the first text request.
        let ingestor = workspace.ingestor(for: index.knowledgeBase)
        ingestor.prepareRecognizer()
        if let number = signals.received {
            logger.info("signal \(number) during start-up: stopped before serving")
            return
        }
        let endpoint: RPCServer.Endpoint
        if stdio {
            endpoint = .stdio
        } else {
            let (host, port) = try Self.hostAndPort(listen)
            endpoint = .tcp(host: host, port: port)
        }
        var daemon = Daemon(
            endpoint: endpoint,
            cases: CaseService(
                knowledgeBase: index.knowledgeBase, ranker: ranker, ingestor: ingestor),
            logger: logger)
        daemon.limits = limits
        daemon.token = secret
        daemon.logCases = logCases
        daemon.auditPath =
            noAudit ? nil : audit ?? workspace.directory.root.appendingPathComponent("audit.sqlite").path
        if let workers { daemon.workers = workers }
        daemon.signals = signals
        do {
            try daemon.runBlocking()
        } catch {
            throw CommandFailure("serve \(stdio ? "--stdio" : "--listen \(listen)"): \(error)")
        }
    }

    private var secret: String? {
        token ?? ProcessInfo.processInfo.environment["DDX_SERVE_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private var limits: ServerLimits {
        var limits = ServerLimits()
        limits.maxLineBytes = maxLineBytes
        limits.maxBatchSize = maxBatch
        limits.maxConnections = maxConnections
        limits.maxInFlightPerConnection = maxInFlightPerConnection
        limits.maxInFlight = maxInFlight
        limits.idleTimeout = .milliseconds(Int64(idleTimeout * 1000))
        limits.requestDeadline = .milliseconds(Int64(deadline * 1000))
        limits.shutdownGrace = .milliseconds(Int64(shutdownGrace * 1000))
        limits.answerCacheBytes = answerCacheMegabytes << 20
        return limits
    }

    /// `HOST:PORT`, `[IPv6]:PORT`.
    static func hostAndPort(_ address: String) throws -> (String, Int) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65535).contains(port)
        else {
            throw ValidationError("--listen \(address): expected HOST:PORT, e.g. 127.0.0.1:7411")
        }
        var host = String(address[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ValidationError("--listen \(address): the host is missing") }
        return (host, port)
    }

    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        // An IPv4 address in 127.0.0.0/8; a host name that merely starts with "127." may be anywhere.
        var address = in_addr()
        return host.hasPrefix("127.") && inet_pton(AF_INET, host, &address) == 1
    }

    /// Log lines on stderr, so stdout carries only responses (in --stdio mode).
    static func makeLogger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "ddx.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level
        return logger
    }
}

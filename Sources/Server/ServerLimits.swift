/// The daemon's limits: how much it reads, holds and waits for, per connection and overall.
public struct ServerLimits: Sendable, Equatable {
    /// The longest request line, in bytes (newline excluded). A longer line is answered with
    /// -32600 as soon as the limit is passed; its remaining bytes are skipped up to the next
    /// newline, and the connection goes on with the line after it.
    public var maxLineBytes = 1 << 20
    /// The most requests one JSON-RPC batch may hold.
    public var maxBatchSize = 100
    /// Open connections; one more is answered with -32001 and closed.
    public var maxConnections = 256
    /// Lines being processed for one connection; while at the limit it is not read from.
    public var maxInFlightPerConnection = 32
    /// Lines being processed for all connections together; while at the limit, no connection
    /// with work waiting is read from.
    public var maxInFlight = 256
    /// A connection with nothing in flight that completes no line for this long is closed.
    public var idleTimeout: Duration = .seconds(300)
    /// A request not started this long after its line was read is answered with -32000
    /// instead of being run; one that finishes later than this is answered with -32000
    /// instead of its result (a running ranker is not interrupted).
    public var requestDeadline: Duration = .seconds(10)
    /// On shutdown, how long in-flight requests are given to finish.
    public var shutdownGrace: Duration = .seconds(10)
    /// On shutdown, a connection whose lines are all answered closes once its client has sent
    /// nothing for this long (lines still coming are answered with -32001).
    public var drainQuietPeriod: Duration = .milliseconds(200)
    /// Bytes of answers the daemon keeps for `rank` and `normalize` requests whose params are
    /// byte for byte those of an earlier successful request (``AnswerCache``); 0: none kept.
    public var answerCacheBytes = 256 << 20

    public init() {}
}

import NIOConcurrencyHelpers
import NIOCore

/// Counters the `health` method reports and the server's drain logic reads.
public final class ServerStatus: Sendable {
    private struct Counters {
        var connections = 0
        var inFlight = 0
        var answered = 0
        var draining = false
    }

    private let counters = NIOLockedValueBox(Counters())
    private let started = NIODeadline.now()

    public init() {}

    /// Open connections.
    public var connections: Int { counters.withLockedValue { $0.connections } }
    /// Lines being processed.
    public var inFlight: Int { counters.withLockedValue { $0.inFlight } }
    /// Responses written so far.
    public var answered: Int { counters.withLockedValue { $0.answered } }
    /// Whether the server is shutting down.
    public var isDraining: Bool { counters.withLockedValue { $0.draining } }

    /// Counts a new connection, unless `limit` are open already.
    func openConnection(limit: Int) -> Bool {
        counters.withLockedValue { counters in
            guard counters.connections < limit else { return false }
            counters.connections += 1
            return true
        }
    }

    func closeConnection() { counters.withLockedValue { $0.connections -= 1 } }

    func beginLine() { counters.withLockedValue { $0.inFlight += 1 } }

    func endLine(responses: Int) {
        counters.withLockedValue {
            $0.inFlight -= 1
            $0.answered += responses
        }
    }

    /// Counts answers given without processing a line on a worker (from the answer cache).
    func countAnswers(_ responses: Int) { counters.withLockedValue { $0.answered += responses } }

    func beginDraining() { counters.withLockedValue { $0.draining = true } }

    /// The `health` result.
    var health: [String: Any] {
        let snapshot = counters.withLockedValue { $0 }
        let uptime = Double((NIODeadline.now() - started).nanoseconds) / 1e9
        return [
            "status": snapshot.draining ? "draining" : "ok", "connections": snapshot.connections,
            "in_flight": snapshot.inFlight, "answered": snapshot.answered,
            "uptime_seconds": (uptime * 10).rounded() / 10,
        ]
    }
}

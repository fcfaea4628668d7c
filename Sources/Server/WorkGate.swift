import NIOConcurrencyHelpers
import NIOCore

/// Permits for work in flight across all connections. A connection that finds none left
/// waits, and the next permit released is handed to the first waiter (on whatever thread
/// releases it; the waiter hops to its own event loop).
final class WorkGate: Sendable {
    typealias Waiter = @Sendable () -> Void

    private struct State {
        var available: Int
        var waiters = CircularBuffer<Waiter>()
    }

    private let state: NIOLockedValueBox<State>

    init(permits: Int) {
        state = NIOLockedValueBox(State(available: max(1, permits)))
    }

    /// Takes a permit now (true), or queues `waiter` to be called with one later (false).
    func acquire(orWait waiter: @escaping Waiter) -> Bool {
        state.withLockedValue { state in
            if state.available > 0 {
                state.available -= 1
                return true
            }
            state.waiters.append(waiter)
            return false
        }
    }

    /// Returns a permit, handing it straight to the first waiter if there is one.
    func release() {
        let waiter: Waiter? = state.withLockedValue { state in
            if let first = state.waiters.popFirst() { return first }
            state.available += 1
            return nil
        }
        waiter?()
    }
}

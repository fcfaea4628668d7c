import Dispatch
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGTERM and SIGINT, caught from the moment this is made (the first thing `ddx serve` does,
/// before loading the knowledge base and the model), so that a signal during start-up no
/// longer kills the process with the default action (exit 143): it is remembered, and the
/// daemon shuts down gracefully as soon as it can — at once, if it is not yet serving.
///
/// The daemon's service group is told through ``onSignal(_:)``; a signal that came before
/// the handler was set runs it when it is set.
public final class ShutdownSignals: Sendable {
    /// The sources are only touched under the lock.
    private struct State: @unchecked Sendable {
        var received: Int32?
        var handler: (@Sendable (Int32) -> Void)?
        var sources: [any DispatchSourceSignal] = []
    }

    private let state = NIOLockedValueBox(State())

    /// Starts catching `signals` (default: SIGTERM and SIGINT) instead of letting them end the
    /// process; returns once Dispatch delivers them (a signal before that would be lost, not fatal).
    public init(catching signals: [Int32] = [SIGTERM, SIGINT]) {
        let queue = DispatchQueue(label: "ddx.shutdown-signals")
        let registered = DispatchGroup()
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            // The default action (ending the process) must not run; Dispatch still delivers
            // ignored signals, once its source is registered (asynchronously: waited for below).
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.received(number) }
            registered.enter()
            source.setRegistrationHandler { registered.leave() }
            source.resume()
            sources.append(source)
        }
        _ = registered.wait(timeout: .now() + .seconds(5))
        state.withLockedValue { $0.sources = sources }
    }

    /// The first signal received, if any.
    public var received: Int32? { state.withLockedValue { $0.received } }

    /// Calls `handler` with the first signal: now, if one came already, or when it comes.
    /// Later signals call it again.
    public func onSignal(_ handler: @escaping @Sendable (Int32) -> Void) {
        let earlier = state.withLockedValue { state in
            state.handler = handler
            return state.received
        }
        if let earlier { handler(earlier) }
    }

    private func received(_ number: Int32) {
        let handler = state.withLockedValue { state in
            if state.received == nil { state.received = number }
            return state.handler
        }
        handler?(number)
    }

    /// Stops catching: the signals' sources are cancelled.
    public func cancel() {
        let sources = state.withLockedValue { state in
            defer { state.sources = [] }
            return state.sources
        }
        for source in sources { source.cancel() }
    }
}

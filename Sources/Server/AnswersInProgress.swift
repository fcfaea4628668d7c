import Synchronization

/// The `rank` and `normalize` answers being computed right now, by answer-cache key, and the
/// requests with the same params that wait for them instead of computing them again.
///
/// Clients that replay one list of cases over several connections ask for the same case at
/// about the same time; without this each of them would rank it (measured: three times the
/// daemon's CPU with 16 connections replaying 302 cases, Evaluation/daemon.md). A request that
/// finds its params under way waits; when the computation ends its waiters look in the answer
/// cache again, and any that still miss (the answer was an error, or too large to keep) run
/// in full themselves.
final class AnswersInProgress: Sendable {
    private struct State {
        var waiters: [AnswerCache.Key: [@Sendable () -> Void]] = [:]
        var coalesced = 0
    }

    private let state = Mutex(State())

    /// Requests that waited for another's answer, so far.
    var coalesced: Int { state.withLock { $0.coalesced } }

    /// Marks `key` as being computed. False when it already is (the caller computes it again
    /// without leading: it raced another connection to the start).
    func begin(_ key: AnswerCache.Key) -> Bool {
        state.withLock { state in
            guard state.waiters[key] == nil else { return false }
            state.waiters[key] = []
            return true
        }
    }

    /// Registers `resume` to be called once the computation of `key` under way ends. False,
    /// and nothing registered, when none is under way.
    func wait(for key: AnswerCache.Key, _ resume: @escaping @Sendable () -> Void) -> Bool {
        state.withLock { state in
            guard state.waiters[key] != nil else { return false }
            state.waiters[key, default: []].append(resume)
            state.coalesced += 1
            return true
        }
    }

    /// Ends the computation of `key` (begun with ``begin(_:)``) and resumes its waiters.
    func end(_ key: AnswerCache.Key) {
        let waiters = state.withLock { $0.waiters.removeValue(forKey: key) } ?? []
        for resume in waiters { resume() }
    }
}

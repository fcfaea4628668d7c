import Crypto
import NIOCore
import Synchronization

/// Answers already given, keyed by the SHA-256 of the method and the params bytes.
///
/// A method's answer depends only on its params, the knowledge base and the model, all fixed
/// for the daemon's life, so a request whose params are byte for byte those of an earlier
/// successful one gets the earlier answer without being parsed, normalized or ranked again.
/// Interface engines send the same case again (each time a chart is opened, on retries), and a
/// load test cycling through a case set does too. Only successful answers are kept.
///
/// The cache holds at most ``capacity`` bytes of answers, as allocated. When a new answer
/// would pass it, entries chosen at random make room: random rather than least recently used,
/// so that a client cycling through more cases than fit still finds a share of them.
final class AnswerCache: Sendable {
    /// SHA-256 of a method name and its params bytes.
    struct Key: Hashable, Sendable {
        private var first: UInt64
        private var second: UInt64
        private var third: UInt64
        private var fourth: UInt64

        init(method: String, params: UnsafeRawBufferPointer) {
            var hasher = SHA256()
            var name = method
            name.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            hasher.update(data: [0])
            hasher.update(bufferPointer: params)
            (first, second, third, fourth) = hasher.finalize().withUnsafeBytes { digest in
                (
                    digest.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                    digest.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                    digest.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
                    digest.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                )
            }
        }
    }

    /// A kept answer: the `result` member, ready to be written, and what the audit log keeps.
    struct Answer: Sendable {
        var result: ByteBuffer
        var caseDigest: String?
        var topIDs: [String]

        init(_ outcome: MethodOutcome) {
            result = ByteBuffer(bytes: outcome.result)
            caseDigest = outcome.caseDigest
            topIDs = outcome.topIDs
        }
    }

    /// How full the cache is and how often it answered.
    struct Statistics: Equatable, Sendable {
        var entries: Int
        var bytes: Int
        var hits: Int
        var misses: Int
    }

    private struct Store {
        var answers: [Key: (answer: Answer, slot: Int)] = [:]
        /// The keys, so that one can be picked at random.
        var keys: [Key] = []
        var bytes = 0
        var hits = 0
        var misses = 0
    }

    /// The most bytes of answers held.
    let capacity: Int
    private let store = Mutex(Store())

    init(capacity: Int) {
        self.capacity = capacity
    }

    var statistics: Statistics {
        store.withLock { store in
            Statistics(entries: store.keys.count, bytes: store.bytes, hits: store.hits, misses: store.misses)
        }
    }

    /// The answer kept for `key`, counted as a hit or a miss.
    func answer(for key: Key) -> Answer? {
        store.withLock { store in
            let found = store.answers[key]?.answer
            if found == nil { store.misses += 1 } else { store.hits += 1 }
            return found
        }
    }

    /// Keeps `outcome` as the answer for `key`, dropping random entries to stay within ``capacity``.
    func keep(_ outcome: MethodOutcome, for key: Key) {
        let answer = Answer(outcome)
        let size = Self.size(of: answer)
        guard size <= capacity else { return }
        var generator = SystemRandomNumberGenerator()
        store.withLock { store in
            guard store.answers[key] == nil else { return }
            while store.bytes + size > capacity, !store.keys.isEmpty {
                Self.remove(slot: Int.random(in: 0..<store.keys.count, using: &generator), from: &store)
            }
            store.answers[key] = (answer, store.keys.count)
            store.keys.append(key)
            store.bytes += size
        }
    }

    private static func remove(slot: Int, from store: inout Store) {
        let key = store.keys[slot]
        guard let removed = store.answers.removeValue(forKey: key) else { return }
        let last = store.keys.removeLast()
        if slot < store.keys.count {
            store.keys[slot] = last
            store.answers[last]?.slot = slot
        }
        store.bytes -= size(of: removed.answer)
    }

    /// What an entry costs: the memory of its answer (a `ByteBuffer` allocates a power of two:
    /// 64 KB for a 35 KB answer), the audit fields and a fixed share for the bookkeeping.
    private static func size(of answer: Answer) -> Int {
        answer.result.capacity + (answer.caseDigest?.utf8.count ?? 0)
            + answer.topIDs.reduce(0) { $0 + $1.utf8.count } + 256
    }
}

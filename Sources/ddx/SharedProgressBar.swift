import Synchronization

/// A ``ProgressBar`` that callbacks on several threads may update.
final class SharedProgressBar: Sendable {
    private let bar: Mutex<ProgressBar>

    init(total: Int, label: String) {
        bar = Mutex(ProgressBar(total: total, label: label))
    }

    func update(_ done: Int) {
        bar.withLock { $0.update(done) }
    }
}

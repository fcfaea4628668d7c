import Dispatch
import Foundation

/// Splits index ranges over the machine's cores for work whose result does not depend on
/// how it is split (elementwise updates, or per-item work written to per-item slots).
public enum ParallelRange {
    /// Calls `body` on consecutive chunks covering `0..<count`, on up to one thread per core;
    /// below `2 × minimumChunk` items, or on one core, it runs `body(0..<count)` on the caller.
    public static func forEachChunk(
        of count: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>) -> Void
    ) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunks = min(cores, count / max(1, minimumChunk))
        guard chunks > 1 else {
            body(0..<count)
            return
        }
        let size = (count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            body((chunk * size)..<min(count, (chunk + 1) * size))
        }
    }

    /// `transform` applied to every index of `0..<count`, in parallel chunks, results in
    /// index order (the same as a sequential map whenever `transform` depends on its index alone).
    public static func map<Result: Sendable>(
        count: Int, minimumChunk: Int, _ transform: @Sendable (Int) -> Result
    ) -> [Result] {
        var slots = [Result?](repeating: nil, count: count)
        slots.withUnsafeMutableBufferPointer { buffer in
            let results = ResultSlots(buffer: buffer)
            forEachChunk(of: count, minimumChunk: minimumChunk) { range in
                for index in range { results.buffer[index] = transform(index) }
            }
        }
        return slots.compactMap { $0 }
    }

    /// Result slots shared by the threads of one ``map(count:minimumChunk:_:)``; each thread
    /// writes only the slots of its own range.
    private struct ResultSlots<Result>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result?>
    }
}

import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Descriptors NIO can serve stdio on. NIO's pipe channel polls its descriptors, which works
/// for pipes and sockets only: a regular file (`ddx serve --stdio < requests.jsonl >
/// answers.jsonl`), `/dev/null` or a terminal on stdin or stdout is put behind a pipe, with a
/// thread copying between them. (`ddx` opens closed standard streams on /dev/null at start-up.)
struct StdioPipes {
    let input: Int32
    let output: Int32
    private let copies = DispatchGroup()

    init() throws {
        input = try Self.isPollable(STDIN_FILENO) ? STDIN_FILENO : Self.pipe(from: STDIN_FILENO, group: copies)
        output = try Self.isPollable(STDOUT_FILENO) ? STDOUT_FILENO : Self.pipe(to: STDOUT_FILENO, group: copies)
    }

    /// Waits until everything written to the output pipe has reached the file (after the
    /// channel closed its end).
    func finish() {
        copies.wait()
    }

    /// A pipe or a socket: NIO can poll it directly.
    private static func isPollable(_ descriptor: Int32) -> Bool {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFSOCK
    }

    /// A pipe's read end, fed from `source` by a thread.
    private static func pipe(from source: Int32, group: DispatchGroup) throws -> Int32 {
        let (readEnd, writeEnd) = try makePipe()
        copy(from: source, to: writeEnd, closing: writeEnd, group: nil)
        return readEnd
    }

    /// A pipe's write end, drained into `destination` by a thread.
    private static func pipe(to destination: Int32, group: DispatchGroup) throws -> Int32 {
        let (readEnd, writeEnd) = try makePipe()
        copy(from: readEnd, to: destination, closing: readEnd, group: group)
        return writeEnd
    }

    private static func makePipe() throws -> (Int32, Int32) {
        var descriptors: [Int32] = [0, 0]
        guard Glibc.pipe(&descriptors) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return (descriptors[0], descriptors[1])
    }

    private static func copy(from source: Int32, to destination: Int32, closing: Int32, group: DispatchGroup?) {
        group?.enter()
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            copying: while true {
                let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                var offset = 0
                while offset < count {
                    let written = buffer[offset..<count].withUnsafeBytes {
                        write(destination, $0.baseAddress, $0.count)
                    }
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { break copying }
                    offset += written
                }
            }
            close(closing)
            group?.leave()
        }
    }
}

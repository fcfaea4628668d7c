import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking TCP client for tests: writes raw bytes, reads newline-terminated lines.
final class LineClient {
    enum Failure: Error, CustomStringConvertible {
        case connect(Int32)
        case timedOut

        var description: String {
            switch self {
            case .connect(let code): "cannot connect: errno \(code)"
            case .timedOut: "no line within the timeout"
            }
        }
    }

    private let socketFD: Int32
    private var buffer: [UInt8] = []

    init(port: Int, timeoutSeconds: Int = 20) throws {
        #if canImport(Glibc)
            socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            socketFD = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(socketFD)
            throw Failure.connect(code)
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socketFD) }

    /// Writes `text` as is (add the newline yourself). Returns false once the peer is gone.
    @discardableResult
    func send(_ text: String) -> Bool { send(bytes: Array(text.utf8)) }

    @discardableResult
    func send(bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(socketFD, $0.baseAddress, $0.count) }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// The next line without its newline; nil when the server closed the connection.
    func readLine() throws -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(socketFD, $0.baseAddress, $0.count) }
            if count == 0 { return nil }
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure.timedOut }
                return nil
            }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// The next line as a JSON value.
    func readJSON() throws -> Any? {
        guard let line = try readLine() else { return nil }
        return try JSONSerialization.jsonObject(with: Data(line.utf8))
    }

    /// The next line as a JSON object.
    func readObject() throws -> [String: Any]? { try readJSON() as? [String: Any] }

    /// Closes the sending side; the server sees end of input.
    func shutdownWrite() { shutdown(socketFD, Int32(SHUT_WR)) }
}

import Foundation

/// Writing to the terminal: results to stdout, messages and progress to stderr.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("ddx: error: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("ddx: warning: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("ddx: \(message)\n".utf8))
    }

    /// A line of standard output (flushed per line, so pipes see results as they come).
    static func output(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// A one-line progress bar on stderr, redrawn in place (at most ten times a second) when
/// stderr is a terminal and printed every 10% otherwise.
struct ProgressBar {
    let total: Int
    let label: String
    private let start = Date()
    private let interactive = isatty(FileHandle.standardError.fileDescriptor) != 0
    private var lastDecile = -1
    private var lastDrawn = Date.distantPast

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    mutating func update(_ done: Int, suffix: String = "") {
        guard total > 0 else { return }
        let now = Date()
        let fraction = Double(done) / Double(total)
        if interactive {
            guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
            lastDrawn = now
        } else {
            let decile = Int(fraction * 10)
            guard decile != lastDecile || done == total else { return }
            lastDecile = decile
        }
        let elapsed = now.timeIntervalSince(start)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line =
            "\(label) [\(bar)] \(done)/\(total) \(String(format: "%.1fs, eta %.1fs", elapsed, eta))"
            + (suffix.isEmpty ? "" : " \(suffix)")
        if interactive {
            FileHandle.standardError.write(Data("\r\(line)".utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            FileHandle.standardError.write(Data("ddx: \(line)\n".utf8))
        }
    }
}

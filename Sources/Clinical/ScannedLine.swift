import Foundation

/// One line of input, without its `\n`.
struct ScannedLine {
    /// 1-based line number.
    let number: Int
    /// The line's bytes; nil when the line is longer than the scanner's limit.
    let bytes: Data?
    /// The line's length in bytes, counted in full even when over the limit.
    let byteCount: Int
    /// The line's first few bytes, kept even when it is over the limit.
    let lead: Data

    /// The first byte after any byte order mark that is not a space, tab or carriage return.
    var firstVisibleByte: UInt8? {
        let text = lead.starts(with: [0xEF, 0xBB, 0xBF]) ? lead.dropFirst(3) : lead
        return text.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
    }

    /// Only spaces, tabs and carriage returns (an over-long line never counts as blank).
    var isBlank: Bool {
        guard let bytes else { return false }
        return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}

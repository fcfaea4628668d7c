import Foundation

/// Puts a new file in the place of an old one in one step, so a reader sees the old file or the
/// new one, never half of either.
///
/// The new file is written beside the old one (the same folder, so the same file system) and
/// renamed over it with rename(2), which replaces an existing file atomically.
/// `FileManager.replaceItemAt` is not used: on Linux it has removed the old file and then failed.
public enum AtomicFile {
    /// A hidden, unique path in the folder of `url`, for a file that will replace it; its name
    /// ends in `.tmp`.
    public static func temporaryURL(beside url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
    }

    /// Renames `temporary` to `url`, replacing any file there; if that fails, removes
    /// `temporary` and throws.
    public static func replace(_ url: URL, with temporary: URL) throws(AtomicFileError) {
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw AtomicFileError(path: url.path, reason: reason)
        }
    }

    /// Writes `bytes` to a temporary file beside `url`, then renames it to `url`. The folder
    /// must exist; on failure no temporary file is left behind.
    public static func write(_ bytes: [UInt8], to url: URL) throws(AtomicFileError) {
        let temporary = temporaryURL(beside: url)
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw AtomicFileError(path: url.path, reason: error.localizedDescription)
        }
        try replace(url, with: temporary)
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Standard streams the parent process left closed (`ddx … >&-`). Each is opened on /dev/null
/// before ddx opens any file, so that no file opened later (the knowledge base, an audit log)
/// takes descriptor 0, 1 or 2 and receives what was meant for the terminal.
enum StandardStreams {
    /// Opens /dev/null on each closed standard descriptor; returns the names of those that were
    /// closed.
    static func reserveClosed() -> [String] {
        let streams: [(descriptor: Int32, name: String)] = [
            (STDIN_FILENO, "standard input"), (STDOUT_FILENO, "standard output"), (STDERR_FILENO, "standard error"),
        ]
        var closed: [String] = []
        for stream in streams where fcntl(stream.descriptor, F_GETFD) == -1 && errno == EBADF {
            // open returns the lowest free descriptor: this one, since the lower ones are open.
            let opened = open("/dev/null", stream.descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != stream.descriptor {
                dup2(opened, stream.descriptor)
                close(opened)
            }
            closed.append(stream.name)
        }
        return closed
    }
}

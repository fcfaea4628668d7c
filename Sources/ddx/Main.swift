import ArgumentParser
import Foundation

/// Entry point: parses the command line, runs the command and maps failures to ddx's exit
/// codes — 2 for usage errors, 1 for bad input or a failed step — with one-line messages.
@main
enum Main {
    static func main() {
        for name in StandardStreams.reserveClosed() {
            Terminal.warning("\(name) was closed; ddx uses /dev/null in its place")
        }
        var command: any ParsableCommand
        do {
            command = try DDX.parseAsRoot()
        } catch {
            let code = DDX.exitCode(for: error)
            let message = DDX.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(2)
        }
        do {
            try command.run()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let failure as CommandFailure {
            Terminal.error(failure.message)
            exit(1)
        } catch {
            // Help (`--help`, `help`, a bare command group) arrives as an error thrown by `run()`
            // with swift-argument-parser 1.6+; usage errors may too. Let the parser describe both.
            switch DDX.exitCode(for: error) {
            case .success:
                print(DDX.fullMessage(for: error))
                exit(0)
            case .validationFailure:
                FileHandle.standardError.write(Data((DDX.fullMessage(for: error) + "\n").utf8))
                exit(2)
            default:
                Terminal.error(String(describing: error))
                exit(1)
            }
        }
    }
}

/// A failure the user can act on, reported as one line and exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}

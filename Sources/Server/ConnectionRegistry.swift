import NIOConcurrencyHelpers
import NIOCore

/// The open connections, so that shutdown can drain each of them.
final class ConnectionRegistry: Sendable {
    private let channels = NIOLockedValueBox([ObjectIdentifier: any Channel]())

    func add(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        channels.withLockedValue { $0[key] = channel }
        channel.closeFuture.whenComplete { [self] _ in
            _ = channels.withLockedValue { $0.removeValue(forKey: key) }
        }
    }

    var count: Int { channels.withLockedValue { $0.count } }

    /// Tells every connection that shutdown has begun (it answers what it reads and closes once
    /// its client is quiet; see ``ConnectionHandler``); connections still open after `grace` are closed.
    func drain(grace: TimeAmount) async {
        let open = channels.withLockedValue { Array($0.values) }
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(DrainEvent())
            let forceClose = channel.eventLoop.scheduleTask(in: grace) { channel.close(promise: nil) }
            channel.closeFuture.whenComplete { _ in forceClose.cancel() }
        }
        for channel in open {
            try? await channel.closeFuture.get()
        }
    }
}

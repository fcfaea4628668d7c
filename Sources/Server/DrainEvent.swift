/// Sent down a connection's pipeline when the server shuts down: stop reading, answer what
/// has been read, then close.
struct DrainEvent: Sendable {}

/// A fixture written wrongly in a test itself.
struct FixtureError: Error {
    var reason: String
}

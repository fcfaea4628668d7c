/// One record of a response file as text fields by column name, before validation.
struct ResponseRecord: Sendable {
    var line: Int
    var fields: [String: String]
}

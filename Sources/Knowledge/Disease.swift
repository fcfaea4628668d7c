/// A disease of the knowledge base: an OMIM, Orphanet or DECIPHER entry.
public struct Disease: Sendable, Equatable, Hashable {
    /// `OMIM:154700`, `ORPHA:558`, `DECIPHER:1`.
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// The source database: the prefix before the colon.
    public var database: String {
        id.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
    }
}

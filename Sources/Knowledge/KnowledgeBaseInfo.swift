import Foundation

/// Where a knowledge base came from: the releases it was built from and their checksums.
public struct KnowledgeBaseInfo: Sendable, Equatable, Codable {
    /// The HPO release of hp.obo, e.g. `hp/releases/2025-01-16`.
    public var hpoRelease: String
    /// The `#version:` of phenotype.hpoa, e.g. `2025-01-16`.
    public var annotationVersion: String
    /// SHA-256 of each source file, by file name.
    public var checksums: [String: String]
    /// The store's schema version.
    public var schemaVersion: Int
    /// When the store was built (ISO 8601).
    public var builtAt: String

    public init(
        hpoRelease: String, annotationVersion: String, checksums: [String: String],
        schemaVersion: Int = KnowledgeStore.schemaVersion, builtAt: String = ISO8601DateFormatter().string(from: Date())
    ) {
        self.hpoRelease = hpoRelease
        self.annotationVersion = annotationVersion
        self.checksums = checksums
        self.schemaVersion = schemaVersion
        self.builtAt = builtAt
    }
}

import Foundation

/// A case set kept as a small manifest instead of a copy of the cases: which cases of which
/// source file (by name and SHA-256), drawn with which seed and filters. `ddx eval` resolves it
/// against the source at run time and refuses a source whose checksum differs.
public struct CaseSetManifest: Codable, Sendable, Equatable {
    /// The format tag every manifest carries.
    public static let formatTag = "ddx-case-set/1"

    /// Where the cases come from.
    public struct Source: Codable, Sendable, Equatable {
        /// The file's path inside the shared data directory (`phenopacket-store/phenopackets-dev.jsonl.gz`).
        public var name: String
        /// The path relative to the manifest's own folder.
        public var path: String
        public var sha256: String

        public init(name: String, path: String, sha256: String) {
            self.name = name
            self.path = path
            self.sha256 = sha256
        }
    }

    /// Which cases were eligible.
    public struct Filters: Codable, Sendable, Equatable {
        public var distinctDiagnoses: Bool
        public var nonCircular: Bool
        public var inKnowledgeBase: Bool

        public init(distinctDiagnoses: Bool, nonCircular: Bool, inKnowledgeBase: Bool) {
            self.distinctDiagnoses = distinctDiagnoses
            self.nonCircular = nonCircular
            self.inKnowledgeBase = inKnowledgeBase
        }

        enum CodingKeys: String, CodingKey {
            case distinctDiagnoses = "distinct_diagnoses"
            case nonCircular = "non_circular"
            case inKnowledgeBase = "in_knowledge_base"
        }
    }

    public var format: String
    public var source: Source
    public var seed: UInt64
    public var size: Int
    public var filters: Filters
    /// The knowledge base the filters were applied with.
    public var knowledgeBase: String
    /// Case ids in the order drawn.
    public var caseIDs: [String]

    public init(source: Source, seed: UInt64, filters: Filters, knowledgeBase: String, caseIDs: [String]) {
        format = Self.formatTag
        self.source = source
        self.seed = seed
        size = caseIDs.count
        self.filters = filters
        self.knowledgeBase = knowledgeBase
        self.caseIDs = caseIDs
    }

    enum CodingKeys: String, CodingKey {
        case format, source, seed, size, filters
        case knowledgeBase = "knowledge_base"
        case caseIDs = "case_ids"
    }

    /// The manifest in `data`, or nil when `data` is not one (any other case input).
    public static func decode(_ data: Data) -> CaseSetManifest? {
        guard data.count < 16 << 20,
            data.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D) }) == UInt8(ascii: "{"),
            let manifest = try? JSONDecoder().decode(CaseSetManifest.self, from: data),
            manifest.format == formatTag
        else { return nil }
        return manifest
    }

    /// The manifest as pretty JSON with sorted keys.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}

import Clinical
import Foundation
import Knowledge
import Ranking
import Service

/// The clinical methods, `rank` and `normalize`: the same reader, ingestor, ranker and
/// renderings `ddx rank` and `ddx normalize` use, so the daemon accepts and answers exactly
/// what the command line does.
public struct CaseService: Sendable {
    /// The most candidates `top` may ask for (as `ddx rank --top`).
    public static let maxTop = 1000

    let ranker: any Ranker
    let ingestor: CaseIngestor
    private let rankOutput: RankOutput
    private let caseOutput: NormalizedCaseOutput
    private let loader = CaseLoader()

    /// `ingestor` defaults to one over `knowledgeBase` without a dictionary cache; `ddx serve`
    /// passes the workspace's, whose text recognizer reads the cached dictionary.
    public init(knowledgeBase: KnowledgeBase, ranker: any Ranker, ingestor: CaseIngestor? = nil) {
        self.ranker = ranker
        self.ingestor = ingestor ?? CaseIngestor(knowledgeBase: knowledgeBase)
        self.rankOutput = RankOutput(ontology: knowledgeBase.ontology)
        self.caseOutput = NormalizedCaseOutput(knowledgeBase: knowledgeBase)
    }

    /// The knowledge base version answers name.
    public var knowledgeBaseVersion: String { ranker.knowledgeBaseVersion }
    /// The model version answers name.
    public var modelVersion: String { ranker.modelVersion }

    /// Where errors about a request's case say it is.
    static let caseLocation = InputLocation(source: "params.case")

    /// `rank`: params `{"case": {...}, "top": 10}` (parsed, or ``PlainCaseParams``) → the rank
    /// object of `ddx rank --format json`.
    func rank(_ params: Any?) throws(RPCError) -> MethodOutcome {
        if let plain = params as? PlainCaseParams {
            return try rank(plain.patientCase, top: Self.top(plain.top.map { NSNumber(value: $0) }))
        }
        let object = try Self.object(params)
        let top = try Self.top(object["top"])
        return try rank(readCase(object), top: top)
    }

    private func rank(_ patientCase: PatientCase, top: Int) -> MethodOutcome {
        let patient = ingestor.ingest(patientCase)
        let differential = ranker.rank(patient, top: top)
        var writer = JSONWriter(capacity: 1 << 16)  // answers with evidence average about 35 KB
        rankOutput.write(differential, to: &writer)
        return MethodOutcome(
            result: writer.bytes, caseDigest: CaseDigest.sha256(of: patient),
            topIDs: differential.entries.prefix(10).map(\.diseaseID))
    }

    /// `normalize`: params `{"case": {...}}` (parsed, or ``PlainCaseParams``) → the normalized
    /// case of `ddx normalize --format json`.
    func normalize(_ params: Any?) throws(RPCError) -> MethodOutcome {
        let patientCase: PatientCase
        if let plain = params as? PlainCaseParams {
            patientCase = plain.patientCase
        } else {
            patientCase = try readCase(try Self.object(params))
        }
        let ingested = ingestor.ingestDetailed(patientCase)
        var writer = JSONWriter(capacity: 4096)
        caseOutput.write(ingested, to: &writer)
        return MethodOutcome(
            result: writer.bytes, caseDigest: CaseDigest.sha256(of: ingested.patientCase), topIDs: [])
    }

    private func readCase(_ params: [String: Any]) throws(RPCError) -> PatientCase {
        guard let value = params["case"] else {
            throw .invalidParams("case: missing; expected a ddx case or a GA4GH phenopacket object")
        }
        guard let object = value as? [String: Any] else {
            throw .invalidParams("case: expected a ddx case or phenopacket object, got \(RPCRequest.kind(of: value))")
        }
        do {
            return try loader.readCase(object, at: Self.caseLocation)
        } catch {
            throw .invalidParams(error.description)
        }
    }

    private static func object(_ params: Any?) throws(RPCError) -> [String: Any] {
        guard let params else { throw .invalidParams("params: missing; expected {\"case\": {...}}") }
        guard let object = params as? [String: Any] else {
            throw .invalidParams("params: expected an object with \"case\", got \(RPCRequest.kind(of: params))")
        }
        return object
    }

    private static func top(_ value: Any?) throws(RPCError) -> Int {
        guard let value else { return 10 }
        let reason = "top: expected a whole number from 1 to \(maxTop)"
        guard let number = value as? NSNumber, !RPCRequest.isBoolean(number) else { throw .invalidParams(reason) }
        let double = number.doubleValue
        guard double.rounded() == double, (1...Double(maxTop)).contains(double) else { throw .invalidParams(reason) }
        return Int(double)
    }
}

/// What a method answered, and what the audit log keeps of it.
struct MethodOutcome: Sendable {
    /// The `result` member of the response, as JSON.
    var result: [UInt8]
    /// SHA-256 of the normalized case, hex; nil for methods without a case.
    var caseDigest: String?
    /// The ids of the first ten candidates (rank only).
    var topIDs: [String]
}

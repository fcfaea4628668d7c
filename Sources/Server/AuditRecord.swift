import Foundation

/// One row of the audit log: what the daemon answered to one clinical request, without the
/// case itself.
public struct AuditRecord: Sendable, Equatable {
    /// The request's JSON-RPC id as JSON text (`7`, `"a-1"`), or empty for a notification.
    public var requestID: String
    /// When the request was read.
    public var time: Date
    public var method: String
    /// SHA-256 (hex) of the normalized case; nil when the case could not be read.
    public var caseDigest: String?
    /// The first ten candidate ids returned (rank), best first.
    public var topIDs: [String]
    public var knowledgeBase: String
    public var model: String
    /// From reading the line to the response being ready, in milliseconds.
    public var latencyMilliseconds: Double
    /// The JSON-RPC error code returned; nil on success.
    public var errorCode: Int?

    public init(
        requestID: String, time: Date, method: String, caseDigest: String?, topIDs: [String],
        knowledgeBase: String, model: String, latencyMilliseconds: Double, errorCode: Int?
    ) {
        self.requestID = requestID
        self.time = time
        self.method = method
        self.caseDigest = caseDigest
        self.topIDs = topIDs
        self.knowledgeBase = knowledgeBase
        self.model = model
        self.latencyMilliseconds = latencyMilliseconds
        self.errorCode = errorCode
    }
}

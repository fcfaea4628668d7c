import Foundation
import Service

/// One JSON-RPC 2.0 request, checked for shape: `jsonrpc` is "2.0", `method` a string,
/// `params` (if any) an object or array, `id` (if any) a string, number or null.
struct RPCRequest: @unchecked Sendable {
    /// The id as JSON text, ready to echo; nil for a notification (no `id` member).
    var id: String?
    var method: String
    /// An object or an array, or nil when absent.
    var params: Any?
    /// The shared secret, from a top-level `token` member or `params.token`.
    var token: String?

    /// Whether the request wants a response.
    var isNotification: Bool { id == nil }

    /// Reads a parsed JSON value as a request; `responseID` is the id to answer an invalid
    /// request with ("null" when it could not be read).
    static func read(_ value: Any) -> Result<RPCRequest, InvalidRequest> {
        guard let object = value as? [String: Any] else {
            return .failure(
                InvalidRequest(id: "null", error: .invalidRequest("expected a request object, got \(kind(of: value))")))
        }
        var id: String?
        if let rawID = object["id"] {
            guard let text = idText(rawID) else {
                return .failure(
                    InvalidRequest(
                        id: "null",
                        error: .invalidRequest("id: expected a string, number or null, got \(kind(of: rawID))")))
            }
            id = text
        }
        let answerID = id ?? "null"
        guard let version = object["jsonrpc"] as? String, version == "2.0" else {
            return .failure(InvalidRequest(id: answerID, error: .invalidRequest("jsonrpc: expected \"2.0\"")))
        }
        guard let method = object["method"] as? String else {
            let got = object["method"].map(kind(of:)) ?? "nothing"
            return .failure(
                InvalidRequest(id: answerID, error: .invalidRequest("method: expected a string, got \(got)")))
        }
        let params = object["params"]
        if let params, !(params is [String: Any]) && !(params is [Any]) {
            return .failure(
                InvalidRequest(
                    id: answerID,
                    error: .invalidRequest("params: expected an object or an array, got \(kind(of: params))")))
        }
        let token = object["token"] as? String ?? (params as? [String: Any])?["token"] as? String
        return .success(RPCRequest(id: id, method: method, params: params, token: token))
    }

    /// A request that could not be read, and the id to answer it with.
    struct InvalidRequest: Error {
        var id: String
        var error: RPCError
    }

    /// The id as JSON text: strings re-encoded, numbers as JSON writes them, null as `null`.
    private static func idText(_ value: Any) -> String? {
        if value is NSNull { return "null" }
        if let string = value as? String { return JSONLine.quoted(string) }
        if let number = value as? NSNumber, !isBoolean(number) {
            return JSONText.line(number)
        }
        return nil
    }

    /// A short name for a JSON value's type, for error messages.
    static func kind(of value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case is String: "a string"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        case let number as NSNumber: isBoolean(number) ? "a boolean" : "a number"
        default: "a value"
        }
    }

    static func isBoolean(_ number: NSNumber) -> Bool {
        let type = String(cString: number.objCType)
        return type == "c" || type == "B"
    }
}

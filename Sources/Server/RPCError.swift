/// A JSON-RPC 2.0 error object: a code, a short message and a `data` string that says what
/// was wrong in this request.
public struct RPCError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: String

    public init(code: Int, message: String, data: String) {
        self.code = code
        self.message = message
        self.data = data
    }

    public var description: String { "\(code) \(message): \(data)" }

    /// The `error` member of a response.
    var json: [String: Any] { ["code": code, "message": message, "data": data] }
}

extension RPCError {
    /// -32700: the line is not JSON (or not UTF-8, or nested too deep).
    public static let parseErrorCode = -32700
    /// -32600: JSON, but not a request object (or a line over the length limit).
    public static let invalidRequestCode = -32600
    /// -32601: no such method.
    public static let methodNotFoundCode = -32601
    /// -32602: the method exists but its params are wrong.
    public static let invalidParamsCode = -32602
    /// -32603: the server failed; the request may be retried.
    public static let internalErrorCode = -32603
    /// -32000: the request waited longer than the per-request deadline and was not run.
    public static let deadlineExceededCode = -32000
    /// -32001: the server is at its connection limit or shutting down.
    public static let overloadedCode = -32001
    /// -32002: the request lacks the shared secret the server was started with, or has another.
    public static let unauthorizedCode = -32002

    public static func parseError(_ data: String) -> RPCError {
        RPCError(code: parseErrorCode, message: "Parse error", data: data)
    }

    public static func invalidRequest(_ data: String) -> RPCError {
        RPCError(code: invalidRequestCode, message: "Invalid Request", data: data)
    }

    public static func methodNotFound(_ data: String) -> RPCError {
        RPCError(code: methodNotFoundCode, message: "Method not found", data: data)
    }

    public static func invalidParams(_ data: String) -> RPCError {
        RPCError(code: invalidParamsCode, message: "Invalid params", data: data)
    }

    public static func internalError(_ data: String) -> RPCError {
        RPCError(code: internalErrorCode, message: "Internal error", data: data)
    }

    public static func deadlineExceeded(_ data: String) -> RPCError {
        RPCError(code: deadlineExceededCode, message: "Deadline exceeded", data: data)
    }

    public static func overloaded(_ data: String) -> RPCError {
        RPCError(code: overloadedCode, message: "Server overloaded", data: data)
    }

    public static func unauthorized(_ data: String) -> RPCError {
        RPCError(code: unauthorizedCode, message: "Unauthorized", data: data)
    }
}

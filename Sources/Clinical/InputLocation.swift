/// Where a case comes from: the input's name and, inside a JSON Lines batch, the line.
public struct InputLocation: Sendable, Equatable {
    /// File name as the user gave it, or `<stdin>`.
    public var source: String
    /// 1-based line of a JSON Lines batch; nil for a whole document.
    public var line: Int?

    public init(source: String, line: Int? = nil) {
        self.source = source
        self.line = line
    }

    /// The id a case without one gets: the file's last path component, plus `:line` in a batch
    /// (`cases.jsonl:7`).
    public var fallbackCaseID: String {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        guard let line else { return name }
        return "\(name):\(line)"
    }

    /// An error at this location.
    public func error(
        _ kind: CaseInputError.Kind, field: String? = nil, _ reason: String
    ) -> CaseInputError {
        CaseInputError(source: source, line: line, field: field, kind: kind, reason: reason)
    }
}

/// One row of a reader-response file: one item of one reader's differential for one case under
/// one condition (SPEC, "Reader responses").
public struct ReaderResponse: Sendable, Equatable, Hashable {
    public var readerID: String
    public var caseID: String
    /// Free text, e.g. `unassisted`, `assisted`; a reader arm is `readers:<condition>`.
    public var condition: String
    /// 1…10.
    public var rank: Int
    /// A knowledge-base id (`OMIM:…`, `ORPHA:…`) or free text (a disease name).
    public var diagnosis: String
    /// 1-based line of the row in its file (the line the record starts on).
    public var line: Int

    public init(readerID: String, caseID: String, condition: String, rank: Int, diagnosis: String, line: Int) {
        self.readerID = readerID
        self.caseID = caseID
        self.condition = condition
        self.rank = rank
        self.diagnosis = diagnosis
        self.line = line
    }

    /// The list the row belongs to: (reader, case, condition).
    public var listKey: ListKey { ListKey(readerID: readerID, caseID: caseID, condition: condition) }

    /// Identifies one reader's list for one case under one condition.
    public struct ListKey: Sendable, Hashable, Comparable {
        public var readerID: String
        public var caseID: String
        public var condition: String

        public init(readerID: String, caseID: String, condition: String) {
            self.readerID = readerID
            self.caseID = caseID
            self.condition = condition
        }

        public static func < (lhs: ListKey, rhs: ListKey) -> Bool {
            (lhs.condition, lhs.readerID, lhs.caseID) < (rhs.condition, rhs.readerID, rhs.caseID)
        }
    }
}

/// A row of a reader-response file that was refused, with where and why:
/// `responses.csv:14: rank 0 is outside 1…10`.
public struct ResponseRowError: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    /// 1-based line; nil for a problem with the whole file.
    public var line: Int?
    public var reason: String

    public init(source: String, line: Int?, reason: String) {
        self.source = source
        self.line = line
        self.reason = reason
    }

    public var description: String {
        line.map { "\(source):\($0): \(reason)" } ?? "\(source): \(reason)"
    }
}

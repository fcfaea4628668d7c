/// A two-sided confidence interval `[lower, upper]` at a stated confidence level.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// The lower bound.
    public let lower: Double
    /// The upper bound; never below ``lower``.
    public let upper: Double
    /// The confidence level, e.g. 0.95.
    public let level: Double

    /// Creates an interval.
    ///
    /// - Precondition: `lower <= upper` and `0 < level < 1`.
    public init(lower: Double, upper: Double, level: Double) {
        precondition(lower <= upper, "lower bound above upper bound")
        precondition(level > 0 && level < 1, "level must lie strictly between 0 and 1")
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// `upper - lower`.
    public var width: Double { upper - lower }

    /// Whether `value` lies within the interval, bounds included.
    public func contains(_ value: Double) -> Bool {
        lower <= value && value <= upper
    }
}

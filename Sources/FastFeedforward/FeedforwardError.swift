/// A layer, batch or parameter was given a shape it cannot have.
///
/// These are thrown where shapes come from the caller's data (building a layer from stored
/// weights, wrapping values in a ``SampleBatch``). Width mismatches on the hot forward and
/// backward paths are programming errors and stop the program with a precondition instead, the
/// way an out-of-range array index does.
public enum FeedforwardError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A width (input, output, hidden or batch) is not positive, or `count` is negative.
    case invalidDimension(name: String, value: Int)
    /// A fast feedforward depth lies outside the supported range.
    case depthOutOfRange(depth: Int, supported: ClosedRange<Int>)
    /// An array holds a different number of values than its shape requires.
    case sizeMismatch(name: String, expected: Int, actual: Int)
    /// The shape is valid but its parameter count does not fit in memory addresses.
    case tooLarge(name: String)

    /// A sentence naming the offending value and what was expected.
    public var description: String {
        switch self {
        case .invalidDimension(let name, let value):
            return "\(name) must be positive, got \(value)"
        case .depthOutOfRange(let depth, let supported):
            return "depth \(depth) is outside the supported range \(supported.lowerBound)...\(supported.upperBound)"
        case .sizeMismatch(let name, let expected, let actual):
            return "\(name) needs \(expected) values, got \(actual)"
        case .tooLarge(let name):
            return "\(name) is too large to address"
        }
    }
}

/// Multiplies two non-negative sizes, throwing instead of overflowing.
func checkedProduct(_ a: Int, _ b: Int, name: String) throws(FeedforwardError) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    guard !overflow else { throw .tooLarge(name: name) }
    return product
}

/// A batch of equally wide samples stored row-major in one contiguous `[Float]`.
///
/// Sample `s` occupies `values[s * width ..< (s + 1) * width]`. Layers read and write whole
/// batches so that their kernels can walk contiguous memory.
public struct SampleBatch: Sendable, Equatable {
    /// The number of samples (rows).
    public let count: Int
    /// The number of features per sample (columns).
    public let width: Int
    /// All values, row-major: `count * width` of them.
    public internal(set) var values: [Float]

    /// Wraps row-major values; throws if `values.count != count * width`.
    public init(count: Int, width: Int, values: [Float]) throws(FeedforwardError) {
        guard count >= 0 else { throw .invalidDimension(name: "batch count", value: count) }
        guard width > 0 else { throw .invalidDimension(name: "batch width", value: width) }
        let expected = try checkedProduct(count, width, name: "batch")
        guard values.count == expected else {
            throw .sizeMismatch(name: "batch values", expected: expected, actual: values.count)
        }
        self.count = count
        self.width = width
        self.values = values
    }

    /// Stacks samples given as separate arrays; throws if any sample is not `width` long.
    public init(samples: [[Float]], width: Int) throws(FeedforwardError) {
        guard width > 0 else { throw .invalidDimension(name: "batch width", value: width) }
        var values: [Float] = []
        values.reserveCapacity(samples.count * width)
        for sample in samples {
            guard sample.count == width else {
                throw .sizeMismatch(name: "sample", expected: width, actual: sample.count)
            }
            values.append(contentsOf: sample)
        }
        self.count = samples.count
        self.width = width
        self.values = values
    }

    /// A batch of `count` samples whose values are all zero.
    ///
    /// - Precondition: `count >= 0` and `width > 0`.
    public init(zerosWithCount count: Int, width: Int) {
        precondition(count >= 0 && width > 0, "a batch needs count >= 0 and width > 0")
        self.count = count
        self.width = width
        self.values = [Float](repeating: 0, count: count * width)
    }

    /// The values of sample `index`.
    public func sample(at index: Int) -> ArraySlice<Float> {
        precondition(index >= 0 && index < count, "sample index \(index) out of 0..<\(count)")
        return values[index * width..<(index + 1) * width]
    }

    /// The value of one feature of one sample.
    public subscript(sample: Int, feature: Int) -> Float {
        get {
            precondition(feature >= 0 && feature < width, "feature index \(feature) out of 0..<\(width)")
            return values[sample * width + feature]
        }
        set {
            precondition(feature >= 0 && feature < width, "feature index \(feature) out of 0..<\(width)")
            values[sample * width + feature] = newValue
        }
    }
}

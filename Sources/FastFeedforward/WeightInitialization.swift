import Statistics

/// The seeded weight initialisation both layers use.
///
/// Every weight is drawn uniformly from `[−1/√fanIn, 1/√fanIn)`, as PyTorch's `nn.Linear`
/// does: input weights and biases use the input width; output weights use the number of
/// contributions summed into each output feature (the hidden width for a dense layer, the
/// path length `depth + 1` for a fast feedforward layer). Values come from
/// ``SeededGenerator`` through an arithmetic of our own, so they do not depend on the
/// standard library's `random(in:)` algorithm.
public enum WeightInitialization {
    /// `1/√fanIn`, the half-width of the uniform range.
    public static func fanInBound(_ fanIn: Int) -> Float {
        1 / Float(max(fanIn, 1)).squareRoot()
    }

    /// Overwrites `values` with uniform draws from `[−bound, bound)`, in index order.
    public static func fillUniform(
        _ values: inout [Float], bound: Float, using generator: inout SeededGenerator
    ) {
        for i in values.indices {
            values[i] = (2 * generator.nextUnitFloat() - 1) * bound
        }
    }
}

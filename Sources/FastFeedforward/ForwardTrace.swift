/// What a training forward pass remembers for the backward pass.
///
/// Opaque on purpose: only the layer that produced it knows how to read it.
public struct ForwardTrace: Sendable {
    /// Which kind of layer produced the trace.
    enum Producer: Sendable, Equatable {
        case fastFeedforward(depth: Int)
        case dense(hiddenWidth: Int)
    }

    /// The layer kind and its tree or hidden shape.
    let producer: Producer
    /// The batch the forward pass read.
    public let input: SampleBatch
    /// Pre-activations `a`: per sample, one per visited node (FFF) or per neuron (dense).
    let preActivations: [Float]
    /// Per sample, the visited node index at each level (FFF only; empty for dense).
    let paths: [Int32]
}

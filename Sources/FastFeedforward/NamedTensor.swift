/// A flat tensor stored in a ``ModelArchive`` beside its layers, such as an embedding table
/// a model keeps outside its feedforward layers. The name is how the reader finds it again.
public struct NamedTensor: Sendable, Equatable {
    /// A name unique within its archive, such as `"diseaseVectors"`.
    public var name: String
    /// The values, flattened in whatever order the owner defines.
    public var values: [Float]

    /// Creates a named tensor.
    public init(name: String, values: [Float]) {
        self.name = name
        self.values = values
    }
}

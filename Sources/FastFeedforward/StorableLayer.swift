/// A layer that can be written to and read back from a ``ModelArchive``, so code generic over
/// the layer kind can store and restore it.
public protocol StorableLayer {
    /// The layer tagged with its kind.
    var stored: StoredLayer { get }

    /// The layer held by `stored`, or `nil` when `stored` holds another kind.
    init?(stored: StoredLayer)
}

extension FFFLayer: StorableLayer {
    /// The layer as ``StoredLayer/fastFeedforward(_:)``.
    public var stored: StoredLayer { .fastFeedforward(self) }

    /// The fast feedforward layer in `stored`, or `nil` for another kind.
    public init?(stored: StoredLayer) {
        guard case .fastFeedforward(let layer) = stored else { return nil }
        self = layer
    }
}

extension DenseLayer: StorableLayer {
    /// The layer as ``StoredLayer/dense(_:)``.
    public var stored: StoredLayer { .dense(self) }

    /// The dense layer in `stored`, or `nil` for another kind.
    public init?(stored: StoredLayer) {
        guard case .dense(let layer) = stored else { return nil }
        self = layer
    }
}

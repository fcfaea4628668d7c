/// One layer of a ``ModelArchive``, tagged with its kind so it can be rebuilt on load.
public enum StoredLayer: Sendable, Equatable {
    /// A fast feedforward layer.
    case fastFeedforward(FFFLayer)
    /// A dense two-layer feedforward block.
    case dense(DenseLayer)

    /// The layer behind the seam protocol, whatever its kind.
    public var layer: any FeedforwardLayer {
        switch self {
        case .fastFeedforward(let layer): return layer
        case .dense(let layer): return layer
        }
    }

    /// The kind codes of the file format.
    enum KindCode {
        static let fastFeedforward: UInt32 = 1
        static let dense: UInt32 = 2
    }

    /// The kind code written to the file.
    var kindCode: UInt32 {
        switch self {
        case .fastFeedforward: return KindCode.fastFeedforward
        case .dense: return KindCode.dense
        }
    }
}

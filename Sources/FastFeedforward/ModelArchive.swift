import Foundation

/// A versioned binary file holding trained layers and the metadata they were trained under
/// (for example the knowledge-base release), so a caller can refuse a model made for another.
///
/// Layout, all integers little-endian:
///
/// | offset  | bytes | field                                                      |
/// |---------|-------|------------------------------------------------------------|
/// | 0       | 8     | ``magic``: `89 46 46 46 0D 0A 1A 0A` (`\u{89}FFF\r\n\u{1A}\n`) |
/// | 8       | 4     | format version, `UInt32` (``formatVersion``)               |
/// | 12      | 8     | payload length `n`, `UInt64`                               |
/// | 20      | n     | payload                                                    |
/// | 20 + n  | 4     | CRC-32 (zlib's) of bytes `0 ..< 20 + n`                    |
///
/// The payload is the metadata (`UInt32` byte count, UTF-8 bytes), the layer count (`UInt32`)
/// and, per layer, its kind (`UInt32`: 1 fast feedforward, 2 dense), input width, output
/// width and depth or hidden width (`UInt32` each), then its three tensors in
/// ``FeedforwardLayer/parameterDescriptors`` order, each a `UInt64` element count followed by
/// that many IEEE-754 `Float32` values; then the named-tensor count (`UInt32`) and, per
/// ``NamedTensor``, its name (`UInt32` byte count, UTF-8) and values (`UInt64` count,
/// `Float32` values). As in PNG, the non-ASCII first byte and the CR LF pair
/// in the magic catch files mangled by 7-bit or newline-converting transfers.
///
/// Loading checks, in order: magic, version, length (truncation or trailing bytes), checksum,
/// then every shape and tensor length, and throws a ``ModelFormatError`` naming the first
/// problem.
public struct ModelArchive: Sendable, Equatable {
    /// The eight bytes every model file starts with.
    public static let magic: [UInt8] = [0x89, 0x46, 0x46, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The format version this code writes and reads.
    public static let formatVersion: UInt32 = 1
    /// Bytes before the payload: magic, version, payload length.
    static let headerSize = 20
    /// Bytes after the payload: the checksum.
    static let trailerSize = 4

    /// Free text chosen by the caller, such as the knowledge-base release trained on.
    public var metadata: String
    /// The layers, in the order the model applies them.
    public var layers: [StoredLayer]
    /// Further tensors of the model (embeddings, output vectors), found again by name.
    public var tensors: [NamedTensor]

    /// Bundles layers and tensors with their metadata.
    public init(metadata: String, layers: [StoredLayer], tensors: [NamedTensor] = []) {
        self.metadata = metadata
        self.layers = layers
        self.tensors = tensors
    }

    /// The values of the tensor called `name`, or `nil` if the archive has none.
    public func tensor(named name: String) -> [Float]? {
        tensors.first { $0.name == name }?.values
    }

    /// Throws ``ModelFormatError/metadataMismatch(expected:found:)`` unless the stored metadata
    /// equals `expected` exactly; call it before using a loaded model.
    public func requireMetadata(_ expected: String) throws(ModelFormatError) {
        guard metadata == expected else { throw .metadataMismatch(expected: expected, found: metadata) }
    }

    /// Writes ``serialized()`` to `url` atomically.
    public func write(to url: URL) throws(ModelFormatError) {
        do {
            try Data(serialized()).write(to: url, options: .atomic)
        } catch {
            throw .io(path: url.path, reason: "\(error)")
        }
    }

    /// Reads and verifies the model file at `url`.
    public init(contentsOf url: URL) throws(ModelFormatError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .io(path: url.path, reason: "\(error)")
        }
        try self.init(serialized: [UInt8](data))
    }
}

import BinaryFormat

/// Reads model files, turning a short or malformed read into a ``ModelFormatError``.
typealias ModelReader = ByteReader<ModelFormatError>

extension ModelArchive {
    /// Reads an archive from bytes in the layout described on ``ModelArchive``, verifying
    /// magic, version, length, checksum and every shape.
    public init(serialized bytes: [UInt8]) throws(ModelFormatError) {
        let minimumSize = Self.headerSize + Self.trailerSize
        guard bytes.count >= Self.magic.count else {
            if !bytes.elementsEqual(Self.magic.prefix(bytes.count)) {
                throw .wrongMagic(found: bytes)
            }
            throw .truncated(expectedBytes: minimumSize, actualBytes: bytes.count)
        }
        guard bytes.prefix(Self.magic.count).elementsEqual(Self.magic) else {
            throw .wrongMagic(found: Array(bytes.prefix(Self.magic.count)))
        }
        guard bytes.count >= Self.headerSize else {
            throw .truncated(expectedBytes: minimumSize, actualBytes: bytes.count)
        }
        self = try Self.decode(bytes)
    }

    /// Verifies version, length and checksum of bytes whose magic has been checked, then
    /// decodes their payload.
    private static func decode(_ raw: [UInt8]) throws(ModelFormatError) -> ModelArchive {
        let minimumSize = Self.headerSize + Self.trailerSize
        var header = ModelReader(raw, offset: Self.magic.count)
        let version: UInt32 = try header.readInteger()
        guard version == Self.formatVersion else {
            throw .unsupportedVersion(found: version, supported: Self.formatVersion)
        }
        let declared: UInt64 = try header.readInteger()
        let maximumPayload = UInt64(Int.max - minimumSize)
        guard declared <= maximumPayload else {
            throw .malformed(offset: 12, reason: "payload length \(declared) is impossible")
        }
        let expectedSize = minimumSize + Int(declared)
        guard raw.count >= expectedSize else {
            throw .truncated(expectedBytes: expectedSize, actualBytes: raw.count)
        }
        guard raw.count == expectedSize else {
            throw .trailingBytes(expectedBytes: expectedSize, actualBytes: raw.count)
        }
        let checked = expectedSize - Self.trailerSize
        let computed = CRC32.checksum(raw[0..<checked])
        var trailer = ModelReader(raw, offset: checked)
        let stored: UInt32 = try trailer.readInteger()
        guard stored == computed else { throw .checksumMismatch(stored: stored, computed: computed) }
        var payload = ModelReader(raw[0..<checked], offset: Self.headerSize)
        return try Self.decodePayload(&payload)
    }

    private static func decodePayload(_ reader: inout ModelReader) throws(ModelFormatError) -> ModelArchive {
        let metadata = try reader.readString()
        let layerCount: UInt32 = try reader.readInteger()
        var layers: [StoredLayer] = []
        for index in 0..<Int(layerCount) {
            layers.append(try decodeLayer(index: index, from: &reader))
        }
        let tensorCount: UInt32 = try reader.readInteger()
        var tensors: [NamedTensor] = []
        for _ in 0..<Int(tensorCount) {
            let name = try reader.readString()
            let count: UInt64 = try reader.readInteger()
            guard count <= UInt64(Int.max) else {
                throw .malformed(offset: reader.offset, reason: "tensor \(name) claims \(count) values")
            }
            tensors.append(NamedTensor(name: name, values: try reader.readFloats(Int(count))))
        }
        guard reader.isAtEnd else {
            throw .malformed(offset: reader.offset, reason: "payload continues after the last tensor")
        }
        return ModelArchive(metadata: metadata, layers: layers, tensors: tensors)
    }

    private static func decodeLayer(index: Int, from reader: inout ModelReader) throws(ModelFormatError) -> StoredLayer
    {
        let kind: UInt32 = try reader.readInteger()
        let inputWidth = Int(try reader.readInteger() as UInt32)
        let outputWidth = Int(try reader.readInteger() as UInt32)
        let shape = Int(try reader.readInteger() as UInt32)
        /// Turns a shape error of the layer types into this file's error for layer `index`.
        func validated<Value>(_ body: () throws(FeedforwardError) -> Value) throws(ModelFormatError) -> Value {
            do {
                return try body()
            } catch {
                throw .invalidShape(layer: index, reason: error.description)
            }
        }
        // Each shape is validated before any length read from the file is trusted.
        switch kind {
        case StoredLayer.KindCode.fastFeedforward:
            let layout = try validated { () throws(FeedforwardError) in
                try FFFLayer.parameterLayout(inputWidth: inputWidth, outputWidth: outputWidth, depth: shape)
            }
            let tensors = try readTensors(layout, layer: index, from: &reader)
            return .fastFeedforward(
                try validated { () throws(FeedforwardError) in
                    try FFFLayer(
                        inputWidth: inputWidth, outputWidth: outputWidth, depth: shape,
                        inputWeights: tensors[0], biases: tensors[1], outputWeights: tensors[2])
                })
        case StoredLayer.KindCode.dense:
            let layout = try validated { () throws(FeedforwardError) in
                try DenseLayer.parameterLayout(inputWidth: inputWidth, outputWidth: outputWidth, hiddenWidth: shape)
            }
            let tensors = try readTensors(layout, layer: index, from: &reader)
            return .dense(
                try validated { () throws(FeedforwardError) in
                    try DenseLayer(
                        inputWidth: inputWidth, outputWidth: outputWidth, hiddenWidth: shape,
                        inputWeights: tensors[0], biases: tensors[1], outputWeights: tensors[2])
                })
        default:
            throw .unknownLayerKind(layer: index, code: kind)
        }
    }

    private static func readTensors(
        _ descriptors: [ParameterDescriptor], layer: Int, from reader: inout ModelReader
    ) throws(ModelFormatError) -> [[Float]] {
        var tensors: [[Float]] = []
        for descriptor in descriptors {
            let count: UInt64 = try reader.readInteger()
            guard count == UInt64(descriptor.count) else {
                throw .invalidShape(
                    layer: layer,
                    reason: "\(descriptor.name) holds \(count) values, its shape needs \(descriptor.count)")
            }
            tensors.append(try reader.readFloats(descriptor.count))
        }
        return tensors
    }
}

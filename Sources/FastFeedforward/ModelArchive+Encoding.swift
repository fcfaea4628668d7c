import BinaryFormat

extension ModelArchive {
    /// The archive in the binary layout described on ``ModelArchive``.
    ///
    /// - Precondition: every width, depth, count and the byte count of every string fits in
    ///   `UInt32`.
    public func serialized() -> [UInt8] {
        var payload = ByteWriter()
        payload.append(metadata)
        payload.append(UInt32(layers.count))
        for stored in layers {
            payload.append(stored.kindCode)
            let shape: Int
            switch stored {
            case .fastFeedforward(let layer): shape = layer.depth
            case .dense(let layer): shape = layer.hiddenWidth
            }
            let layer = stored.layer
            payload.append(UInt32(layer.inputWidth))
            payload.append(UInt32(layer.outputWidth))
            payload.append(UInt32(shape))
            for index in layer.parameterDescriptors.indices {
                let values = layer.parameterValues(at: index)
                payload.append(UInt64(values.count))
                payload.append(floats: values)
            }
        }
        payload.append(UInt32(tensors.count))
        for tensor in tensors {
            payload.append(tensor.name)
            payload.append(UInt64(tensor.values.count))
            payload.append(floats: tensor.values)
        }
        var file = ByteWriter()
        file.reserve(Self.headerSize + payload.bytes.count + Self.trailerSize)
        file.append(bytes: Self.magic)
        file.append(Self.formatVersion)
        file.append(UInt64(payload.bytes.count))
        file.append(bytes: payload.bytes)
        let checksum = CRC32.checksum(file.bytes[...])
        file.append(checksum)
        return file.bytes
    }
}

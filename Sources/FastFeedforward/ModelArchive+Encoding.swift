extension ModelArchive {
    /// The archive in the binary layout described on ``ModelArchive``.
    ///
    /// - Precondition: every width, depth, count and the byte count of every string fits in
    ///   `UInt32`.
    public func serialized() -> [UInt8] {
        var payload = ByteWriter()
        let metadataBytes = Array(metadata.utf8)
        payload.append(UInt32(metadataBytes.count))
        payload.append(bytes: metadataBytes)
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
            let nameBytes = Array(tensor.name.utf8)
            payload.append(UInt32(nameBytes.count))
            payload.append(bytes: nameBytes)
            payload.append(UInt64(tensor.values.count))
            payload.append(floats: tensor.values)
        }
        var file = ByteWriter()
        file.reserve(Self.headerSize + payload.bytes.count + Self.trailerSize)
        file.append(bytes: Self.magic)
        file.append(Self.formatVersion)
        file.append(UInt64(payload.bytes.count))
        file.append(bytes: payload.bytes)
        let checksum = file.bytes.withUnsafeBytes { CRC32.checksum($0) }
        file.append(checksum)
        return file.bytes
    }
}

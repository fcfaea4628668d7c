import BinaryFormat
import Foundation
import Testing

@testable import FastFeedforward

@Suite struct ModelArchiveTests {
    static func sampleArchive() throws -> ModelArchive {
        ModelArchive(
            metadata: "hpo-2025-05-06 / hpoa-2025-05-06 · ünïcode",
            layers: [
                .fastFeedforward(try FFFLayer(inputWidth: 5, outputWidth: 4, depth: 3, seed: 1)),
                .dense(try DenseLayer(inputWidth: 4, outputWidth: 2, hiddenWidth: 6, seed: 2)),
            ],
            tensors: [
                NamedTensor(
                    name: "diseaseVectors", values: [1.5, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -3]),
                NamedTensor(name: "empty", values: []),
            ])
    }

    /// Rewrites the trailing CRC-32 so that a deliberately edited payload passes the checksum.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let crc = CRC32.checksum(bytes[0..<(bytes.count - 4)])
        withUnsafeBytes(of: crc.littleEndian) { bytes.replaceSubrange((bytes.count - 4)..., with: $0) }
        return bytes
    }

    @Test func roundTripIsBitExact() throws {
        let archive = try Self.sampleArchive()
        let bytes = archive.serialized()
        #expect(Array(bytes.prefix(8)) == ModelArchive.magic)
        let loaded = try ModelArchive(serialized: bytes)
        #expect(loaded.metadata == archive.metadata)
        #expect(loaded.layers.count == 2)
        for (original, copy) in zip(archive.layers, loaded.layers) {
            #expect(original == copy)
            for index in 0..<3 {
                #expect(bitIdentical(original.layer.parameterValues(at: index), copy.layer.parameterValues(at: index)))
            }
        }
        #expect(loaded.tensors.map(\.name) == ["diseaseVectors", "empty"])
        #expect(bitIdentical(loaded.tensor(named: "diseaseVectors") ?? [], archive.tensors[0].values))
        #expect(loaded.tensor(named: "missing") == nil)
        #expect(loaded.serialized() == bytes)
    }

    @Test func roundTripThroughAFile() throws {
        let archive = try Self.sampleArchive()
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("fff-\(UInt64.random(in: 0...UInt64.max)).model")
        defer { try? FileManager.default.removeItem(at: url) }
        try archive.write(to: url)
        #expect(try ModelArchive(contentsOf: url) == archive)
    }

    @Test func storableLayersComeBackOnlyAsTheirOwnKind() throws {
        let archive = try ModelArchive(serialized: try Self.sampleArchive().serialized())
        #expect(FFFLayer(stored: archive.layers[0]) != nil)
        #expect(DenseLayer(stored: archive.layers[0]) == nil)
        #expect(DenseLayer(stored: archive.layers[1])?.hiddenWidth == 6)
    }

    @Test func metadataCheckRefusesAnotherRelease() throws {
        let archive = try Self.sampleArchive()
        try archive.requireMetadata(archive.metadata)
        #expect(throws: ModelFormatError.metadataMismatch(expected: "hpo-2024-01-01", found: archive.metadata)) {
            try archive.requireMetadata("hpo-2024-01-01")
        }
    }

    @Test func corruptedPayloadIsRefusedByChecksum() throws {
        var bytes = try Self.sampleArchive().serialized()
        bytes[bytes.count / 2] ^= 0x01
        #expect {
            try ModelArchive(serialized: bytes)
        } throws: { error in
            guard case ModelFormatError.checksumMismatch = error else { return false }
            return "\(error)".contains("corrupted")
        }
    }

    @Test func truncatedFilesAreRefused() throws {
        let bytes = try Self.sampleArchive().serialized()
        #expect(throws: ModelFormatError.truncated(expectedBytes: bytes.count, actualBytes: bytes.count - 1)) {
            try ModelArchive(serialized: Array(bytes.dropLast()))
        }
        #expect(throws: ModelFormatError.truncated(expectedBytes: 24, actualBytes: 12)) {
            try ModelArchive(serialized: Array(bytes.prefix(12)))
        }
        #expect(throws: ModelFormatError.truncated(expectedBytes: 24, actualBytes: 3)) {
            try ModelArchive(serialized: Array(bytes.prefix(3)))
        }
        #expect(throws: ModelFormatError.trailingBytes(expectedBytes: bytes.count, actualBytes: bytes.count + 1)) {
            try ModelArchive(serialized: bytes + [0])
        }
    }

    @Test func wrongVersionIsRefused() throws {
        var bytes = try Self.sampleArchive().serialized()
        bytes[8] = 2
        #expect(throws: ModelFormatError.unsupportedVersion(found: 2, supported: 1)) {
            try ModelArchive(serialized: bytes)
        }
    }

    @Test func wrongMagicIsRefused() throws {
        var bytes = try Self.sampleArchive().serialized()
        bytes[1] = UInt8(ascii: "G")
        #expect(throws: ModelFormatError.wrongMagic(found: Array(bytes.prefix(8)))) {
            try ModelArchive(serialized: bytes)
        }
        #expect(throws: ModelFormatError.wrongMagic(found: Array("{}".utf8))) {
            try ModelArchive(serialized: Array("{}".utf8))
        }
    }

    @Test func inconsistentShapeIsRefusedEvenWithAValidChecksum() throws {
        let archive = ModelArchive(
            metadata: "m", layers: [.fastFeedforward(try FFFLayer(inputWidth: 2, outputWidth: 1, depth: 1, seed: 4))])
        let bytes = archive.serialized()
        // Payload: metadata length (4) + "m" (1) + layer count (4) + kind (4) + input (4) + output (4) + depth.
        let depthOffset = 20 + 4 + 1 + 4 + 4 + 4 + 4
        var deeper = bytes
        deeper[depthOffset] = 2
        #expect {
            try ModelArchive(serialized: Self.resealed(deeper))
        } throws: { error in
            guard case ModelFormatError.invalidShape(layer: 0, _) = error else { return false }
            return true
        }
        var tooDeep = bytes
        tooDeep[depthOffset] = 200
        #expect {
            try ModelArchive(serialized: Self.resealed(tooDeep))
        } throws: { error in
            guard case ModelFormatError.invalidShape(layer: 0, let reason) = error else { return false }
            return reason.contains("depth 200")
        }
        var unknownKind = bytes
        unknownKind[depthOffset - 12] = 9
        #expect(throws: ModelFormatError.unknownLayerKind(layer: 0, code: 9)) {
            try ModelArchive(serialized: Self.resealed(unknownKind))
        }
    }
}

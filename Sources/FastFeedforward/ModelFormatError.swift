/// Why a serialized model was refused. Each case carries what a user needs to tell a corrupt
/// or foreign file from a model trained for something else.
public enum ModelFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not start with ``ModelArchive/magic``: it is not a model file.
    case wrongMagic(found: [UInt8])
    /// The file was written by a format version this code does not read.
    case unsupportedVersion(found: UInt32, supported: UInt32)
    /// The file ends before the length its header announces.
    case truncated(expectedBytes: Int, actualBytes: Int)
    /// The file continues past the length its header announces.
    case trailingBytes(expectedBytes: Int, actualBytes: Int)
    /// The stored CRC-32 does not match the bytes: the file was corrupted.
    case checksumMismatch(stored: UInt32, computed: UInt32)
    /// A layer's shape is impossible or its tensor lengths disagree with the shape.
    case invalidShape(layer: Int, reason: String)
    /// A layer kind code this version does not know.
    case unknownLayerKind(layer: Int, code: UInt32)
    /// The payload is internally inconsistent (bad UTF-8, lengths running past the end).
    case malformed(offset: Int, reason: String)
    /// The model was trained for different metadata (for example another knowledge-base
    /// release) than the caller requires.
    case metadataMismatch(expected: String, found: String)
    /// The file could not be read or written.
    case io(path: String, reason: String)

    /// A sentence that says what is wrong and, where possible, what to do.
    public var description: String {
        switch self {
        case .wrongMagic(let found):
            let hex = found.map { String($0, radix: 16) }.joined(separator: " ")
            return "not a ddx feedforward model file (starts with \(hex))"
        case .unsupportedVersion(let found, let supported):
            return
                "model format version \(found) is not supported (this build reads version \(supported)); retrain or convert the model"
        case .truncated(let expected, let actual):
            return "model file is truncated: \(actual) bytes, expected \(expected)"
        case .trailingBytes(let expected, let actual):
            return
                "model file has \(actual - expected) unexpected bytes after its end (\(actual) bytes, expected \(expected))"
        case .checksumMismatch(let stored, let computed):
            return
                "model file is corrupted: CRC-32 stored \(String(stored, radix: 16)), computed \(String(computed, radix: 16))"
        case .invalidShape(let layer, let reason):
            return "layer \(layer) has an invalid shape: \(reason)"
        case .unknownLayerKind(let layer, let code):
            return "layer \(layer) has unknown kind code \(code)"
        case .malformed(let offset, let reason):
            return "model file is malformed at byte \(offset): \(reason)"
        case .metadataMismatch(let expected, let found):
            return "model was trained for \"\(found)\" but \"\(expected)\" is required; retrain the model"
        case .io(let path, let reason):
            return "cannot access model file \(path): \(reason)"
        }
    }
}

/// A cache file that could not be put in place.
public enum DictionaryCacheError: Error, CustomStringConvertible {
    case unwritable(String, reason: String)

    public var description: String {
        switch self {
        case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}

import Foundation

/// One-line JSON with sorted keys, for output that scripts and tests compare.
public enum JSONText {
    public static func encode(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

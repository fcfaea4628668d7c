import Foundation

/// A JSON object from `JSONSerialization` with typed look-ups that fail with a
/// ``CaseInputError`` naming the field's path (`findings[2].status`).
///
/// JSON `null` counts as a missing field. Booleans and numbers both arrive as `NSNumber`
/// (on Linux too), so booleans are told apart by their Objective-C type code.
struct JSONFields {
    let values: [String: Any]
    let location: InputLocation
    /// Where this object sits inside the case.
    private let place: FieldPath

    init(_ values: [String: Any], path: String = "", location: InputLocation) {
        self.init(values, place: .named(path), location: location)
    }

    private init(_ values: [String: Any], place: FieldPath, location: InputLocation) {
        self.values = values
        self.place = place
        self.location = location
    }

    /// Path of this object inside the case; empty for the case itself.
    var path: String { place.description }

    /// True when the key is there and not `null`.
    func contains(_ key: String) -> Bool { value(key) != nil }

    /// The path of a member, for error messages.
    func path(of key: String) -> String { FieldPath.member(place, key).description }

    func string(_ key: String) throws(CaseInputError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value as? String else { throw wrongType(key, expected: "a string", got: value) }
        return text
    }

    func bool(_ key: String) throws(CaseInputError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = Self.boolean(value) else { throw wrongType(key, expected: "true or false", got: value) }
        return flag
    }

    func object(_ key: String) throws(CaseInputError) -> JSONFields? {
        guard let value = value(key) else { return nil }
        guard let members = value as? [String: Any] else {
            throw wrongType(key, expected: "an object", got: value)
        }
        return JSONFields(members, place: .member(place, key), location: location)
    }

    func array(_ key: String) throws(CaseInputError) -> [Any]? {
        guard let value = value(key) else { return nil }
        guard let elements = value as? [Any] else { throw wrongType(key, expected: "an array", got: value) }
        return elements
    }

    /// An array whose elements must all be objects.
    func objects(_ key: String) throws(CaseInputError) -> [JSONFields]? {
        guard let elements = try objectMembers(key) else { return nil }
        var result: [JSONFields] = []
        result.reserveCapacity(elements.count)
        for (index, members) in elements.enumerated() {
            result.append(element(index, of: key, members))
        }
        return result
    }

    /// An array whose elements must all be objects, as their members: for a reader that looks
    /// into most elements without needing their paths, and makes ``element(_:of:_:)`` of the rest.
    func objectMembers(_ key: String) throws(CaseInputError) -> [[String: Any]]? {
        guard let elements = try array(key) else { return nil }
        var result: [[String: Any]] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard let members = element as? [String: Any] else {
                throw location.error(
                    .wrongType, field: FieldPath.element(.member(place, key), index).description,
                    "expected an object, got \(Self.describe(element))")
            }
            result.append(members)
        }
        return result
    }

    /// The object at `index` of the array `key`, whose members are given.
    func element(_ index: Int, of key: String, _ members: [String: Any]) -> JSONFields {
        JSONFields(members, place: .element(.member(place, key), index), location: location)
    }

    /// An error about one member of this object.
    func error(_ kind: CaseInputError.Kind, at key: String, _ reason: String) -> CaseInputError {
        location.error(kind, field: path(of: key), reason)
    }

    func wrongType(_ key: String, expected: String, got value: Any) -> CaseInputError {
        error(.wrongType, at: key, "expected \(expected), got \(Self.describe(value))")
    }

    private func value(_ key: String) -> Any? {
        guard let value = values[key], !Self.isNull(value) else { return nil }
        return value
    }

    /// JSON `null`. The value's type is looked at first: a failed cast is slow on Linux, and
    /// `is NSNull` on an array or object would even bridge it to Foundation (a deep copy).
    static func isNull(_ value: Any) -> Bool {
        let type = type(of: value)
        // The parsers' exact types first: comparing metatypes is cheaper than casting them.
        if type == String.self || type == [String: Any].self || type == NSNumber.self || type == [Any].self {
            return false
        }
        if type is NSNull.Type { return true }
        if type is NSNumber.Type { return false }  // a subclass (JSONSerialization's booleans)
        return value is NSNull  // not from JSONSerialization: an optional holding NSNull, say
    }

    /// The text without leading and trailing characters of `set`; text that starts and ends
    /// with a visible ASCII character is returned as it is, without Foundation's slow trimming.
    static func trimming(_ text: String, _ set: CharacterSet) -> String {
        isVisibleAtBothEnds(text) ? text : text.trimmingCharacters(in: set)
    }

    /// Whether the text starts and ends with a visible ASCII character, so that trimming
    /// whitespace or newlines would leave it as it is.
    static func isVisibleAtBothEnds(_ text: String) -> Bool {
        let visible = UInt8(ascii: "!")...UInt8(ascii: "~")
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return visible.contains(first) && visible.contains(last)
    }

    /// A JSON boolean; nil for numbers, even 0 and 1.
    static func boolean(_ value: Any) -> Bool? {
        if let number = value as? NSNumber {
            return isBooleanType(number.objCType) ? number.boolValue : nil
        }
        return value as? Bool
    }

    /// Whether an `NSNumber`'s Objective-C type code is `"c"`, a boolean's; compared in place,
    /// without making a `String` of it.
    private static func isBooleanType(_ code: UnsafePointer<CChar>) -> Bool {
        code[0] == CChar(UInt8(ascii: "c")) && code[1] == 0
    }

    /// The value's JSON type and, for scalars, the value itself: `the number 3`, `"maybe"`.
    static func describe(_ value: Any) -> String {
        switch value {
        case let text as String: return quoted(text)
        case is NSNull: return "null"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: break
        }
        if let flag = boolean(value) { return "\(flag)" }
        if let number = value as? NSNumber { return "the number \(number)" }
        return "a \(type(of: value))"
    }

    /// The text in double quotes, cut to a readable length.
    static func quoted(_ text: String, limit: Int = 60) -> String {
        let escaped = text.replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        guard escaped.count > limit else { return "\"\(escaped)\"" }
        return "\"\(escaped.prefix(limit))…\""
    }
}

/// Where a value sits inside a case, such as `phenotypicFeatures[2].type`: kept in pieces and
/// spelled out only when an error names it, which most objects never need.
enum FieldPath: CustomStringConvertible {
    /// A whole path as given; empty for the case itself.
    case named(String)
    indirect case member(FieldPath, String)
    indirect case element(FieldPath, Int)

    var description: String {
        switch self {
        case .named(let path):
            return path
        case .member(let parent, let key):
            let prefix = parent.description
            return prefix.isEmpty ? key : "\(prefix).\(key)"
        case .element(let parent, let index):
            return "\(parent)[\(index)]"
        }
    }
}

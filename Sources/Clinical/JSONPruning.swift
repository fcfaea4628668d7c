/// The parts of a JSON value a reader looks at, so that ``StrictJSONParser`` can step over the
/// rest — still checking that it is JSON — instead of building values nobody reads.
///
/// For an object, the members named in ``members`` are built with their own pruning, and the
/// others either whole or not at all (``keepsOtherMembers``). Each element of an array takes
/// the array's pruning. Strings, numbers and literals are always built.
public struct JSONPruning: Sendable {
    /// Members built with a pruning of their own.
    public var members: [String: JSONPruning]
    /// Whether members not named in ``members`` are built (whole) or skipped.
    public var keepsOtherMembers: Bool

    public init(members: [String: JSONPruning], keepsOtherMembers: Bool) {
        self.members = members
        self.keepsOtherMembers = keepsOtherMembers
    }

    /// Everything built.
    public static let whole = JSONPruning(members: [:], keepsOtherMembers: true)

    /// Only the named members built, each with its pruning.
    public static func only(_ members: [String: JSONPruning]) -> JSONPruning {
        JSONPruning(members: members, keepsOtherMembers: false)
    }

    /// Whether nothing is left out.
    var isWhole: Bool { keepsOtherMembers && members.isEmpty }
}

/// The HPO as an immutable graph: terms, `is_a` edges and the id look-ups a case needs.
///
/// Terms are stored densely; graph queries work on `Int32` positions into ``terms`` so the
/// rankers can keep per-term arrays. Every live term's ancestor set (including itself) is
/// computed once at construction.
public struct Ontology: Sendable {
    /// The release named in the OBO header, e.g. `hp/releases/2025-01-16`.
    public let release: String
    /// All terms of the release, obsolete ones included, in id order.
    public let terms: [Term]
    /// Direct parents of each term, as positions into ``terms``.
    public let parentIndices: [[Int32]]
    /// Direct children of each term, as positions into ``terms``.
    public let childIndices: [[Int32]]
    /// Each term with all its ancestors (the term itself first), as positions into ``terms``.
    public let ancestorIndices: [[Int32]]

    private let positionIndex: TermPositionIndex
    private let primaryByAlternate: [TermID: TermID]

    /// The root of the whole ontology, `HP:0000001`.
    public static let root = TermID(1)
    /// `HP:0000118`, the root of the phenotypic-abnormality subontology.
    public static let phenotypicAbnormality = TermID(118)

    /// Builds the graph. Parents that name no term of the release are dropped;
    /// `is_a` cycles (never present in a valid release) are broken where found.
    public init(release: String, terms: [Term]) {
        let sorted = terms.sorted { $0.id < $1.id }
        let positions = TermPositionIndex(sorted.map(\.id))
        var alternates: [TermID: TermID] = [:]
        for term in sorted where !term.isObsolete {
            for alternate in term.alternateIDs where positions.position(of: alternate) == nil {
                alternates[alternate] = term.id
            }
        }
        let parents = sorted.map { term in term.parents.compactMap { positions.position(of: $0) } }
        var children = Array(repeating: [Int32](), count: sorted.count)
        for (child, list) in parents.enumerated() {
            for parent in list { children[Int(parent)].append(Int32(child)) }
        }
        self.release = release
        self.terms = sorted
        self.parentIndices = parents
        self.childIndices = children
        self.ancestorIndices = Ontology.closures(parents: parents)
        self.positionIndex = positions
        self.primaryByAlternate = alternates
    }

    /// Number of terms, obsolete ones included.
    public var count: Int { terms.count }

    /// The position of a term of this release (primary or obsolete id), or nil.
    public func position(of id: TermID) -> Int32? { positionIndex.position(of: id) }

    /// The term with this exact id, or nil.
    public func term(_ id: TermID) -> Term? {
        position(of: id).map { terms[Int($0)] }
    }

    /// The term's name, or nil when the id is not in the release (read in place, without
    /// copying the whole term: answers look up a label per finding).
    public func name(of id: TermID) -> String? { position(of: id).map { terms[Int($0)].name } }

    /// Maps any id a case may carry to the live term that stands for it.
    public func resolve(_ id: TermID) -> Resolution {
        if let primary = primaryByAlternate[id] { return .alternate(of: primary) }
        guard let term = term(id) else { return .unknown }
        guard term.isObsolete else { return .current }
        var replacement = term.replacedBy
        var hops = 0
        while let next = replacement, hops < 8 {
            if let primary = primaryByAlternate[next] { return .replaced(by: primary) }
            guard let nextTerm = self.term(next) else { break }
            if !nextTerm.isObsolete { return .replaced(by: next) }
            replacement = nextTerm.replacedBy
            hops += 1
        }
        return .obsolete(consider: term.consider)
    }

    /// True when `ancestor` is `term` or one of its ancestors.
    public func isAncestor(_ ancestor: TermID, of term: TermID) -> Bool {
        guard let a = position(of: ancestor), let t = position(of: term) else { return false }
        return ancestorIndices[Int(t)].contains(a)
    }

    /// The term and all its ancestors.
    public func ancestors(of id: TermID) -> [TermID] {
        guard let position = position(of: id) else { return [] }
        return ancestorIndices[Int(position)].map { terms[Int($0)].id }
    }

    /// The term and all its descendants, as positions.
    public func descendantIndices(of position: Int32) -> [Int32] {
        var seen: Set<Int32> = [position]
        var stack = [position]
        while let next = stack.popLast() {
            for child in childIndices[Int(next)] where seen.insert(child).inserted {
                stack.append(child)
            }
        }
        return Array(seen)
    }

    /// The term and all its descendants.
    public func descendants(of id: TermID) -> [TermID] {
        guard let position = position(of: id) else { return [] }
        return descendantIndices(of: position).map { terms[Int($0)].id }
    }

    private static func closures(parents: [[Int32]]) -> [[Int32]] {
        var closure = Array(repeating: [Int32](), count: parents.count)
        var state = Array(repeating: UInt8(0), count: parents.count)  // 0 new, 1 open, 2 done
        for start in parents.indices where state[start] == 0 {
            var stack: [(node: Int, nextParent: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let list = parents[top.node]
                if top.nextParent < list.count {
                    stack[stack.count - 1].nextParent += 1
                    let parent = Int(list[top.nextParent])
                    if state[parent] == 0 {
                        state[parent] = 1
                        stack.append((parent, 0))
                    }
                    continue
                }
                var set: Set<Int32> = [Int32(top.node)]
                for parent in list where state[Int(parent)] == 2 {
                    set.formUnion(closure[Int(parent)])
                }
                var ordered = [Int32(top.node)]
                ordered.append(contentsOf: set.subtracting([Int32(top.node)]).sorted())
                closure[top.node] = ordered
                state[top.node] = 2
                stack.removeLast()
            }
        }
        return closure
    }
}

/// What an id in a case stands for in this release.
public enum Resolution: Equatable, Sendable {
    /// A live primary id.
    case current
    /// An alternate id merged into this live term.
    case alternate(of: TermID)
    /// An obsolete id whose replacement is this live term.
    case replaced(by: TermID)
    /// An obsolete id without a replacement; curators suggest these instead.
    case obsolete(consider: [TermID])
    /// Not an id of this release.
    case unknown
}

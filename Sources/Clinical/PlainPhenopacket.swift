import Ontology

/// A phenopacket read straight from its JSON text, for the plain shape nearly every one has:
/// the same case ``PhenopacketReader`` makes of the parsed object, without building the
/// object (most of whose members no reader looks at). Anything else gives nil, and the text
/// goes the usual way, through the parser and the reader, which also word any error.
///
/// Plain means: `phenotypicFeatures` holds at least one feature, each with a `type` whose
/// `id` is `HP:` and seven digits, `excluded` and `negated` left out or `true` or `false`;
/// the members the reader looks at (`id`, `subject.sex`,
/// `subject.timeAtLastEncounter.age.iso8601duration`, the diagnosis ids of `interpretations`,
/// `diseases[].term.id` and `excluded`, `metaData.externalReferences[].id`) are plain strings
/// of the right form where given, never `null`, each given once; an `id` or an age starts and
/// ends with a visible character; no `findings` or `text` member. Other members are stepped
/// over, checked as strictly as the parser checks them.
public enum PlainPhenopacket {
    /// The case in `bytes`, a whole phenopacket object (valid UTF-8), or nil.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, at location: InputLocation) -> PatientCase? {
        var cursor = PlainJSONCursor(bytes, maxDepth: StrictJSONParser.defaultMaxDepth)
        guard let patientCase = read(from: &cursor, at: location), cursor.atEnd else { return nil }
        return patientCase
    }

    /// The case in the phenopacket object at the cursor, which is left after it; nil when it
    /// is not plain.
    public static func read(from cursor: inout PlainJSONCursor, at location: InputLocation) -> PatientCase? {
        var members = Members()
        guard cursor.object({ members.read($1, from: &$0) }), let findings = members.findings, !findings.isEmpty
        else { return nil }
        return PatientCase(
            id: members.id ?? location.fallbackCaseID, findings: findings, age: members.age, sex: members.sex,
            truth: members.interpretationTruth ?? members.diseaseTruth, references: members.references)
    }

    /// What the members of a phenopacket say, as they are read.
    private struct Members {
        var id: String?
        var sex = Sex.unknown
        var age: String?
        var findings: [Finding]?
        /// The first diagnosis id of `interpretations`, and the first id of a disease not excluded.
        var interpretationTruth: String?
        var diseaseTruth: String?
        var references: [String] = []
        private var seen = Seen()

        mutating func read(_ key: String, from cursor: inout PlainJSONCursor) -> Bool {
            switch key {
            case "id", "subject", "phenotypicFeatures", "interpretations", "diseases", "metaData":
                guard seen.first(key) else { return false }
            case "findings", "text":
                return false  // a ddx case's members: left to the loader to judge
            default:
                return cursor.skipValue()
            }
            switch key {
            case "id":
                guard let text = cursor.plainString(), JSONFields.isVisibleAtBothEnds(text) else { return false }
                id = text
                return true
            case "subject": return readSubject(&cursor)
            case "phenotypicFeatures": return readFeatures(&cursor)
            case "interpretations": return readInterpretations(&cursor)
            case "diseases": return readDiseases(&cursor)
            default: return readMetaData(&cursor)
            }
        }

        private mutating func readSubject(_ cursor: inout PlainJSONCursor) -> Bool {
            var seen = Seen()
            return cursor.object { cursor, key in
                switch key {
                case "sex":
                    guard seen.first(key), let text = cursor.plainString(), let value = Sex(lenient: text)
                    else { return false }
                    sex = value
                    return true
                case "timeAtLastEncounter":
                    guard seen.first(key) else { return false }
                    return PlainPhenopacket.member("age", of: &cursor) { cursor in
                        PlainPhenopacket.member("iso8601duration", of: &cursor) { cursor in
                            guard let text = cursor.plainString(), JSONFields.isVisibleAtBothEnds(text),
                                ISO8601Duration.isValid(text)
                            else { return false }
                            age = text
                            return true
                        }
                    }
                default: return cursor.skipValue()
                }
            }
        }

        private mutating func readFeatures(_ cursor: inout PlainJSONCursor) -> Bool {
            var read: [Finding] = []
            let plain = cursor.array { cursor in
                var id: TermID?
                var excluded: Bool?
                var negated: Bool?
                // A member read is never nil after, so a second one is told by its value.
                let walked = cursor.object { cursor, key in
                    switch key {
                    case "type":
                        guard id == nil else { return false }
                        return PlainPhenopacket.member("id", of: &cursor) { cursor in
                            id = cursor.plainString().flatMap(JSONFields.plainTermID)
                            return id != nil
                        }
                    case "excluded":
                        guard excluded == nil else { return false }
                        excluded = cursor.bool()
                        return excluded != nil
                    case "negated":
                        guard negated == nil else { return false }
                        negated = cursor.bool()
                        return negated != nil
                    default: return cursor.skipValue()
                    }
                }
                guard walked, let id else { return false }
                read.append(Finding(id: id, status: (excluded ?? negated) == true ? .absent : .present))
                return true
            }
            findings = read
            return plain
        }

        private mutating func readInterpretations(_ cursor: inout PlainJSONCursor) -> Bool {
            cursor.array { cursor in
                PlainPhenopacket.member("diagnosis", of: &cursor) { cursor in
                    PlainPhenopacket.member("disease", of: &cursor) { cursor in
                        PlainPhenopacket.member("id", of: &cursor) { cursor in
                            guard let text = cursor.plainString() else { return false }
                            if interpretationTruth == nil && !text.isEmpty { interpretationTruth = text }
                            return true
                        }
                    }
                }
            }
        }

        private mutating func readDiseases(_ cursor: inout PlainJSONCursor) -> Bool {
            cursor.array { cursor in
                var excluded: Bool?
                var termID: String?
                var termSeen = false
                let walked = cursor.object { cursor, key in
                    switch key {
                    case "excluded":
                        guard excluded == nil else { return false }
                        excluded = cursor.bool()
                        return excluded != nil
                    case "term":
                        guard !termSeen else { return false }
                        termSeen = true
                        return PlainPhenopacket.member("id", of: &cursor) { cursor in
                            termID = cursor.plainString()
                            return termID != nil
                        }
                    default: return cursor.skipValue()
                    }
                }
                if diseaseTruth == nil, excluded != true, let termID, !termID.isEmpty { diseaseTruth = termID }
                return walked
            }
        }

        private mutating func readMetaData(_ cursor: inout PlainJSONCursor) -> Bool {
            PlainPhenopacket.member("externalReferences", of: &cursor) { cursor in
                cursor.array { cursor in
                    PlainPhenopacket.member("id", of: &cursor) { cursor in
                        guard let text = cursor.plainString() else { return false }
                        if text.hasPrefix("PMID:") { references.append(text) }
                        return true
                    }
                }
            }
        }
    }

    /// The members of one object read so far, to decline one given twice (whose last value the
    /// parser would keep). An object has at most a handful of the members a reader looks at.
    private struct Seen {
        private var keys: [String] = []

        /// Whether `key` comes for the first time; it is then counted as seen.
        mutating func first(_ key: String) -> Bool {
            guard !keys.contains(key) else { return false }
            keys.append(key)
            return true
        }
    }

    /// Walks an object, reading its member `key` (if given, once) with `read` and stepping over
    /// the others.
    private static func member(
        _ key: String, of cursor: inout PlainJSONCursor, _ read: (inout PlainJSONCursor) -> Bool
    ) -> Bool {
        var found = false
        return cursor.object { cursor, name in
            guard name == key else { return cursor.skipValue() }
            guard !found else { return false }
            found = true
            return read(&cursor)
        }
    }
}

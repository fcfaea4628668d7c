import Clinical

/// The params of a plain `rank` or `normalize` request, read straight from the line's bytes:
/// `{"case": {...}, "top": 10}`, members in any order, the case a phenopacket of the plain
/// shape ``PlainPhenopacket`` reads, `top` (if given) a whole number, any other member stepped
/// over (checked as strictly as the parser checks it). Such a request is answered without
/// parsing the line into JSON values, with the case the parser and reader would have made.
///
/// Anything else — a ddx case or text, a phenopacket of another shape, a `token` among the
/// params, a `top` of another form, a repeated member — gives nil, and the line is parsed and
/// read in full as before.
struct PlainCaseParams {
    var patientCase: PatientCase
    /// The `top` member; nil when left out.
    var top: Int?

    /// The params object at `span` of `bytes` (a line of valid UTF-8 whose outermost object
    /// holds it), nested at most `maxDepth` deep counting from that object; nil when not plain.
    static func read(_ bytes: UnsafeRawBufferPointer, params span: Range<Int>, maxDepth: Int) -> PlainCaseParams? {
        var cursor = PlainJSONCursor(
            bytes.assumingMemoryBound(to: UInt8.self), at: span.lowerBound, depth: 1, maxDepth: maxDepth)
        var patientCase: PatientCase?
        var top: Int?
        var seenTop = false
        let plain = cursor.object { cursor, key in
            switch key {
            case "case":
                guard patientCase == nil else { return false }
                patientCase = PlainPhenopacket.read(from: &cursor, at: CaseService.caseLocation)
                return patientCase != nil
            case "top":
                guard !seenTop, let value = cursor.smallWholeNumber() else { return false }
                seenTop = true
                top = value
                return true
            case "token":
                return false
            default:
                return cursor.skipValue()
            }
        }
        guard plain, cursor.index == span.upperBound, let patientCase else { return nil }
        return PlainCaseParams(patientCase: patientCase, top: top)
    }
}

extension JSONPruning {
    /// What the case readers read of a case object: all of it, except that of a phenopacket's
    /// `metaData` only the ids of its external references, and of its `interpretations` only
    /// the diagnosed disease's id (``PhenopacketReader``). The skipped parts — resources,
    /// variants, genes — are about half of a phenopacket's bytes.
    public static let patientCase = JSONPruning(
        members: [
            "metaData": .only(["externalReferences": .only(["id": .whole])]),
            "interpretations": .only(["diagnosis": .only(["disease": .only(["id": .whole])])]),
        ],
        keepsOtherMembers: true)

    /// A JSON-RPC request whose `params.case` is a case, read as ``patientCase``.
    public static let caseRequest = JSONPruning(
        members: ["params": JSONPruning(members: ["case": .patientCase], keepsOtherMembers: true)],
        keepsOtherMembers: true)
}

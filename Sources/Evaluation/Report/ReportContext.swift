/// What a rendered report says about where its figures came from, beside the figures.
public struct ReportContext: Sendable, Equatable {
    /// The report's title; contains SYNTHETIC for simulated reader studies.
    public var title: String
    public var knowledgeBase: String
    /// Model versions of the model arms.
    public var models: [String]
    /// The case set as given (a file or a manifest).
    public var set: String
    /// The reader-response file, if any.
    public var readers: String?
    /// The adjudication CSV read and written, if any.
    public var adjudicationFile: String?
    /// Answers waiting for a person's decision.
    public var pendingAdjudication: Int
    /// Reader rows refused.
    public var refusedRows: Int
    public var bootstrapResamples: Int
    public var bootstrapSeed: UInt64

    public init(
        title: String, knowledgeBase: String, models: [String], set: String, readers: String? = nil,
        adjudicationFile: String? = nil, pendingAdjudication: Int = 0, refusedRows: Int = 0,
        bootstrapResamples: Int, bootstrapSeed: UInt64
    ) {
        self.title = title
        self.knowledgeBase = knowledgeBase
        self.models = models
        self.set = set
        self.readers = readers
        self.adjudicationFile = adjudicationFile
        self.pendingAdjudication = pendingAdjudication
        self.refusedRows = refusedRows
        self.bootstrapResamples = bootstrapResamples
        self.bootstrapSeed = bootstrapSeed
    }

    /// Whether the study is labelled synthetic (simulated readers).
    public var isSynthetic: Bool { title.uppercased().contains("SYNTHETIC") }
}

import Foundation

/// Writes an evaluation report into a folder: `report.json` (the `ddx eval --format json`
/// object plus the per-case table), `report.md` and one self-contained `report.html` (inline
/// SVG, no scripts, nothing fetched).
public struct ReportWriter: Sendable {
    public let report: EvaluationReport
    public let context: ReportContext

    public init(report: EvaluationReport, context: ReportContext) {
        self.report = report
        self.context = context
    }

    /// Writes the three files, creating the folder; returns their URLs.
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files: [(String, String)] = [
            ("report.json", try json()), ("report.md", markdown()), ("report.html", html()),
        ]
        return try files.map { name, content in
            let url = directory.appendingPathComponent(name)
            try content.write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }

    /// `report.json`.
    public func json() throws -> String {
        let data = try JSONSerialization.data(
            withJSONObject: report.jsonObject(context: context, perCase: true),
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `report.md`.
    public func markdown() -> String {
        ReportMarkdown(report: report, context: context).render()
    }

    /// `report.html`.
    public func html() -> String {
        ReportHTML(report: report, context: context).render()
    }
}

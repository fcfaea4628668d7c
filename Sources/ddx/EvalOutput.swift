import Evaluation
import Foundation
import Service
import Statistics

/// The JSON and text renderings of an evaluation report (SPEC: `ddx eval --format json`).
struct EvalOutput {
    let report: EvaluationReport
    let context: ReportContext

    func json() -> [String: Any] { report.jsonObject(context: context) }

    func text() -> String {
        var lines = [
            context.title,
            "Cases \(report.cases) · evaluable \(report.evaluable) (truth in the knowledge base) · "
                + "circular \(report.circular) · non-circular \(report.evaluable - report.circular)",
            "Knowledge base \(context.knowledgeBase) · 95% bootstrap intervals over cases",
            "",
        ]
        for arm in report.arms {
            let unit = arm.kind == .readers ? " (n counts lists; lenient grading)" : ""
            lines.append("\(arm.name)\(unit)")
            for (label, summary) in [("all", arm.all), ("circular", arm.circular), ("non-circular", arm.nonCircular)] {
                lines.append("  " + row(label, summary))
            }
            if let strict = arm.strict {
                lines.append("  " + row("strict", strict))
                lines.append("  answers pending adjudication: \(arm.pendingAnswers)")
                for reader in arm.readers { lines.append("  " + row("· \(reader.readerID)", reader.summary)) }
            }
        }
        if !report.assistance.isEmpty { lines.append("\nAssistance effect (condition − reference, paired cases)") }
        for effect in report.assistance {
            lines.append(
                "  \(effect.readerID): \(effect.condition) − \(effect.reference), n=\(effect.n): "
                    + String(format: "top-1 %+.1f pts, top-10 %+.1f pts", effect.delta(1) * 100, effect.delta(10) * 100)
            )
        }
        if !report.comparisons.isEmpty { lines.append("\nPaired comparisons (McNemar)") }
        for comparison in report.comparisons {
            lines.append(
                "  \(comparison.a) vs \(comparison.b) at top-\(comparison.k) (\(comparison.pairs) pairs): only a "
                    + "\(comparison.test.aOnly), only b \(comparison.test.bOnly), statistic "
                    + "\(String(format: "%.3f", comparison.test.statistic)), p \(String(format: "%.4g", comparison.test.pValue))"
            )
        }
        if !report.missing.isEmpty {
            let shown = report.missing.prefix(20).map { "\($0.caseID) (\($0.truth))" }.joined(separator: ", ")
            lines.append(
                "\nNot in the knowledge base (\(report.missing.count)): \(shown)\(report.missing.count > 20 ? ", …" : "")"
            )
        }
        return lines.joined(separator: "\n")
    }

    private func row(_ label: String, _ summary: ArmSummary) -> String {
        func cell(_ k: Int) -> String {
            let value = (summary.topK[k] ?? 0) * 100
            guard let interval = summary.topKInterval[k] else { return String(format: "top-%d %.1f%%", k, value) }
            return String(format: "top-%d %.1f%% [%.1f, %.1f]", k, value, interval.lower * 100, interval.upper * 100)
        }
        let padded = label.padding(toLength: 13, withPad: " ", startingAt: 0)
        return "\(padded) n=\(String(summary.n).leftPadded(to: 4))  \(cell(1))  \(cell(3))  \(cell(5))  \(cell(10))  "
            + String(format: "MRR %.3f", summary.meanReciprocalRank)
    }
}

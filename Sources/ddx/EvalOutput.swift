import Evaluation
import Foundation
import Service
import Statistics

/// The JSON and text renderings of an evaluation report (SPEC: `ddx eval --format json`).
struct EvalOutput {
    let report: EvaluationReport
    let knowledgeBase: String
    let models: [String]

    func json() -> [String: Any] {
        [
            "cases": report.cases,
            "evaluable": report.evaluable,
            "circular": report.circular,
            "non_circular": report.evaluable - report.circular,
            "knowledge_base": knowledgeBase,
            "models": models,
            "not_in_knowledge_base": report.missing.map { ["case_id": $0.caseID, "truth": $0.truth] },
            "arms": report.arms.map { arm -> [String: Any] in
                var object = summary(arm.all)
                object["name"] = arm.name
                object["circular"] = summary(arm.circular)
                object["non_circular"] = summary(arm.nonCircular)
                return object
            },
            "comparisons": report.comparisons.map { comparison -> [String: Any] in
                [
                    "a": comparison.a, "b": comparison.b, "k": comparison.k, "test": "mcnemar",
                    "method": comparison.test.method.rawValue, "statistic": comparison.test.statistic,
                    "p": comparison.test.pValue, "a_only": comparison.test.aOnly, "b_only": comparison.test.bOnly,
                ]
            },
        ]
    }

    private func summary(_ summary: ArmSummary) -> [String: Any] {
        var topk: [String: Double] = [:]
        var intervals: [String: [Double]] = [:]
        for k in ArmSummary.ks {
            topk[String(k)] = rounded(summary.topK[k] ?? 0)
            if let interval = summary.topKInterval[k] {
                intervals[String(k)] = [rounded(interval.lower), rounded(interval.upper)]
            }
        }
        return [
            "n": summary.n, "topk": topk, "ci95": intervals, "mrr": rounded(summary.meanReciprocalRank),
            "mrr_ci95": [
                rounded(summary.meanReciprocalRankInterval.lower), rounded(summary.meanReciprocalRankInterval.upper),
            ],
        ]
    }

    private func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    func text() -> String {
        var lines = [
            "Cases \(report.cases) · evaluable \(report.evaluable) (truth in the knowledge base) · "
                + "circular \(report.circular) · non-circular \(report.evaluable - report.circular)",
            "Knowledge base \(knowledgeBase) · 95% bootstrap intervals over cases",
            "",
        ]
        for arm in report.arms {
            lines.append("\(arm.name)")
            for (label, summary) in [("all", arm.all), ("circular", arm.circular), ("non-circular", arm.nonCircular)] {
                lines.append("  " + row(label, summary))
            }
        }
        if !report.comparisons.isEmpty { lines.append("\nPaired comparisons (McNemar)") }
        for comparison in report.comparisons {
            lines.append(
                "  \(comparison.a) vs \(comparison.b) at top-\(comparison.k): only a \(comparison.test.aOnly), "
                    + "only b \(comparison.test.bOnly), statistic \(String(format: "%.3f", comparison.test.statistic)), "
                    + "p \(String(format: "%.4g", comparison.test.pValue))")
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

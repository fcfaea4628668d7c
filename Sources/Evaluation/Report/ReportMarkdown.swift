import Foundation

/// `report.md`: the same figures as the HTML, as Markdown tables.
struct ReportMarkdown {
    let report: EvaluationReport
    let context: ReportContext

    func render() -> String {
        var lines = ["# \(context.title)", ""]
        if context.isSynthetic {
            lines += [
                "**SYNTHETIC**: the readers are simulated (noisy rankers); these figures exercise the harness and "
                    + "say nothing about clinicians.", "",
            ]
        }
        lines += ReportProvenance(report: report, context: context).lines.map { "- \($0)" } + [""]
        lines += [
            "## Arms", "", "| arm | split | n | top-1 | top-3 | top-5 | top-10 | MRR |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for arm in report.arms {
            var splits = [("all", arm.all), ("circular", arm.circular), ("non-circular", arm.nonCircular)]
            if let strict = arm.strict { splits.append(("strict grading", strict)) }
            for (label, summary) in splits { lines.append(row(arm.name, label, summary)) }
        }
        let readerArms = report.arms.filter { $0.kind == .readers }
        if !readerArms.isEmpty {
            lines += [
                "", "## Readers", "", "| arm | reader | n | top-1 | top-3 | top-5 | top-10 | MRR |",
                "|---|---|---|---|---|---|---|---|",
            ]
            for arm in readerArms {
                for reader in arm.readers { lines.append(row(arm.name, reader.readerID, reader.summary)) }
            }
            lines += [
                "",
                "Answers pending adjudication (counted wrong): "
                    + readerArms.map { "\($0.name) \($0.pendingAnswers)" }.joined(separator: ", ") + ".",
            ]
        }
        if !report.assistance.isEmpty {
            lines += [
                "", "## Assistance effect", "", "| reader | condition − reference | n | Δ top-1 | Δ top-10 |",
                "|---|---|---|---|---|",
            ]
            for effect in report.assistance {
                lines.append(
                    "| \(effect.readerID) | \(effect.condition) − \(effect.reference) | \(effect.n) | "
                        + String(format: "%+.1f pts | %+.1f pts |", effect.delta(1) * 100, effect.delta(10) * 100))
            }
        }
        lines += [
            "", "## Paired comparisons (McNemar)", "",
            "| a | b | k | pairs | a only | b only | statistic | p | method |", "|---|---|---|---|---|---|---|---|---|",
        ]
        for comparison in report.comparisons {
            lines.append(
                "| \(comparison.a) | \(comparison.b) | \(comparison.k) | \(comparison.pairs) | \(comparison.test.aOnly) | "
                    + "\(comparison.test.bOnly) | \(String(format: "%.3f", comparison.test.statistic)) | "
                    + "\(String(format: "%.3g", comparison.test.pValue)) | \(comparison.test.method.rawValue) |")
        }
        lines += ["", "## Accuracy by number of observed findings (top-1 / top-10)", ""]
        lines.append("| findings | " + report.arms.map(\.name).joined(separator: " | ") + " |")
        lines.append("|---|" + String(repeating: "---|", count: report.arms.count))
        for bin in report.byFindings {
            let cells = bin.cells.map { String(format: "%.1f%% / %.1f%% (n=%d)", $0.top1 * 100, $0.top10 * 100, $0.n) }
            lines.append("| \(bin.label) | " + cells.joined(separator: " | ") + " |")
        }
        if !report.missing.isEmpty {
            lines += ["", "## Not in the knowledge base (\(report.missing.count))", ""]
            lines.append(report.missing.map { "\($0.caseID) (\($0.truth))" }.joined(separator: ", "))
        }
        lines += ["", "The per-case table is in report.html and report.json.", ""]
        return lines.joined(separator: "\n")
    }

    private func row(_ arm: String, _ label: String, _ summary: ArmSummary) -> String {
        func cell(_ k: Int) -> String {
            let value = (summary.topK[k] ?? 0) * 100
            guard k == 1 || k == 10, let interval = summary.topKInterval[k] else {
                return String(format: "%.1f%%", value)
            }
            return String(format: "%.1f%% [%.1f, %.1f]", value, interval.lower * 100, interval.upper * 100)
        }
        return "| \(arm) | \(label) | \(summary.n) | \(cell(1)) | \(cell(3)) | \(cell(5)) | \(cell(10)) | "
            + String(format: "%.3f |", summary.meanReciprocalRank)
    }
}

/// The lines every report starts with: where the figures come from.
struct ReportProvenance {
    let report: EvaluationReport
    let context: ReportContext

    var lines: [String] {
        var lines = [
            "Case set: \(context.set) — \(report.cases) cases, \(report.evaluable) evaluable (truth in the knowledge "
                + "base), \(report.circular) circular, \(report.evaluable - report.circular) non-circular",
            "Knowledge base: \(context.knowledgeBase); models: \(context.models.joined(separator: ", "))",
            "95% percentile bootstrap intervals over cases: \(context.bootstrapResamples) resamples, seed \(context.bootstrapSeed)",
        ]
        if let readers = context.readers {
            lines.append(
                "Reader responses: \(readers) (\(context.refusedRows) rows refused); reader arms count lists and use "
                    + "lenient grading (exact id, same disease under another id, normalised name, adjudication); strict "
                    + "grading shown beside; \(context.pendingAdjudication) answers pending adjudication"
                    + (context.adjudicationFile.map { " in \($0)" } ?? ""))
        }
        return lines
    }
}

import Foundation

/// `report.html`: one self-contained page — inline CSS and SVG, no scripts, nothing fetched.
struct ReportHTML {
    let report: EvaluationReport
    let context: ReportContext

    func render() -> String {
        let charts = ReportCharts(report: report)
        var sections: [String] = []
        if context.isSynthetic {
            sections.append(
                "<p class=\"synthetic\">SYNTHETIC: the readers are simulated (noisy rankers). These figures exercise "
                    + "the harness; they are not evidence about clinicians.</p>")
        }
        sections.append(
            "<ul>" + ReportProvenance(report: report, context: context).lines.map { "<li>\(e($0))</li>" }.joined()
                + "</ul>")
        sections.append("<h2>Arms</h2>" + armTable())
        sections.append("<figure id=\"topk-curves\">\(charts.topKCurves().svg())</figure>")
        if let deltas = charts.readerDeltas() {
            sections.append(
                "<h2>Assistance effect per reader</h2><figure id=\"reader-deltas\">\(deltas.svg())</figure>")
            sections.append(readerTable())
        }
        sections.append(
            "<h2>Accuracy by number of observed findings</h2><figure id=\"by-findings\">\(charts.byFindings().svg())</figure>"
        )
        sections.append("<h2>Paired comparisons (McNemar)</h2>" + comparisonTable())
        sections.append("<h2>Cases</h2>" + caseTable())
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(e(context.title))</title>
            <style>
            body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}
            table{border-collapse:collapse;margin:1em 0;font-size:13px}
            td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}
            td:first-child,th:first-child{text-align:left}
            .synthetic{background:#fde2e1;border:2px solid #d62728;padding:.6em;font-weight:bold}
            figure{margin:1em 0}
            </style></head><body>
            <h1>\(e(context.title))</h1>
            \(sections.joined(separator: "\n"))
            </body></html>

            """
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }

    private func percent(_ value: Double?) -> String { String(format: "%.1f%%", (value ?? 0) * 100) }

    private func armTable() -> String {
        var rows = [
            "<tr><th>arm</th><th>split</th><th>n</th><th>top-1 [95% CI]</th><th>top-3</th><th>top-5</th>"
                + "<th>top-10 [95% CI]</th><th>MRR</th></tr>"
        ]
        for arm in report.arms {
            var splits = [("all", arm.all), ("circular", arm.circular), ("non-circular", arm.nonCircular)]
            if let strict = arm.strict { splits.append(("strict grading", strict)) }
            for (label, summary) in splits {
                func interval(_ k: Int) -> String {
                    guard let ci = summary.topKInterval[k] else { return "" }
                    return String(format: " [%.1f, %.1f]", ci.lower * 100, ci.upper * 100)
                }
                rows.append(
                    "<tr data-arm=\"\(e(arm.name))\" data-split=\"\(label)\"><td>\(e(arm.name))</td><td>\(label)</td>"
                        + "<td>\(summary.n)</td><td>\(percent(summary.topK[1]))\(interval(1))</td>"
                        + "<td>\(percent(summary.topK[3]))</td><td>\(percent(summary.topK[5]))</td>"
                        + "<td>\(percent(summary.topK[10]))\(interval(10))</td>"
                        + String(format: "<td>%.3f</td></tr>", summary.meanReciprocalRank))
            }
        }
        return "<table>\(rows.joined(separator: "\n"))</table>"
    }

    private func readerTable() -> String {
        var rows = [
            "<tr><th>reader</th><th>condition − reference</th><th>n</th><th>reference top-1</th>"
                + "<th>condition top-1</th><th>reference top-10</th><th>condition top-10</th></tr>"
        ]
        for effect in report.assistance {
            rows.append(
                "<tr><td>\(e(effect.readerID))</td><td>\(e(effect.condition)) − \(e(effect.reference))</td>"
                    + "<td>\(effect.n)</td><td>\(percent(effect.referenceTopK[1]))</td>"
                    + "<td>\(percent(effect.conditionTopK[1]))</td><td>\(percent(effect.referenceTopK[10]))</td>"
                    + "<td>\(percent(effect.conditionTopK[10]))</td></tr>")
        }
        return "<table>\(rows.joined(separator: "\n"))</table>"
    }

    private func comparisonTable() -> String {
        var rows = [
            "<tr><th>a</th><th>b</th><th>k</th><th>pairs</th><th>a only</th><th>b only</th><th>statistic</th>"
                + "<th>p</th><th>method</th></tr>"
        ]
        for comparison in report.comparisons {
            rows.append(
                "<tr><td>\(e(comparison.a))</td><td>\(e(comparison.b))</td><td>\(comparison.k)</td>"
                    + "<td>\(comparison.pairs)</td><td>\(comparison.test.aOnly)</td><td>\(comparison.test.bOnly)</td>"
                    + String(format: "<td>%.3f</td><td>%.3g</td>", comparison.test.statistic, comparison.test.pValue)
                    + "<td>\(comparison.test.method.rawValue)</td></tr>")
        }
        return "<table>\(rows.joined(separator: "\n"))</table>"
    }

    /// One row per case: truth, circularity, findings, each model's rank of the truth, and for
    /// each reader arm the lists right within 10 over the lists given.
    private func caseTable() -> String {
        let modelArms = report.arms.filter { $0.kind == .model }
        let readerArms = report.arms.filter { $0.kind == .readers }
        let modelRanks = modelArms.map { arm in
            Dictionary(arm.outcomes.map { ($0.caseID, $0.rank) }, uniquingKeysWith: { a, _ in a })
        }
        let readerLists = readerArms.map { arm in Dictionary(grouping: arm.outcomes, by: \.caseID) }
        var header = "<tr><th>case</th><th>truth</th><th>circular</th><th>findings</th>"
        header += modelArms.map { "<th>\(e($0.name)) rank</th>" }.joined()
        header += readerArms.map { "<th>\(e($0.name)) right@10 / lists</th>" }.joined() + "</tr>"
        var rows = [header]
        for fact in report.caseFacts {
            var row =
                "<tr><td>\(e(fact.caseID))</td><td>\(e(fact.truth))\(fact.truthInKnowledgeBase ? "" : " (not in KB)")</td>"
            row += "<td>\(fact.isCircular ? "yes" : "no")</td><td>\(fact.presentFindings)</td>"
            for ranks in modelRanks {
                let rank = ranks[fact.caseID] ?? nil
                row += "<td>\(rank.map(String.init) ?? "–")</td>"
            }
            for lists in readerLists {
                let given = lists[fact.caseID] ?? []
                let right = given.filter { ($0.rank ?? .max) <= 10 }.count
                row += "<td>\(given.isEmpty ? "–" : "\(right) / \(given.count)")</td>"
            }
            rows.append(row + "</tr>")
        }
        return "<table>\(rows.joined(separator: "\n"))</table>"
    }
}

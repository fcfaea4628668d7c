/// The figures every report draws, built once for HTML (and checked by tests against the JSON).
struct ReportCharts {
    let report: EvaluationReport

    /// Top-k accuracy for k = 1…10, one line per arm (values as in the JSON, 4 decimals).
    func topKCurves() -> SVGLineChart {
        var chart = SVGLineChart(
            title: "Top-k accuracy per arm", xLabel: "k (the truth among the first k)", yLabel: "top-k accuracy",
            series: report.arms.map { arm in
                .init(name: arm.name, points: ArmSummary.ks.map { (Double($0), rounded(arm.all.topK[$0] ?? 0)) })
            })
        chart.yRange = 0...1
        chart.width = 820
        chart.legendWidth = 180
        return chart
    }

    /// Per reader, condition minus reference at top-1 and top-10; nil without reader conditions to compare.
    func readerDeltas() -> SVGBarChart? {
        guard !report.assistance.isEmpty else { return nil }
        let effects = report.assistance
        var chart = SVGBarChart(
            title: "Assistance effect per reader (\(effects[0].condition) − \(effects[0].reference))",
            yLabel: "difference in accuracy",
            groups: effects.map { $0.readerID + (report.assistanceConditions > 1 ? " (\($0.condition))" : "") },
            series: [
                ("top-1", effects.map { rounded($0.delta(1)) }), ("top-10", effects.map { rounded($0.delta(10)) }),
            ])
        chart.labelFormat = "%+.0f"
        chart.labelScale = 100
        return chart
    }

    /// Top-10 per arm in each range of observed findings.
    func byFindings() -> SVGBarChart {
        var chart = SVGBarChart(
            title: "Top-10 accuracy by number of observed findings", yLabel: "top-10 accuracy",
            groups: report.byFindings.map { "\($0.label) findings" },
            series: report.arms.map { arm in
                (arm.name, report.byFindings.map { bin in rounded(bin.cells.first { $0.arm == arm.name }?.top10 ?? 0) })
            })
        chart.labelFormat = "%.0f"
        chart.labelScale = 100
        return chart
    }
}

extension EvaluationReport {
    /// How many reader conditions are compared with the reference.
    var assistanceConditions: Int { Set(assistance.map(\.condition)).count }
}

import Foundation

/// A grouped bar chart as standalone SVG (no scripts, no fonts to fetch): one group per
/// category, one bar per series, negative values drawn below a zero line. Every bar carries
/// its group, series and value as `data-` attributes, so tests can read the figure back.
public struct SVGBarChart: Sendable {
    public var title: String
    public var yLabel: String
    /// Category labels along the x axis.
    public var groups: [String]
    /// Series names and their values, one per group.
    public var series: [(name: String, values: [Double])]
    /// Format of value labels above bars, e.g. `%.0f%%` after scaling by `labelScale`.
    public var labelFormat = "%.1f"
    public var labelScale = 1.0
    public var width = 820.0
    public var height = 360.0
    /// Group labels are drawn slanted (and the chart taller) when they would not fit side by side.

    public init(title: String, yLabel: String, groups: [String], series: [(name: String, values: [Double])]) {
        self.title = title
        self.yLabel = yLabel
        self.groups = groups
        self.series = series
    }

    private static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

    /// The chart as an SVG element.
    public func svg() -> String {
        let longest = Double(groups.map(\.count).max() ?? 0)
        let slanted = longest * 6.5 > (width - 80) / Double(max(groups.count, 1))
        let labelRoom = slanted ? min(longest * 5, 160) : 0
        let height = self.height + labelRoom
        let margin = (left: 60.0, right: 20.0, top: 40.0, bottom: 70.0 + labelRoom)
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        let values = series.flatMap(\.values) + [0]
        let low = min(values.min() ?? 0, 0)
        let high = max(values.max() ?? 1, 0)
        let span = max(high - low, 1e-9) * 1.1
        let top = high + (high > 0 ? span * 0.05 : 0)
        func py(_ value: Double) -> Double { margin.top + (top - value) / span * plotHeight }
        var body = [
            "<rect x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"white\"/>",
            text(title, x: width / 2, y: 22, anchor: "middle", size: 15),
            "<text x=\"16\" y=\"\(f(margin.top + plotHeight / 2))\" font-family=\"sans-serif\" font-size=\"12\" "
                + "text-anchor=\"middle\" transform=\"rotate(-90 16 \(f(margin.top + plotHeight / 2)))\">"
                + "\(escape(yLabel))</text>",
            "<line x1=\"\(f(margin.left))\" y1=\"\(f(py(0)))\" x2=\"\(f(margin.left + plotWidth))\" y2=\"\(f(py(0)))\" "
                + "stroke=\"#444\"/>",
        ]
        let groupWidth = plotWidth / Double(max(groups.count, 1))
        let barWidth = groupWidth * 0.8 / Double(max(series.count, 1))
        for (groupIndex, group) in groups.enumerated() {
            let groupLeft = margin.left + Double(groupIndex) * groupWidth + groupWidth * 0.1
            let labelX = groupLeft + groupWidth * 0.4
            let labelY = margin.top + plotHeight + 18
            if slanted {
                body.append(
                    "<text x=\"\(f(labelX))\" y=\"\(f(labelY))\" font-family=\"sans-serif\" font-size=\"11\" "
                        + "text-anchor=\"end\" fill=\"#222\" transform=\"rotate(-35 \(f(labelX)) \(f(labelY)))\">"
                        + "\(escape(group))</text>")
            } else {
                body.append(text(group, x: labelX, y: labelY, anchor: "middle", size: 11))
            }
            for (seriesIndex, line) in series.enumerated() where groupIndex < line.values.count {
                let value = line.values[groupIndex]
                let x = groupLeft + Double(seriesIndex) * barWidth
                let y = min(py(value), py(0))
                let barHeight = abs(py(value) - py(0))
                body.append(
                    "<rect class=\"bar\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barWidth * 0.92))\" "
                        + "height=\"\(f(barHeight))\" fill=\"\(Self.colors[seriesIndex % Self.colors.count])\" "
                        + "data-group=\"\(escape(group))\" data-series=\"\(escape(line.name))\" data-value=\"\(value)\"/>"
                )
                let labelY = value >= 0 ? y - 3 : y + barHeight + 11
                body.append(
                    text(
                        String(format: labelFormat, value * labelScale), x: x + barWidth * 0.46, y: labelY,
                        anchor: "middle", size: 9))
            }
        }
        for (seriesIndex, line) in series.enumerated() {
            let x = margin.left + Double(seriesIndex) * 150
            body.append(
                "<rect x=\"\(f(x))\" y=\"\(f(height - 22))\" width=\"10\" height=\"10\" "
                    + "fill=\"\(Self.colors[seriesIndex % Self.colors.count])\"/>")
            body.append(text(line.name, x: x + 14, y: height - 13, anchor: "start", size: 11))
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))">
            \(body.joined(separator: "\n"))
            </svg>

            """
    }

    private func text(_ content: String, x: Double, y: Double, anchor: String, size: Int) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" font-family=\"sans-serif\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" "
            + "fill=\"#222\">\(escape(content))</text>"
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }

    private func escape(_ text: String) -> String { HTMLText.escape(text) }
}

/// Escaping for text and attribute values in HTML and SVG.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

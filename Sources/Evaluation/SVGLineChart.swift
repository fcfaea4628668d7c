import Foundation

/// A small, dependency-free line chart rendered as standalone SVG (no scripts, no fonts to
/// fetch), for reports and Evaluation/ plots.
public struct SVGLineChart: Sendable {
    /// One line of the chart.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var points: [(x: Double, y: Double)]
        /// Optional label written next to each point (e.g. the parameter value).
        public var labels: [String]

        public init(name: String, points: [(x: Double, y: Double)], labels: [String] = []) {
            self.name = name
            self.points = points
            self.labels = labels
        }

        public static func == (lhs: Series, rhs: Series) -> Bool {
            lhs.name == rhs.name && lhs.labels == rhs.labels
                && lhs.points.elementsEqual(rhs.points) { $0.x == $1.x && $0.y == $1.y }
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var width = 640.0
    public var height = 400.0
    /// Fixed y range (e.g. 0…1 for accuracies); nil fits the data.
    public var yRange: ClosedRange<Double>?
    /// Width kept right of the plot for the legend; 0 draws the legend inside the plot.
    public var legendWidth = 0.0

    public init(title: String, xLabel: String, yLabel: String, series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    private static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"]
    private let margin = (left: 70.0, right: 20.0, top: 40.0, bottom: 55.0)

    /// The chart as an SVG document.
    public func svg() -> String {
        let all = series.flatMap(\.points)
        let xRange = Self.range(all.map(\.x))
        let yRange = self.yRange ?? Self.range(all.map(\.y))
        let plotWidth = width - margin.left - margin.right - legendWidth
        let plotHeight = height - margin.top - margin.bottom
        func px(_ x: Double) -> Double { margin.left + (x - xRange.lowerBound) / xRange.span * plotWidth }
        func py(_ y: Double) -> Double { margin.top + plotHeight - (y - yRange.lowerBound) / yRange.span * plotHeight }

        var body: [String] = [
            "<rect x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"white\"/>",
            text(title, x: width / 2, y: 22, anchor: "middle", size: 15),
            text(xLabel, x: margin.left + plotWidth / 2, y: height - 12, anchor: "middle", size: 12),
            "<text x=\"16\" y=\"\(f(margin.top + plotHeight / 2))\" font-family=\"sans-serif\" font-size=\"12\" "
                + "text-anchor=\"middle\" transform=\"rotate(-90 16 \(f(margin.top + plotHeight / 2)))\">\(escape(yLabel))</text>",
            "<rect x=\"\(f(margin.left))\" y=\"\(f(margin.top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" "
                + "fill=\"none\" stroke=\"#888\"/>",
        ]
        for tick in Self.ticks(xRange) {
            body.append(
                text(Self.format(tick), x: px(tick), y: margin.top + plotHeight + 16, anchor: "middle", size: 11))
        }
        for tick in Self.ticks(yRange) {
            body.append(text(Self.format(tick), x: margin.left - 6, y: py(tick) + 4, anchor: "end", size: 11))
            body.append(
                "<line x1=\"\(f(margin.left))\" y1=\"\(f(py(tick)))\" x2=\"\(f(margin.left + plotWidth))\" "
                    + "y2=\"\(f(py(tick)))\" stroke=\"#eee\"/>")
        }
        for (number, line) in series.enumerated() {
            let color = Self.colors[number % Self.colors.count]
            let path = line.points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            body.append(
                "<polyline class=\"series\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(path)\"/>")
            for (index, point) in line.points.enumerated() {
                body.append(
                    "<circle cx=\"\(f(px(point.x)))\" cy=\"\(f(py(point.y)))\" r=\"3.5\" fill=\"\(color)\" "
                        + "data-series=\"\(escape(line.name))\" data-x=\"\(point.x)\" data-y=\"\(point.y)\"/>")
                if index < line.labels.count {
                    body.append(
                        text(line.labels[index], x: px(point.x) + 5, y: py(point.y) - 6, anchor: "start", size: 10))
                }
            }
            body.append(
                text(
                    line.name, x: margin.left + (legendWidth > 0 ? plotWidth + 12 : 10),
                    y: margin.top + 16 + Double(number) * 16, anchor: "start", size: 12,
                    color: color))
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))">
            \(body.joined(separator: "\n"))
            </svg>

            """
    }

    private func text(_ content: String, x: Double, y: Double, anchor: String, size: Int, color: String = "#222")
        -> String
    {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" font-family=\"sans-serif\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" "
            + "fill=\"\(color)\">\(escape(content))</text>"
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func range(_ values: [Double]) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return 0...1 }
        let pad = max((high - low) * 0.08, 1e-9)
        return (low - pad)...(high + pad)
    }

    private static func ticks(_ range: ClosedRange<Double>) -> [Double] {
        let rough = range.span / 5
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        let first = ceil(range.lowerBound / step) * step
        return stride(from: first, through: range.upperBound, by: step).map { $0 }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}

extension ClosedRange where Bound == Double {
    fileprivate var span: Double { upperBound - lowerBound }
}

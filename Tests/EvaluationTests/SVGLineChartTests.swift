import Evaluation
import Testing

@Suite struct SVGLineChartTests {
    @Test func drawsOneLinePerSeriesWithItsPointsAndEscapedText() {
        let chart = SVGLineChart(
            title: "Top-10 <by> candidates", xLabel: "k", yLabel: "top-10",
            series: [
                .init(name: "fff", points: [(10, 0.8), (100, 0.93)], labels: ["1 µs", "2 µs"]),
                .init(name: "dense", points: [(10, 0.79), (100, 0.92)]),
            ])
        let svg = chart.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<polyline class=\"series\"").count - 1 == 2)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
        #expect(svg.contains("Top-10 &lt;by&gt; candidates"))
        #expect(svg.contains(">2 µs</text>"))
        #expect(!svg.contains("<script"))
    }

    @Test func higherValuesAreDrawnHigher() throws {
        let svg = SVGLineChart(
            title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "s", points: [(0, 0), (1, 1)])]
        ).svg()
        let line = try #require(svg.split(separator: "\n").first { $0.contains("<polyline") })
        let points = try #require(line.split(separator: "\"").first { $0.contains(",") && !$0.contains("=") })
        let ys = points.split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }
        #expect(ys.count == 2)
        #expect(ys[1] < ys[0])  // SVG's y grows downwards
    }
}

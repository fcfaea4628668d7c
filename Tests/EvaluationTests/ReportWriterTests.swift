import Evaluation
import Foundation
import Statistics
import Testing

@Suite struct ReportWriterTests {
    private func writer(title: String = "Toy study") -> ReportWriter {
        let facts = (0..<6).map {
            CaseFacts(
                caseID: "c\($0)", truth: "OMIM:1", truthInKnowledgeBase: $0 != 5, isCircular: $0 < 2,
                presentFindings: $0 * 3)
        }
        let ranks: [Int?] = [1, 2, 4, 12, nil, nil]
        let model = zip(facts, ranks).map { fact, rank in
            CaseOutcome(
                caseID: fact.caseID, truth: fact.truth, truthInKnowledgeBase: fact.truthInKnowledgeBase, rank: rank,
                isCircular: fact.isCircular, presentFindings: fact.presentFindings)
        }
        let responses = (0..<5).flatMap { index in
            ["unassisted", "assisted"].map { condition in
                ReaderResponse(
                    readerID: "r\(index % 2)", caseID: "c\(index)", condition: condition,
                    rank: condition == "assisted" ? 1 : 3, diagnosis: index < 3 ? "OMIM:1" : "ORPHA:9", line: 0)
            }
        }
        let grader = AnswerGrader(resolver: DiagnosisResolver(diseases: []))
        let study = ReaderStudy(responses: responses, cases: facts, grader: grader)
        let report = EvaluationReport(
            cases: facts, modelArms: [("model:toy", model)], readerArms: study.arms,
            bootstrap: Bootstrap(resamples: 100, seed: 4))
        let context = ReportContext(
            title: title, knowledgeBase: "hp/releases/test", models: ["toy-1"], set: "toy.jsonl", readers: "toy.csv",
            bootstrapResamples: 100, bootstrapSeed: 4)
        return ReportWriter(report: report, context: context)
    }

    private func attributes(_ name: String, in element: Substring) -> String? {
        guard let range = element.range(of: "\(name)=\"") else { return nil }
        let rest = element[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    @Test func theTopKCurvesInTheHTMLCarryTheJSONValues() throws {
        let writer = writer()
        let html = writer.html()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(writer.json().utf8)) as? [String: Any])
        let arms = try #require(json["arms"] as? [[String: Any]])
        #expect(arms.count == 3)
        #expect(html.contains("<figure id=\"topk-curves\"><svg"))
        let circles = html.split(separator: "<circle").dropFirst()
        #expect(circles.count == 30)  // 3 arms × k = 1…10
        for arm in arms {
            let name = try #require(arm["name"] as? String)
            let topk = try #require(arm["topk"] as? [String: Double])
            let points = circles.filter { attributes("data-series", in: $0) == name }
            #expect(points.count == 10)
            for point in points {
                let k = try #require(attributes("data-x", in: point).flatMap(Double.init)).rounded()
                let y = try #require(attributes("data-y", in: point).flatMap(Double.init))
                #expect(y == topk[String(Int(k))], "\(name) top-\(Int(k))")
            }
        }
    }

    @Test func theBarChartsCarryTheDeltasAndFindingsOfTheJSON() throws {
        let writer = writer()
        let html = writer.html()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(writer.json().utf8)) as? [String: Any])
        #expect(html.contains("<figure id=\"reader-deltas\"><svg"))
        #expect(html.contains("<figure id=\"by-findings\"><svg"))
        let bars = html.split(separator: "<rect class=\"bar\"").dropFirst()
        let assistance = try #require(json["assistance"] as? [[String: Any]])
        for effect in assistance {
            let reader = try #require(effect["reader_id"] as? String)
            let delta = try #require(effect["delta"] as? [String: Double])
            let drawn = bars.filter { attributes("data-group", in: $0) == reader }
            #expect(drawn.count == 2)
            for bar in drawn {
                let k = attributes("data-series", in: bar) == "top-1" ? "1" : "10"
                #expect(attributes("data-value", in: bar).flatMap(Double.init) == delta[k])
            }
        }
        let bins = try #require(json["by_findings"] as? [[String: Any]])
        let modelBars = bars.filter { attributes("data-series", in: $0) == "model:toy" }
        #expect(modelBars.count == bins.count)
        #expect(!html.contains("<script"))
        // Nothing is fetched: the only URI is the SVG namespace.
        #expect(
            html.components(separatedBy: "http").count
                == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count)
    }

    @Test func aSyntheticStudyIsLabelledInEveryRendering() throws {
        let writer = writer(title: "SYNTHETIC reader study — toy")
        #expect(writer.html().contains("<p class=\"synthetic\">SYNTHETIC"))
        #expect(writer.markdown().contains("**SYNTHETIC**"))
        #expect(try writer.json().contains("\"title\" : \"SYNTHETIC reader study — toy\""))
    }

    @Test func writesThreeFilesAndAPerCaseTable() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddx-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = try writer().write(to: directory)
        #expect(written.map(\.lastPathComponent) == ["report.json", "report.md", "report.html"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("report.json")))
                as? [String: Any])
        let rows = try #require(json["per_case"] as? [[String: Any]])
        #expect(rows.count == 6)
        #expect((rows[0]["model_ranks"] as? [String: Int])?["model:toy"] == 1)
        #expect((rows[0]["reader_lists"] as? [[String: Any]])?.count == 2)
    }
}

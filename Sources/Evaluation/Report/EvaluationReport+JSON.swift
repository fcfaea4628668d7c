import Foundation

extension EvaluationReport {
    /// The report as SPEC's `ddx eval --format json` object, extended with reader figures, the
    /// assistance effect and accuracy by number of findings; with `perCase`, the per-case table.
    public func jsonObject(context: ReportContext, perCase: Bool = false) -> [String: Any] {
        var object: [String: Any] = [
            "title": context.title,
            "cases": cases,
            "evaluable": evaluable,
            "circular": circular,
            "non_circular": evaluable - circular,
            "knowledge_base": context.knowledgeBase,
            "models": context.models,
            "set": context.set,
            "bootstrap": ["resamples": context.bootstrapResamples, "seed": context.bootstrapSeed],
            "not_in_knowledge_base": missing.map { ["case_id": $0.caseID, "truth": $0.truth] },
            "arms": arms.map(Self.armObject),
            "comparisons": comparisons.map { comparison -> [String: Any] in
                [
                    "a": comparison.a, "b": comparison.b, "k": comparison.k, "test": "mcnemar",
                    "method": comparison.test.method.rawValue, "statistic": comparison.test.statistic,
                    "p": comparison.test.pValue, "a_only": comparison.test.aOnly, "b_only": comparison.test.bOnly,
                    "pairs": comparison.pairs,
                ]
            },
            "by_findings": byFindings.map { bin -> [String: Any] in
                [
                    "findings": bin.label,
                    "arms": bin.cells.map {
                        ["arm": $0.arm, "n": $0.n, "top1": rounded($0.top1), "top10": rounded($0.top10)]
                    },
                ]
            },
        ]
        if context.readers != nil {
            object["readers_file"] = context.readers
            object["refused_rows"] = context.refusedRows
            object["adjudication"] = [
                "pending": context.pendingAdjudication, "file": context.adjudicationFile.map { $0 as Any } ?? NSNull(),
            ]
            object["assistance"] = assistance.map { effect -> [String: Any] in
                [
                    "reader_id": effect.readerID, "reference": effect.reference, "condition": effect.condition,
                    "n": effect.n, "delta": Self.byK { rounded(effect.delta($0)) },
                    "reference_topk": Self.byK { rounded(effect.referenceTopK[$0] ?? 0) },
                    "condition_topk": Self.byK { rounded(effect.conditionTopK[$0] ?? 0) },
                ]
            }
        }
        if perCase { object["per_case"] = perCaseRows() }
        return object
    }

    private static func armObject(_ arm: ArmReport) -> [String: Any] {
        var object = summaryObject(arm.all)
        object["name"] = arm.name
        object["kind"] = arm.kind.rawValue
        object["circular"] = summaryObject(arm.circular)
        object["non_circular"] = summaryObject(arm.nonCircular)
        if let strict = arm.strict {
            object["strict"] = summaryObject(strict)
            object["grading"] = "lenient"
            object["pending_answers"] = arm.pendingAnswers
            object["readers"] = arm.readers.map { reader -> [String: Any] in
                var entry = summaryObject(reader.summary)
                entry["reader_id"] = reader.readerID
                return entry
            }
        }
        return object
    }

    /// `n`, `topk`, `ci95`, `mrr`, `mrr_ci95` of one summary (fractions rounded to 4 places).
    static func summaryObject(_ summary: ArmSummary) -> [String: Any] {
        var intervals: [String: [Double]] = [:]
        for k in ArmSummary.ks {
            if let interval = summary.topKInterval[k] {
                intervals[String(k)] = [rounded(interval.lower), rounded(interval.upper)]
            }
        }
        var object: [String: Any] = [
            "n": summary.n, "topk": byK { rounded(summary.topK[$0] ?? 0) }, "mrr": rounded(summary.meanReciprocalRank),
        ]
        if !intervals.isEmpty {
            object["ci95"] = intervals
            object["mrr_ci95"] = [
                rounded(summary.meanReciprocalRankInterval.lower), rounded(summary.meanReciprocalRankInterval.upper),
            ]
        }
        return object
    }

    /// One row per case: truth, circularity, findings, each model's rank, each reader list's rank.
    func perCaseRows() -> [[String: Any]] {
        var modelRanks: [String: [String: Int]] = [:]
        var readerLists: [String: [[String: Any]]] = [:]
        for arm in arms {
            for outcome in arm.outcomes {
                switch arm.kind {
                case .model: if let rank = outcome.rank { modelRanks[outcome.caseID, default: [:]][arm.name] = rank }
                case .readers:
                    var list: [String: Any] = ["arm": arm.name, "reader_id": outcome.readerID ?? ""]
                    list["rank"] = outcome.rank.map { $0 as Any } ?? NSNull()
                    list["strict_rank"] = outcome.strictRank.map { $0 as Any } ?? NSNull()
                    readerLists[outcome.caseID, default: []].append(list)
                }
            }
        }
        return caseFacts.map { fact in
            var row: [String: Any] = [
                "case_id": fact.caseID, "truth": fact.truth, "in_knowledge_base": fact.truthInKnowledgeBase,
                "circular": fact.isCircular, "findings": fact.presentFindings,
            ]
            row["model_ranks"] = modelRanks[fact.caseID] ?? [:]
            if let lists = readerLists[fact.caseID] { row["reader_lists"] = lists }
            return row
        }
    }

    static func byK(_ value: (Int) -> Double) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: ArmSummary.ks.map { (String($0), value($0)) })
    }
}

/// Fractions in reports: rounded to 4 decimal places.
func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

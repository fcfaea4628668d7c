import ArgumentParser
import FastFeedforward
import Foundation
import Service

/// `ddx bench layers`: how much faster path-only fast feedforward inference is than the dense
/// twin of the same width, with a check that the fast outputs are right (a measurement, not a
/// test, but a wrong output fails it).
struct LayerBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layers",
        abstract: "Time FFF path-only inference against its dense twin, and check the fast outputs.",
        discussion: """
            For each shape, builds a seeded random FFF layer and its dense twin (the same \
            2^(depth+1) − 1 neurons, all of them run per sample) and times both on one thread: \
            at batch 1 the single-sample API, at larger batches forward(batch:). Each timing is \
            warmed up and calibrated first, then repeated; the median and best repeat are \
            reported as microseconds per sample, with the speed-up (dense median / FFF median) \
            and the theoretical one (nodes / path length).

            Checks, in the same run: the fast path against the slow double-precision reference \
            on --check-samples inputs (inputs with a pre-activation within rounding of 0 are \
            skipped and counted), and batched outputs against per-sample ones (every row for \
            FFF, 32 spread rows for dense). A check passes when max |difference| <= 1e-4 × the \
            largest output magnitude; a failed check exits with status 1. With the defaults the \
            run takes a minute or two, most of it the dense twin at 768 wide and batch 16384. \
            Use a release build on an otherwise idle machine.
            """)

    /// The shapes timed when no `--shape` is given: UltraFastBERT's, then the ranker's.
    static let defaultShapes = [
        LayerShape(inputWidth: 768, outputWidth: 768, depth: 11),
        LayerShape(inputWidth: 32, outputWidth: 32, depth: 7),
    ]
    /// The batch sizes timed when no `--batch` is given (16384 × 768 needs about 0.2 GB).
    static let defaultBatchSizes = [1, 16384]
    /// Measurements estimated to need more memory than this (4 GB) are refused.
    static let memoryBudgetBytes = 4e9

    @Option(
        name: .customLong("shape"),
        help: ArgumentHelp(
            "A layer shape IN:OUT:DEPTH; repeat for several (default: 768:768:11 and 32:32:7).",
            valueName: "in:out:depth"))
    var shapeTexts: [String] = []
    @Option(name: .customLong("batch"), help: "A batch size; repeat for several (default: 1 and 16384).")
    var batchSizes: [Int] = []
    @Option(help: "Timed repeats per measurement (median and best are reported).") var repeats = 5
    @Option(help: "Seed of the weights and inputs.") var seed: UInt64 = 1
    @Option(help: "Inputs on which the fast path is checked against the reference, per shape.")
    var checkSamples = 256
    @Option(help: "text or json.") var format: OutputFormat = .text

    /// The shapes to time.
    var shapes: [LayerShape] {
        get throws { shapeTexts.isEmpty ? Self.defaultShapes : try shapeTexts.map(Self.parseShape) }
    }

    /// The batch sizes to time.
    var effectiveBatchSizes: [Int] { batchSizes.isEmpty ? Self.defaultBatchSizes : batchSizes }

    func validate() throws {
        guard repeats > 0 else { throw ValidationError("--repeats must be positive") }
        guard checkSamples > 0 else { throw ValidationError("--check-samples must be positive") }
        guard effectiveBatchSizes.allSatisfy({ $0 > 0 }) else { throw ValidationError("--batch must be positive") }
        for shape in try shapes {
            try Self.validate(shape)
            for batchSize in effectiveBatchSizes {
                let bytes = LayerBenchmark.estimatedBytes(shape: shape, batchSize: batchSize)
                guard bytes <= Self.memoryBudgetBytes else {
                    throw ValidationError(
                        String(
                            format: "%@ at batch %d needs about %.1f GB, more than the %.0f GB allowed",
                            shape.description, batchSize, bytes / 1e9, Self.memoryBudgetBytes / 1e9))
                }
            }
        }
    }

    func run() throws {
        let shapes = try shapes
        var reports: [[String: Any]] = []
        var failures = 0
        var checksum: Double = 0
        if format == .text { printPreamble() }
        for shape in shapes {
            let benchmark = try Self.benchmark(shape, seed: seed)
            let report = try measure(benchmark)
            reports.append(report.json)
            failures += report.failures
            checksum += report.checksum
        }
        switch format {
        case .text:
            Terminal.output(String(format: "checksum %.6g (printed so no timed work is optimised away)", checksum))
        case .json:
            Terminal.output(try JSONText.encode(summaryJSON(shapes: reports, checksum: checksum, failures: failures)))
        }
        if failures > 0 {
            Terminal.error("\(failures) output check(s) failed")
            throw ExitCode(1)
        }
    }

    // MARK: Measuring

    /// What one shape's measurements produced.
    struct ShapeReport {
        var json: [String: Any]
        var failures: Int
        var checksum: Double
    }

    /// Checks and times one shape at every batch size, printing text results as they come.
    func measure(_ benchmark: LayerBenchmark) throws -> ShapeReport {
        if format == .text { printHeader(benchmark) }
        Terminal.note("\(benchmark.shape): checking the fast path against the reference")
        let referenceCheck = benchmark.referenceCheck(sampleCount: checkSamples)
        if format == .text { printCheck(referenceCheck) }
        var checks = [referenceCheck]
        var batches: [[String: Any]] = []
        var checksum: Double = 0
        for batchSize in effectiveBatchSizes {
            Terminal.note("\(benchmark.shape): timing batch \(batchSize)")
            let measurement = try benchmark.measure(batchSize: batchSize, repeats: repeats)
            if format == .text { printMeasurement(measurement) }
            checks += measurement.checks
            checksum += measurement.checksum
            batches.append(Self.json(measurement))
        }
        var json = Self.json(benchmark)
        json["reference_check"] = Self.json(referenceCheck)
        json["batches"] = batches
        return ShapeReport(json: json, failures: checks.filter { !$0.passed }.count, checksum: checksum)
    }

    // MARK: Shapes

    /// Parses `IN:OUT:DEPTH`.
    static func parseShape(_ text: String) throws -> LayerShape {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let input = parts[0], let output = parts[1], let depth = parts[2] else {
            throw ValidationError("--shape \(text): expected IN:OUT:DEPTH, three integers such as 768:768:11")
        }
        return LayerShape(inputWidth: input, outputWidth: output, depth: depth)
    }

    /// Rejects shapes no layer can have, before anything is allocated.
    static func validate(_ shape: LayerShape) throws {
        guard shape.inputWidth > 0, shape.outputWidth > 0 else {
            throw ValidationError("--shape \(argument(shape)): widths must be positive")
        }
        guard FFFLayer.supportedDepths.contains(shape.depth) else {
            let depths = FFFLayer.supportedDepths
            throw ValidationError(
                "--shape \(argument(shape)): depth must be in \(depths.lowerBound)...\(depths.upperBound)")
        }
    }

    /// A shape written as `--shape` takes it, `IN:OUT:DEPTH`.
    static func argument(_ shape: LayerShape) -> String {
        "\(shape.inputWidth):\(shape.outputWidth):\(shape.depth)"
    }

    /// Builds the layers of one shape, reporting a rejected shape as a failed step.
    static func benchmark(_ shape: LayerShape, seed: UInt64) throws -> LayerBenchmark {
        do {
            return try LayerBenchmark(shape: shape, seed: seed)
        } catch {
            throw CommandFailure("shape \(shape): \(error)")
        }
    }

    // MARK: Text output

    /// The conditions every measurement shares.
    func printPreamble() {
        Terminal.output(
            "FFF path-only inference vs its dense twin, one thread; \(Self.coreCount) cores on this machine"
                + (Self.loadAverage.map { String(format: ", load average %.2f", $0) } ?? "")
                + "; seed \(seed), \(repeats) timed repeats; µs per sample as median (best)")
    }

    /// A shape's sizes and theoretical speed-up.
    func printHeader(_ benchmark: LayerBenchmark) {
        let layer = benchmark.fastFeedforward
        Terminal.output(
            String(
                format: "%@: %d nodes, path of %d → theoretical speed-up %.1fx",
                benchmark.shape.description, layer.nodeCount, layer.pathLength, benchmark.theoreticalSpeedup))
    }

    /// One batch size's timings.
    func printMeasurement(_ measurement: BatchMeasurement) {
        Terminal.output(
            String(
                format: "  batch %6d:  FFF %@ (%@)  dense %@ (%@)  speed-up %.1fx",
                measurement.batchSize,
                Self.formatMicroseconds(measurement.fastFeedforward.medianMicroseconds),
                Self.formatMicroseconds(measurement.fastFeedforward.bestMicroseconds),
                Self.formatMicroseconds(measurement.dense.medianMicroseconds),
                Self.formatMicroseconds(measurement.dense.bestMicroseconds), measurement.speedup))
        for check in measurement.checks { printCheck(check) }
    }

    /// One output check, PASS or FAIL first.
    func printCheck(_ check: OutputCheck) {
        let skipped =
            switch check.samplesSkipped {
            case 0: ""
            case 1: " (1 routing tie skipped)"
            default: " (\(check.samplesSkipped) routing ties skipped)"
            }
        Terminal.output(
            String(
                format: "  %@  %@: %d samples%@, max |diff| %.2e = %.2e of output scale %.3g (tolerance %.0e)",
                check.passed ? "PASS" : "FAIL", check.name, check.samplesCompared, skipped,
                check.maximumDifference, check.relativeDifference, check.outputScale, check.tolerance))
    }

    /// Microseconds with about four significant digits, right-aligned.
    static func formatMicroseconds(_ value: Double) -> String {
        switch value {
        case ..<10: return String(format: "%9.4f", value)
        case ..<1000: return String(format: "%9.2f", value)
        default: return String(format: "%9.0f", value)
        }
    }

    // MARK: JSON output

    /// The whole run: machine, settings and every shape.
    func summaryJSON(shapes: [[String: Any]], checksum: Double, failures: Int) -> [String: Any] {
        var json: [String: Any] = [
            "threads": 1, "cores": Self.coreCount, "seed": seed, "repeats": repeats,
            "check_samples": checkSamples, "tolerance": LayerBenchmark.tolerance,
            "shapes": shapes, "failed_checks": failures, "passed": failures == 0, "checksum": checksum,
        ]
        if let load = Self.loadAverage { json["load_average_1m"] = load }
        return json
    }

    /// A shape's sizes and theoretical speed-up.
    static func json(_ benchmark: LayerBenchmark) -> [String: Any] {
        let layer = benchmark.fastFeedforward
        return [
            "input_width": layer.inputWidth, "output_width": layer.outputWidth, "depth": layer.depth,
            "nodes": layer.nodeCount, "path_length": layer.pathLength,
            "theoretical_speedup": benchmark.theoreticalSpeedup,
        ]
    }

    /// One batch size's timings and checks.
    static func json(_ measurement: BatchMeasurement) -> [String: Any] {
        [
            "batch": measurement.batchSize, "speedup": measurement.speedup,
            "fff": json(measurement.fastFeedforward), "dense": json(measurement.dense),
            "checks": measurement.checks.map(json),
        ]
    }

    /// One timing.
    static func json(_ timing: TimingSummary) -> [String: Any] {
        [
            "median_us_per_sample": timing.medianMicroseconds, "best_us_per_sample": timing.bestMicroseconds,
            "repeats": timing.repeats, "samples_per_repeat": timing.samplesPerRepeat,
        ]
    }

    /// One output check.
    static func json(_ check: OutputCheck) -> [String: Any] {
        [
            "name": check.name, "samples": check.samplesCompared, "skipped_routing_ties": check.samplesSkipped,
            "max_abs_difference": check.maximumDifference, "output_scale": check.outputScale,
            "relative_difference": check.relativeDifference, "tolerance": check.tolerance,
            "passed": check.passed,
        ]
    }

    // MARK: Machine

    /// The processor cores available to this process (the benchmark uses one).
    static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The one-minute load average from /proc/loadavg (Linux), or nil.
    static var loadAverage: Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Double($0) }
    }
}

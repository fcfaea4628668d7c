import ArgumentParser
import Ranking

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// `--model NAME` takes any ranker the Ranking module names.
extension ModelName: ExpressibleByArgument {}

import Ranking

/// Parses `--parameter NAME=VALUE` overrides of the baseline's constants.
enum BaselineParameters {
    static func parse(_ assignments: [String]) throws -> LikelihoodRanker.Parameters {
        var parameters = LikelihoodRanker.Parameters()
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Float(parts[1]) else {
                throw CommandFailure("--parameter takes NAME=VALUE with a number, got '\(assignment)'")
            }
            do { try parameters.set(parts[0], to: value) } catch { throw CommandFailure(error.description) }
        }
        return parameters
    }
}

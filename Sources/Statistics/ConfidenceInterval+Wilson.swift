extension ConfidenceInterval {
    /// The Wilson score interval for a binomial proportion `successes / trials`.
    ///
    /// With z the standard normal quantile at `(1 + level) / 2` and p̂ = successes / trials:
    /// centre (p̂ + z²/2n) / (1 + z²/n), half-width z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
    /// Unlike the Wald interval it stays inside [0, 1] and is sensible at p̂ = 0 or 1.
    /// With no trials it is the uninformative `[0, 1]`.
    ///
    /// - Precondition: `0 <= successes <= trials` and `0 < level < 1`.
    public static func wilson(successes: Int, trials: Int, level: Double = 0.95) -> ConfidenceInterval {
        precondition(successes >= 0 && successes <= trials, "need 0 <= successes <= trials")
        precondition(level > 0 && level < 1, "level must lie strictly between 0 and 1")
        guard trials > 0 else { return ConfidenceInterval(lower: 0, upper: 1, level: level) }
        let z = StandardNormal.quantile((1 + level) / 2)
        let n = Double(trials)
        let proportion = Double(successes) / n
        let zSquared = z * z
        let denominator = 1 + zSquared / n
        let centre = (proportion + zSquared / (2 * n)) / denominator
        let halfWidth =
            z / denominator
            * (proportion * (1 - proportion) / n + zSquared / (4 * n * n)).squareRoot()
        return ConfidenceInterval(
            lower: max(0, centre - halfWidth),
            upper: min(1, centre + halfWidth),
            level: level
        )
    }
}

import Statistics
import Testing

// Expected bounds are the roots of (p̂ − p)² = z² p (1 − p) / n found numerically with SciPy
// (`brentq`, z = `norm.ppf((1 + level) / 2)`), independent of the closed form under test.

@Test(arguments: [
    (41, 100, 0.95, 0.31867313021136523, 0.5079856994658922),
    (0, 10, 0.95, 0.0, 0.27753279986288926),
    (10, 10, 0.95, 0.7224672001371109, 1.0),
    (124, 302, 0.95, 0.3565742541828217, 0.4668636792869548),
    (1, 3, 0.90, 0.07826572633372843, 0.7464661317187757),
    (50, 50, 0.99, 0.882847908282372, 1.0),
])
func wilsonMatchesRootsOfScoreEquation(
    successes: Int, trials: Int, level: Double, lower: Double, upper: Double
) {
    let interval = ConfidenceInterval.wilson(successes: successes, trials: trials, level: level)
    #expect(abs(interval.lower - lower) < 1e-9, "lower = \(interval.lower)")
    #expect(abs(interval.upper - upper) < 1e-9, "upper = \(interval.upper)")
    #expect(interval.level == level)
}

@Test func wilsonWithNoTrialsIsUninformative() {
    #expect(ConfidenceInterval.wilson(successes: 0, trials: 0) == ConfidenceInterval(lower: 0, upper: 1, level: 0.95))
}

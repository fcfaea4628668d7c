import Statistics
import Testing

// Expected values from SciPy 1.17 `norm.ppf`.

@Test(arguments: [
    (0.5, 0.0),
    (0.975, 1.959963984540054),
    (0.995, 2.5758293035489004),
    (0.9, 1.2815515655446004),
    (0.7, 0.5244005127080407),
    (0.3, -0.5244005127080409),
    (0.02425, -1.972961051311885),
    (0.01, -2.3263478740408408),
    (0.001, -3.090232306167813),
    (1e-10, -6.361340902404056),
])
func quantileMatchesSciPy(probability: Double, expected: Double) {
    let x = StandardNormal.quantile(probability)
    #expect(abs(x - expected) < 1e-12, "quantile(\(probability)) = \(x)")
}

@Test func quantileInvertsCDF() {
    for probability in stride(from: 0.001, through: 0.999, by: 0.0137) {
        #expect(abs(StandardNormal.cdf(StandardNormal.quantile(probability)) - probability) < 1e-14)
    }
    #expect(StandardNormal.quantile(0) == -.infinity)
    #expect(StandardNormal.quantile(1) == .infinity)
}

/// What a load test measured.
public struct LoadReport: Sendable {
    public var connections: Int
    public var requests: Int
    /// Responses that were JSON-RPC errors, or requests never answered.
    public var errors: Int
    /// A few of the error responses, for the report.
    public var errorSamples: [String]
    public var seconds: Double
    /// Latencies in milliseconds, sorted.
    public var latencies: [Double]

    public init(
        connections: Int, requests: Int, errors: Int, errorSamples: [String], seconds: Double, latencies: [Double]
    ) {
        self.connections = connections
        self.requests = requests
        self.errors = errors
        self.errorSamples = errorSamples
        self.seconds = seconds
        self.latencies = latencies.sorted()
    }

    /// Answers per second.
    public var throughput: Double { seconds > 0 ? Double(latencies.count) / seconds : 0 }

    /// The latency at quantile `q` (0...1), in milliseconds (nearest rank).
    public func percentile(_ q: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let rank = Int((q * Double(latencies.count)).rounded(.up))
        return latencies[min(latencies.count - 1, max(0, rank - 1))]
    }
}

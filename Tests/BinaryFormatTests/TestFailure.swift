import BinaryFormat

/// The error the tests' readers throw: the problem itself, so a test can say which it expects.
struct TestFailure: ByteReadFailure, Equatable {
    let problem: ByteReadProblem

    init(_ problem: ByteReadProblem) {
        self.problem = problem
    }
}

typealias TestReader = ByteReader<TestFailure>

/// An error a ``ByteReader`` throws: the error of the format being read, which says in that
/// format's terms what a short or malformed read means.
public protocol ByteReadFailure: Error {
    /// The error that stands for `problem`.
    init(_ problem: ByteReadProblem)
}

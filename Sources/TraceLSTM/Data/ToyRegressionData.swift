/// The tutorial's sample data, drawn as its Step 6 draws it:
/// ```
/// np.random.seed(0)
/// X = [np.random.randn(10, 3) for _ in range(100)]   # 100 sequences, each of length 10
/// Y = [np.random.randn(2, 1) for _ in range(100)]    # 100 labels
/// ```
/// Y is drawn independently of X: there is nothing to learn but the 100 pairs themselves.
public struct ToyRegressionData: Sendable {
    /// The input sequences, each `length` × `input`.
    public var sequences: [Matrix]
    /// One target of `output` values per sequence.
    public var targets: [[Double]]

    /// Draws `count` sequences and then `count` targets from `random`.
    public init(count: Int, length: Int, input: Int, output: Int, random: inout NumpyRandom) {
        sequences = (0..<count).map { _ in random.randn(length, input) }
        targets = (0..<count).map { _ in random.randn(output, 1).storage }
    }
}

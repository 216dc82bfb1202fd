/// A plain tanh RNN, the network the LSTM was made to improve on, traced the same way so that
/// docs/vanishing-gradients.md can set the two side by side:
/// ```
/// z_t = [h_{t−1}, x_t]
/// h_t = tanh(W · z_t + b)
/// y_t = W_y · h_t + b_y,   L = mean_k (y_T,k − Y_k)²   (the tutorial's mse-last)
/// ```
/// Shapes: x_t is X, h_t is H, z_t is Z = H + X, W is H × Z, W_y is K × H.
///
/// It has one weight matrix where the LSTM has four, and no cell state: everything step t
/// remembers of step 1 is in h_t, and every gradient going back passes through W and tanh.
public struct TanhRNN: Equatable, Sendable {
    /// H × (H + X); its columns meet [h_{t−1}, x_t].
    public var w: Matrix
    /// H × 1.
    public var b: Matrix
    /// K × H.
    public var wy: Matrix
    /// K × 1.
    public var by: Matrix

    /// X, the size of each input.
    public var input: Int { w.cols - w.rows }
    /// H, the number of hidden units.
    public var hidden: Int { w.rows }
    /// K, the number of outputs.
    public var output: Int { wy.rows }

    /// The parameters in a fixed order, with the names the docs and tests use.
    public static var parameters: [(name: String, path: WritableKeyPath<TanhRNN, Matrix>)] {
        [("W", \.w), ("b", \.b), ("W_y", \.wy), ("b_y", \.by)]
    }

    public init(w: Matrix, b: Matrix, wy: Matrix, by: Matrix) {
        precondition(b.rows == w.rows && b.cols == 1 && wy.cols == w.rows && by.rows == wy.rows && by.cols == 1,
                     "TanhRNN: shapes do not fit")
        self.w = w
        self.b = b
        self.wy = wy
        self.by = by
    }

    /// Weights drawn as the tutorial draws the LSTM's: `W = np.random.randn(H, H + X) * scale`,
    /// then `W_y = np.random.randn(K, H)`; biases zero. (The scale shows how the gradient's
    /// reach depends on W; 1 is the tutorial's.)
    public init(input: Int, hidden: Int, output: Int, weightScale scale: Double = 1, random: inout NumpyRandom) {
        var w = random.randn(hidden, hidden + input)
        for k in 0..<w.count { w.storage[k] *= scale }
        let wy = random.randn(output, hidden)
        self.init(w: w, b: Matrix(rows: hidden, cols: 1), wy: wy, by: Matrix(rows: output, cols: 1))
    }
}

/// The inputs, target and tanh RNN that docs/vanishing-gradients.md traces beside the LSTM,
/// drawn in `StepProblem`'s order:
/// ```
/// np.random.seed(S)
/// X = np.random.randn(T, input);  Y = np.random.randn(output, 1)
/// W = np.random.randn(hidden, hidden + input) * scale;  W_y = np.random.randn(output, hidden)
/// ```
/// so the inputs and Y are the LSTM's of the same seed and T, and W (at scale 1) is its W_f.
public struct TanhRNNProblem: Sendable {
    /// x_1 … x_T, one per row.
    public var input: Matrix
    /// Y, the target of y_T.
    public var target: [Double]
    public var model: TanhRNN

    public init(input: Int, hidden: Int, output: Int, steps: Int, seed: UInt32, weightScale: Double = 1) {
        var random = NumpyRandom(seed: seed)
        self.input = random.randn(steps, input)
        target = random.randn(output, 1).storage
        model = TanhRNN(input: input, hidden: hidden, output: output, weightScale: weightScale, random: &random)
    }

    /// The forward and backward pass, every value recorded.
    public func trace() -> TanhRNNTrace { model.trace(input: input, target: target) }
}

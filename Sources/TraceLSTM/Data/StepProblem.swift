/// The inputs, target and model that `lstm-trace step` traces, drawn as this Python draws them:
/// ```
/// np.random.seed(S)
/// X = np.random.randn(T, input)          # x_t = X[t-1] as a column
/// Y = np.random.randn(output, 1)         # the mse-last target
/// W_f = np.random.randn(hidden, hidden + input)   # then W_i, W_C, W_o, in this order
/// W_y = np.random.randn(output, hidden)           # all biases zero
/// ```
/// For `mse-all` the target is `np.random.randn(T, output)`; for `cross-entropy`, one
/// `np.random.choice(output, p=uniform)` per step; both drawn where Y is.
public struct StepProblem: Sendable {
    /// x_1 … x_T.
    public var input: SequenceInput
    /// Y (or one target per step).
    public var target: Target
    /// The model with its drawn weights.
    public var model: LSTM
    /// h_0 and C_0 (zero when nil; `step --h0 FILE --c0 FILE` gives them).
    public var h0: [Double]?, c0: [Double]?

    /// Draws the problem for `config`, T steps, `seed` and `initialization`; then, if
    /// `forgetBias` is not zero, sets every entry of b_f to it (nothing else changes).
    public init(config: LSTMConfiguration, steps: Int, seed: UInt32, initialization: Initialization, forgetBias: Double = 0) {
        var random = NumpyRandom(seed: seed)
        input = .dense(random.randn(steps, config.input))
        switch config.loss {
        case .mseLast:
            target = .last(random.randn(config.output, 1).storage)
        case .mseAll:
            target = .everyStep(random.randn(steps, config.output))
        case .crossEntropy:
            let uniform = [Double](repeating: 1.0 / Double(config.output), count: config.output)
            target = .classes((0..<steps).map { _ in random.choice(config.output, p: uniform) })
        }
        model = LSTM(config: config, initialization: initialization, random: &random)
        if forgetBias != 0 {
            model.parameters[.bf] = Matrix(column: [Double](repeating: forgetBias, count: config.hidden))
        }
    }

    /// The full trace (forward and, unless `backward` is false, backward).
    public func trace(backward: Bool = true) -> Trace {
        model.trace(input: input, target: target, h0: h0, c0: c0, backward: backward)
    }
}

/// A small LSTM: the cell of the tutorial's equations 1–4 with an output head, its
/// parameters, and the passes that record a `Trace`.
///
/// ```swift
/// var random = NumpyRandom(seed: 0)                 // np.random.seed(0)
/// let x = random.randn(1, 3)                        // X = np.random.randn(T, input)
/// let y = random.randn(2, 1)                        // Y = np.random.randn(output, 1)
/// let model = LSTM(config: LSTMConfiguration(input: 3, hidden: 5, output: 2),
///                  initialization: .tutorial, random: &random)
/// let trace = model.trace(input: .dense(x), target: .last(y.storage))
/// trace.steps[0].forward[.f]                        // f_1, five numbers
/// ```
public struct LSTM: Equatable, Sendable {
    /// W_f, b_f, …, W_y, b_y.
    public var parameters: ParameterSet

    /// The model's shape and equations.
    public var config: LSTMConfiguration { parameters.config }

    /// A model with the given parameters.
    public init(parameters: ParameterSet) {
        self.parameters = parameters
    }

    /// A model drawn with `initialization` from `random`.
    public init(config: LSTMConfiguration, initialization: Initialization, random: inout NumpyRandom) {
        self.parameters = initialization.parameters(for: config, random: &random)
    }

    /// The loss of a sequence (forward pass only).
    public func loss(input: SequenceInput, target: Target, h0: [Double]? = nil, c0: [Double]? = nil) -> Double {
        let cache = SequenceCache(config: config, capacity: input.steps)
        return cache.forward(parameters: parameters, input: input, target: target, h0: h0, c0: c0)
    }

    /// The loss of a sequence and the gradient of every parameter.
    public func gradients(input: SequenceInput, target: Target, h0: [Double]? = nil,
                          c0: [Double]? = nil) -> (loss: Double, gradients: ParameterSet) {
        let cache = SequenceCache(config: config, capacity: input.steps)
        var g = ParameterSet(zerosFor: config)
        let loss = cache.forwardBackward(parameters: parameters, input: input, target: target,
                                         h0: h0, c0: c0, gradients: &g)
        return (loss, g)
    }

    /// Runs a sequence forward (and backward unless `backward` is false) and records every
    /// intermediate value and gradient.
    public func trace(input: SequenceInput, target: Target, h0: [Double]? = nil, c0: [Double]? = nil,
                      backward: Bool = true) -> Trace {
        let cache = SequenceCache(config: config, capacity: input.steps)
        if backward {
            var g = ParameterSet(zerosFor: config)
            let loss = cache.forwardBackward(parameters: parameters, input: input, target: target,
                                             h0: h0, c0: c0, gradients: &g)
            return Trace(cache: cache, parameters: parameters, loss: loss, gradients: g)
        }
        let loss = cache.forward(parameters: parameters, input: input, target: target, h0: h0, c0: c0)
        return Trace(cache: cache, parameters: parameters, loss: loss, gradients: nil)
    }
}

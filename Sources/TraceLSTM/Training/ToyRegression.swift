/// The settings of the tutorial's toy regression (its values are the defaults).
public struct ToyRegressionOptions: Equatable, Sendable {
    public var sequences = 100
    public var length = 10
    public var input = 3
    public var hidden = 5
    public var output = 2
    public var seed: UInt32 = 0
    public var learningRate = 0.01
    public var epochs = 100
    /// Clip every gradient entry to [−clip, clip] before the update (nil: no clipping, the default).
    public var clip: Double? = nil

    public init() {}
}

/// The tutorial's example trained for real: its data and network, BPTT from the loss
/// mean((y_T − Y)²) of each sequence, and plain SGD after each sequence (batch size 1).
///
/// ```swift
/// var toy = ToyRegression(options: ToyRegressionOptions())
/// let losses = toy.train()          // 100 epoch losses, from 1.2465… down
/// ```
public struct ToyRegression {
    public let options: ToyRegressionOptions
    public let data: ToyRegressionData
    /// The network; its parameters change as it trains.
    public private(set) var model: LSTM
    /// Epochs completed.
    public private(set) var epochsDone = 0

    private let cache: SequenceCache
    private var gradients: ParameterSet

    /// Draws the data, then the network (W_f, W_i, W_C, W_o, W_y), from `np.random.seed(seed)`.
    public init(options: ToyRegressionOptions) {
        self.options = options
        var random = NumpyRandom(seed: options.seed)
        data = ToyRegressionData(count: options.sequences, length: options.length, input: options.input,
                                 output: options.output, random: &random)
        let config = LSTMConfiguration(input: options.input, hidden: options.hidden, output: options.output)
        model = LSTM(config: config, initialization: .tutorial, random: &random)
        cache = SequenceCache(config: config, capacity: options.length)
        cache.computesInputGradient = false
        gradients = ParameterSet(zerosFor: config)
    }

    /// Sequence `index` (0-based) as the network's input and target.
    public func example(_ index: Int) -> (input: SequenceInput, target: Target) {
        (.dense(data.sequences[index]), .last(data.targets[index]))
    }

    /// One epoch: for each sequence, forward, loss (before the update), BPTT, optional clip,
    /// SGD. Returns the mean loss of the epoch. `traceSequence` (0-based) records that
    /// sequence's full pass; `onSequence` is called after each sequence (progress).
    public mutating func trainEpoch(traceSequence: Int? = nil, onSequence: ((Int) -> Void)? = nil) -> (loss: Double, trace: Trace?) {
        var total = 0.0
        var trace: Trace?
        for s in 0..<options.sequences {
            let (input, target) = example(s)
            gradients.zero()
            let recording = s == traceSequence
            cache.computesInputGradient = recording
            let loss = cache.forwardBackward(parameters: model.parameters, input: input, target: target, gradients: &gradients)
            total += loss
            if recording {
                trace = Trace(cache: cache, parameters: model.parameters, loss: loss, gradients: gradients)
            }
            if let clip = options.clip {
                gradients.clip(to: clip)
                if recording { trace?.clippedGradients = gradients }
            }
            model.parameters.sgdStep(learningRate: options.learningRate, gradients: gradients)
            onSequence?(s)
        }
        epochsDone += 1
        return (total / Double(options.sequences), trace)
    }

    /// Trains every epoch and returns the epoch losses.
    public mutating func train() -> [Double] {
        (0..<options.epochs).map { _ in trainEpoch().loss }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The settings of the notebook's character model (its values are the defaults).
public struct CharTrainingOptions: Equatable, Sendable {
    /// H, hidden units.
    public var hidden = 100
    /// T, characters per training sequence.
    public var steps = 25
    public var learningRate = 0.1
    /// Standard deviation of the initial weights.
    public var weightSD = 0.1
    /// `np.random.seed` before the weights are drawn.
    public var seed: UInt32 = 0
    /// Every gradient entry is clipped to [−clip, clip] before the update.
    public var clip = 1.0

    public init() {}
}

/// What one training iteration produced.
public struct CharIteration: Sendable {
    /// The iteration's number (from 0).
    public let iteration: Int
    /// Σ_t −log y_t[target_t] over its T characters.
    public let loss: Double
    /// smooth_loss · 0.999 + loss · 0.001.
    public let smoothLoss: Double
    /// Characters sampled after it, when asked for.
    public let sample: [Int]?
    /// Its full trace, when asked for (gradients before and after clipping).
    public let trace: Trace?
}

/// Varuna Jayasiri's "Vanilla LSTM with numpy" notebook, iteration for iteration: T = 25
/// characters forward from the carried (h, C), softmax and cross-entropy, BPTT, every gradient
/// clipped to [−1, 1], Adagrad; (h, C) and the data pointer reset at iteration 0 and whenever
/// the pointer reaches the end of the text.
///
/// It runs the same `SequenceCache` forward and backward as every trace, with the inputs given
/// as one-hot indices (W·z then reads one column of the input block instead of a product).
public final class CharTrainer {
    public let corpus: CharCorpus
    public let options: CharTrainingOptions
    public let config: LSTMConfiguration

    /// W_f … b_v.
    public internal(set) var parameters: ParameterSet
    /// Adagrad's sum of squared gradients, entry for entry.
    public internal(set) var memory: ParameterSet
    /// The state carried to the next iteration.
    public internal(set) var h: [Double], c: [Double]
    /// Iterations done.
    public internal(set) var iteration = 0
    /// Where the next sequence starts in the text.
    public internal(set) var pointer = 0
    /// The notebook's exponential average of the loss.
    public internal(set) var smoothLoss: Double
    /// numpy's global random state (drew the weights, draws the samples).
    public internal(set) var random: NumpyRandom

    private let cache: SequenceCache
    private var gradients: ParameterSet
    private var inputs: [Int], targets: [Int]

    /// A model drawn as the notebook draws it after `np.random.seed(options.seed)`.
    ///
    /// `threads` 2 shares every pass with a helper thread (on a machine with two cores or more);
    /// the numbers are bit-identical to a single thread's.
    public init(corpus: CharCorpus, options: CharTrainingOptions, threads: Int = 1) {
        self.corpus = corpus
        self.options = options
        let X = corpus.vocabulary.count
        config = LSTMConfiguration(input: X, hidden: options.hidden, output: X, concat: .hFirst, loss: .crossEntropy)
        random = NumpyRandom(seed: options.seed)
        parameters = Initialization.notebook(weightSD: options.weightSD).parameters(for: config, random: &random)
        memory = ParameterSet(zerosFor: config)
        gradients = ParameterSet(zerosFor: config)
        h = [Double](repeating: 0, count: options.hidden)
        c = h
        // smooth_loss = -np.log(1.0 / X_size) * T_steps
        smoothLoss = -(1.0 / Double(X)).logarithm * Double(options.steps)
        cache = SequenceCache(config: config, capacity: options.steps)
        cache.computesInputGradient = false
        if threads > 1 { cache.workers = WorkerPair() }
        inputs = [Int](repeating: 0, count: options.steps)
        targets = inputs
    }

    deinit {
        cache.workers?.shutdown()
    }

    /// Whether a helper thread shares the passes.
    public var threads: Int { cache.workers == nil ? 1 : 2 }

    /// One iteration: the next T characters forward and backward, the smooth loss, a sample
    /// of `sampleLength` characters if asked (with the parameters before this update, as the
    /// notebook samples), then clipping and the Adagrad update.
    public func step(sampleLength: Int? = nil, trace: Bool = false) -> CharIteration {
        let T = options.steps
        if pointer + T >= corpus.count || iteration == 0 {
            h.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            c.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            pointer = 0
        }
        for t in 0..<T {
            inputs[t] = corpus.indices[pointer + t]
            targets[t] = corpus.indices[pointer + t + 1]
        }
        gradients.zero()
        cache.computesInputGradient = trace
        let loss = cache.forwardBackward(parameters: parameters, input: .oneHot(indices: inputs, classes: config.input),
                                         target: .classes(targets), h0: h, c0: c, gradients: &gradients)
        smoothLoss = smoothLoss * 0.999 + loss * 0.001
        var recorded: Trace?
        if trace {
            recorded = Trace(cache: cache, parameters: parameters, loss: loss, gradients: gradients)
        }
        cache.copyLastState(h: &h, c: &c)
        let sampled = sampleLength.map { self.sample(from: inputs[0], h: h, c: c, length: $0) }
        gradients.clip(to: options.clip)
        recorded?.clippedGradients = gradients
        if let workers = cache.workers {
            parameters.adagradStep(learningRate: options.learningRate, gradients: gradients, memory: &memory, workers: workers)
        } else {
            parameters.adagradStep(learningRate: options.learningRate, gradients: gradients, memory: &memory)
        }
        let done = CharIteration(iteration: iteration, loss: loss, smoothLoss: smoothLoss, sample: sampled, trace: recorded)
        pointer += T
        iteration += 1
        return done
    }

    /// `length` characters drawn as the notebook draws them (see `LSTM.sample(from:h:c:length:random:)`)
    /// with the current parameters and numpy's random state.
    public func sample(from first: Int, h: [Double], c: [Double], length: Int) -> [Int] {
        LSTM(parameters: parameters).sample(from: first, h: h, c: c, length: length, random: &random)
    }
}

extension SequenceCache {
    /// Copies h_T and C_T into existing arrays (no allocation).
    func copyLastState(h: inout [Double], c: inout [Double]) {
        let H = config.hidden, last = steps - 1
        h.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: self.h[last], count: H) }
        c.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: self.c[last], count: H) }
    }
}

extension Double {
    /// The natural logarithm.
    var logarithm: Double {
        #if canImport(Glibc)
        return Glibc.log(self)
        #else
        return Darwin.log(self)
        #endif
    }
}

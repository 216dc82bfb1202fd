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

    /// The parameters, Adagrad's memory, the carried (h, C), the data pointer, the iteration,
    /// the smooth loss and numpy's random state.
    public internal(set) var state: CharTrainingState

    private let cache: SequenceCache
    /// The sums of this iteration's gradients; zero between iterations.
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
        var random = NumpyRandom(seed: options.seed)
        let parameters = Initialization.notebook(weightSD: options.weightSD).parameters(for: config, random: &random)
        let zeros = [Double](repeating: 0, count: options.hidden)
        // smooth_loss = -np.log(1.0 / X_size) * T_steps
        state = CharTrainingState(parameters: parameters, memory: ParameterSet(zerosFor: config), h: zeros, c: zeros,
                                  iteration: 0, pointer: 0, smoothLoss: SmoothLoss.initial(vocabulary: X, steps: options.steps),
                                  random: random)
        gradients = ParameterSet(zerosFor: config)
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
        if state.pointer + T >= corpus.count || state.iteration == 0 {
            state.h.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            state.c.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            state.pointer = 0
        }
        for t in 0..<T {
            inputs[t] = corpus.indices[state.pointer + t]
            targets[t] = corpus.indices[state.pointer + t + 1]
        }
        // gradients is zero here: the update at the end of each iteration leaves it so.
        cache.computesInputGradient = trace
        let loss = cache.forwardBackward(parameters: state.parameters, input: .oneHot(indices: inputs, classes: config.input),
                                         target: .classes(targets), h0: state.h, c0: state.c, gradients: &gradients)
        state.smoothLoss = SmoothLoss.next(state.smoothLoss, loss: loss)
        var recorded: Trace?
        if trace {
            recorded = Trace(cache: cache, parameters: state.parameters, loss: loss, gradients: gradients)
        }
        state.carryLastState(of: cache)
        let sampled = sampleLength.map { self.sample(from: inputs[0], h: state.h, c: state.c, length: $0) }
        if recorded != nil {
            gradients.clip(to: options.clip)
            recorded?.clippedGradients = gradients
        }
        // np.clip(d, -1, 1), then Adagrad (clipping again changes nothing).
        state.update(learningRate: options.learningRate, clip: options.clip, gradients: &gradients, workers: cache.workers)
        let done = CharIteration(iteration: state.iteration, loss: loss, smoothLoss: state.smoothLoss, sample: sampled, trace: recorded)
        state.pointer += T
        state.iteration += 1
        return done
    }

    /// `length` characters drawn as the notebook draws them (see `LSTM.sample(from:h:c:length:random:)`)
    /// with the current parameters and numpy's random state.
    public func sample(from first: Int, h: [Double], c: [Double], length: Int) -> [Int] {
        LSTM(parameters: state.parameters).sample(from: first, h: h, c: c, length: length, random: &state.random)
    }
}

extension CharTrainingState {
    /// Clips the gradients and takes the Adagrad step (see `ParameterSet.adagradStep`).
    mutating func update(learningRate: Double, clip: Double, gradients: inout ParameterSet, workers: WorkerPair?) {
        parameters.adagradStep(learningRate: learningRate, clip: clip, gradients: &gradients, memory: &memory, workers: workers)
    }

    /// h_T and C_T of the sequence just run become the (h, C) carried to the next iteration.
    mutating func carryLastState(of cache: SequenceCache) {
        cache.copyLastState(h: &h, c: &c)
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

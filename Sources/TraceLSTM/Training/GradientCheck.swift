/// How one checked entry came out.
public enum GradientCheckStatus: String, Sendable, Comparable {
    /// Relative error at most 1e-6 (the notebook's line), or both gradients under the
    /// finite differences' rounding floor.
    case ok = "OK"
    /// Relative error above 1e-6 but at most 1e-3: worth a look (often a kink, or a
    /// difference of two large losses).
    case warning = "WARNING"
    /// Relative error above 1e-3: the analytic gradient is wrong.
    case notOK = "NOT OK"

    private var rank: Int { self == .ok ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// One parameter entry: its backpropagated gradient beside a central difference.
public struct GradientCheckEntry: Sendable {
    /// Which tensor.
    public let parameter: ParameterName
    /// Its row and column (0-based; column 0 for a bias).
    public let row: Int, col: Int
    /// ∂L/∂w from backpropagation.
    public let analytic: Double
    /// (L(w + ε) − L(w − ε)) / 2ε.
    public let numeric: Double
    /// The notebook's relative error |a − n| / (|a + n| + 1e-9).
    public let relativeError: Double
    /// OK, WARNING or NOT OK (see `GradientCheckStatus`).
    public let status: GradientCheckStatus
    /// 4 · ulp(max |L(w ± ε)|) / ε: how far rounding L(w ± ε) to float64 alone can move the
    /// difference quotient. Below it, no relative error means anything.
    public let roundingFloor: Double

    /// |a − n|, the absolute difference of the two gradients.
    public var difference: Double { Swift.abs(analytic - numeric) }

    /// Whether the entry is OK only because |a − n| is under the rounding floor (its relative
    /// error alone, above 1e-6, would not make it OK): both gradients are then smaller than the
    /// differences can resolve.
    public var isOKByRoundingFloor: Bool { status == .ok && relativeError > GradientCheck.okRelativeError }
}

/// Central differences on every parameter entry (or a seeded sample of each tensor), against
/// the gradients of backpropagation through time.
public struct GradientCheck: Sendable {
    /// The entries checked, tensor by tensor, row by row.
    public let entries: [GradientCheckEntry]
    /// The step ε of the differences.
    public let epsilon: Double
    /// The loss at the unperturbed parameters.
    public let loss: Double
    /// T, the length of the sequence checked.
    public let steps: Int

    /// The notebook's relative error: |a − n| / (|a + n| + 1e-9).
    public static func relativeError(analytic a: Double, numeric n: Double) -> Double {
        Swift.abs(a - n) / (Swift.abs(a + n) + 1e-9)
    }

    /// The largest relative error marked OK (the notebook's line).
    public static let okRelativeError = 1e-6
    /// The largest relative error marked WARNING.
    public static let warningRelativeError = 1e-3

    /// Judges one entry from the losses at w + ε and w − ε: the central difference, the
    /// relative error against `analytic`, the rounding floor and the status. Any model's
    /// gradient check (this one, the tanh RNN's in the tests) goes through here.
    public static func judge(analytic: Double, plus: Double, minus: Double, epsilon: Double)
        -> (numeric: Double, relativeError: Double, roundingFloor: Double, status: GradientCheckStatus) {
        let numeric = (plus - minus) / (2 * epsilon)
        let rel = relativeError(analytic: analytic, numeric: numeric)
        // Rounding in L(w ± ε) alone moves the difference quotient by about
        // ulp(|L|) / ε; below that floor no relative error means anything.
        let floor = 4 * Swift.max(Swift.abs(plus), Swift.abs(minus)).ulp / epsilon
        let status: GradientCheckStatus
        if rel <= okRelativeError || Swift.abs(analytic - numeric) <= floor {
            status = .ok
        } else if rel <= warningRelativeError {
            status = .warning
        } else {
            status = .notOK
        }
        return (numeric, rel, floor, status)
    }

    /// Checks `model` on one sequence.
    ///
    /// - Parameters:
    ///   - model: the model whose gradients are checked.
    ///   - input: the sequence's inputs.
    ///   - target: what the loss compares the outputs with.
    ///   - h0: the initial hidden state (zero when nil).
    ///   - c0: the initial cell state (zero when nil).
    ///   - epsilon: the step of the central differences (the notebook's delta, 1e-5).
    ///   - samplesPerParameter: nil checks every entry; n checks n distinct entries of each
    ///     tensor, drawn without replacement with `NumpyRandom(seed: seed)` (for large models).
    ///   - seed: the seed of those draws.
    public init(model: LSTM, input: SequenceInput, target: Target, h0: [Double]? = nil, c0: [Double]? = nil,
                epsilon: Double = 1e-5, samplesPerParameter: Int? = nil, seed: UInt32 = 0) {
        let cache = SequenceCache(config: model.config, capacity: input.steps)
        cache.computesInputGradient = false
        var grads = ParameterSet(zerosFor: model.config)
        loss = cache.forwardBackward(parameters: model.parameters, input: input, target: target,
                                     h0: h0, c0: c0, gradients: &grads)
        self.epsilon = epsilon
        steps = input.steps
        var random = NumpyRandom(seed: seed)
        var perturbed = model.parameters
        var entries: [GradientCheckEntry] = []
        for name in ParameterName.allCases {
            let (rows, cols) = name.shape(model.config)
            var picks = (0..<(rows * cols)).map { ($0 / cols, $0 % cols) }
            if let n = samplesPerParameter, n < picks.count {
                // n distinct entries (a partial Fisher–Yates shuffle), checked in row order.
                for k in 0..<n {
                    let j = k + Swift.min(Int(random.randomSample() * Double(picks.count - k)), picks.count - k - 1)
                    picks.swapAt(k, j)
                }
                picks = picks[0..<n].sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            }
            for (row, col) in picks {
                let k = perturbed.index(name, row: row, col: col)
                let saved = perturbed.values[k]
                perturbed.values[k] = saved + epsilon
                let plus = cache.forward(parameters: perturbed, input: input, target: target, h0: h0, c0: c0)
                perturbed.values[k] = saved - epsilon
                let minus = cache.forward(parameters: perturbed, input: input, target: target, h0: h0, c0: c0)
                perturbed.values[k] = saved
                let analytic = grads.values[k]
                let judged = Self.judge(analytic: analytic, plus: plus, minus: minus, epsilon: epsilon)
                entries.append(GradientCheckEntry(parameter: name, row: row, col: col, analytic: analytic,
                                                  numeric: judged.numeric, relativeError: judged.relativeError,
                                                  status: judged.status, roundingFloor: judged.roundingFloor))
            }
        }
        self.entries = entries
    }

    /// The worst entry of each tensor, in parameter order.
    public var worstPerParameter: [GradientCheckEntry] {
        ParameterName.allCases.compactMap { name in
            entries.filter { $0.parameter == name }.max { ($0.status, $0.relativeError) < ($1.status, $1.relativeError) }
        }
    }

    /// The worst status of all entries.
    public var status: GradientCheckStatus { entries.map(\.status).max() ?? .ok }
}

private func < (a: (GradientCheckStatus, Double), b: (GradientCheckStatus, Double)) -> Bool {
    a.0 != b.0 ? a.0 < b.0 : a.1 < b.1
}

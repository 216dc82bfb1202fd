/// The rows of one quantity over the steps of a sequence: row t (0-based) is that
/// quantity at step t + 1, `width` numbers long, inside a `SequenceCache`'s memory.
struct StepRows {
    let base: UnsafeMutablePointer<Double>
    let width: Int

    @inline(__always)
    subscript(t: Int) -> UnsafeMutablePointer<Double> { base + t * width }

    /// Row t copied out.
    func array(_ t: Int) -> [Double] { Array(UnsafeBufferPointer(start: self[t], count: width)) }
}

/// Every value the forward pass computes and the backward pass reads, and every gradient
/// the backward pass computes, for each step of one sequence: the cache of BPTT, which is
/// also what a `Trace` records (nothing is computed twice).
///
/// Allocated once per sequence length and reused: training runs thousands of sequences
/// through the same cache without allocating.
public final class SequenceCache {
    /// The model's shape.
    public let config: LSTMConfiguration
    /// The number of steps this cache holds.
    public let capacity: Int
    /// The number of steps of the sequence now in the cache.
    public internal(set) var steps: Int = 0
    /// Whether the backward pass also computes the x-part of dz (only a trace shows it;
    /// BPTT needs only the h-part).
    public var computesInputGradient = true
    /// A helper thread to share the passes with (nil: the calling thread does everything).
    /// Results are bit-identical either way.
    var workers: WorkerPair?

    private let blocks: [UnsafeMutablePointer<Double>]
    let hotIndices: UnsafeMutableBufferPointer<Int>
    var inputIsOneHot = false
    var target: Target = .last([])

    // Inputs of the sequence.
    let x: StepRows, h0: StepRows, c0: StepRows
    // Forward: equations 0–4 and the head.
    let z: StepRows, aF: StepRows, f: StepRows, aI: StepRows, i: StepRows
    let aC: StepRows, cTilde: StepRows, c: StepRows, aO: StepRows, o: StepRows
    let tanhC: StepRows, h: StepRows, v: StepRows, y: StepRows, loss: StepRows
    // Backward: the same quantities' gradients.
    let dy: StepRows, dv: StepRows, dh: StepRows, dO: StepRows, daO: StepRows, dC: StepRows
    let dCTilde: StepRows, daC: StepRows, dI: StepRows, daI: StepRows, dF: StepRows, daF: StepRows
    let dz: StepRows, dhPrev: StepRows, dCPrev: StepRows
    // Scratch: W_x · x_t for one gate.
    let xProducts: StepRows

    /// A cache for sequences of up to `capacity` steps of a model shaped by `config`.
    public init(config: LSTMConfiguration, capacity: Int) {
        precondition(capacity > 0, "SequenceCache: capacity must be positive")
        self.config = config
        self.capacity = capacity
        let X = config.input, H = config.hidden, K = config.output, Z = config.concatSize
        var blocks: [UnsafeMutablePointer<Double>] = []
        /// A zeroed block of `rows` rows of `width` numbers.
        func rows(_ width: Int, count rows: Int = capacity) -> StepRows {
            let base = UnsafeMutablePointer<Double>.allocate(capacity: width * rows)
            base.initialize(repeating: 0, count: width * rows)
            blocks.append(base)
            return StepRows(base: base, width: width)
        }
        (x, h0, c0) = (rows(X), rows(H, count: 1), rows(H, count: 1))
        (z, aF, f, aI, i, aC, cTilde) = (rows(Z), rows(H), rows(H), rows(H), rows(H), rows(H), rows(H))
        (c, aO, o, tanhC, h) = (rows(H), rows(H), rows(H), rows(H), rows(H))
        (v, y, loss) = (rows(K), rows(K), rows(1))
        (dy, dv, dh, dO, daO, dC) = (rows(K), rows(K), rows(H), rows(H), rows(H), rows(H))
        (dCTilde, daC, dI, daI, dF, daF) = (rows(H), rows(H), rows(H), rows(H), rows(H), rows(H))
        (dz, dhPrev, dCPrev) = (rows(Z), rows(H), rows(H))
        xProducts = rows(H, count: 1)
        self.blocks = blocks
        hotIndices = .allocate(capacity: capacity)
        hotIndices.initialize(repeating: 0)
    }

    deinit {
        for b in blocks { b.deallocate() }
        hotIndices.deallocate()
    }

    /// h_{t−1} for step t (0-based): h_0 at the first step, else the previous step's h.
    @inline(__always)
    func hPrev(_ t: Int) -> UnsafeMutablePointer<Double> { t == 0 ? h0[0] : h[t - 1] }

    /// C_{t−1} for step t (0-based).
    @inline(__always)
    func cPrev(_ t: Int) -> UnsafeMutablePointer<Double> { t == 0 ? c0[0] : c[t - 1] }

    /// Loads a sequence's inputs, initial state and target (h_0 = C_0 = 0 where nil).
    func load(input: SequenceInput, h0 initialH: [Double]?, c0 initialC: [Double]?, target: Target) {
        let H = config.hidden, X = config.input
        precondition(input.size == X, "SequenceCache: inputs of size \(input.size) for a model with X = \(X)")
        precondition(input.steps >= 1 && input.steps <= capacity, "SequenceCache: \(input.steps) steps, capacity \(capacity)")
        steps = input.steps
        switch input {
        case .dense(let m):
            inputIsOneHot = false
            m.storage.withUnsafeBufferPointer { x.base.update(from: $0.baseAddress!, count: m.count) }
        case .oneHot(let indices, _):
            inputIsOneHot = true
            for (t, k) in indices.enumerated() {
                precondition(k >= 0 && k < X, "SequenceCache: one-hot index \(k) outside 0..<\(X)")
                hotIndices[t] = k
            }
        }
        for (row, given) in [(h0[0], initialH), (c0[0], initialC)] {
            if let given {
                precondition(given.count == H, "SequenceCache: initial state of \(given.count) entries, H = \(H)")
                given.withUnsafeBufferPointer { row.update(from: $0.baseAddress!, count: H) }
            } else {
                row.update(repeating: 0, count: H)
            }
        }
        self.target = target
    }

    /// x_t for step t as a dense vector (for the trace).
    func inputArray(_ t: Int) -> [Double] {
        if inputIsOneHot {
            var e = [Double](repeating: 0, count: config.input)
            e[hotIndices[t]] = 1
            return e
        }
        return x.array(t)
    }
}

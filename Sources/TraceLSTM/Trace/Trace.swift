/// One step of a trace: every forward value and every gradient at step t.
public struct TraceStep: Equatable, Sendable {
    /// t, from 1.
    public var t: Int
    /// The forward values at this step, by quantity (only those the model has: `v` for a
    /// softmax head, `loss` where a loss term exists).
    public var forward: [Quantity: [Double]]
    /// The gradients at this step (empty when the trace has no backward pass).
    public var backward: [Quantity: [Double]]

    public init(t: Int, forward: [Quantity: [Double]], backward: [Quantity: [Double]]) {
        self.t = t
        self.forward = forward
        self.backward = backward
    }

    /// A value or gradient of this step.
    public subscript(q: Quantity) -> [Double]? { q.isGradient ? backward[q] : forward[q] }
}

/// What a run recorded: the model, its inputs and target, every intermediate value at each
/// step, every gradient backwards through time, and the parameter gradients.
///
/// Made from a `SequenceCache` after a pass; written by `TraceJSON`, `TraceCSV` and
/// `TraceMarkdown` in the formats of docs/trace-format.md (written by `lstm-trace docs` from the symbol table).
public struct Trace: Equatable, Sendable {
    /// The model's shape and equations.
    public var config: LSTMConfiguration
    /// Settings that describe the run (seed, init, iteration, …), written into `config` in
    /// order after the model's own keys.
    public var settings: [(String, JSONValue)] = []

    /// The first setting named `key`, if any.
    public func setting(_ key: String) -> JSONValue? {
        settings.first(where: { $0.0 == key })?.1
    }
    /// The parameters the pass used.
    public var parameters: ParameterSet
    /// Steps 1 … T.
    public var steps: [TraceStep]
    /// What the loss compared the outputs with.
    public var target: Target
    /// The loss of the sequence.
    public var loss: Double
    /// dW_f, db_f, …, summed over the steps, before any clipping (nil without a backward pass).
    public var gradients: ParameterSet?
    /// The same after clipping, where the run clips.
    public var clippedGradients: ParameterSet?

    public static func == (a: Trace, b: Trace) -> Bool {
        a.config == b.config && a.settings.elementsEqual(b.settings, by: { $0.0 == $1.0 && $0.1 == $1.1 })
            && a.parameters == b.parameters && a.steps == b.steps && a.target == b.target
            && a.loss == b.loss && a.gradients == b.gradients && a.clippedGradients == b.clippedGradients
    }

    /// The head's trace key names (`W_y` or `W_v`) follow the model's head.
    public var head: Head { config.head }

    /// Whether the trace has the backward pass.
    public var hasBackward: Bool { gradients != nil }

    /// The forward quantities this model records, in trace order.
    public var forwardQuantities: [Quantity] {
        Quantity.forwardOrder.filter { q in q != .v || config.head == .softmax }
    }

    /// The backward quantities this model records, in trace order.
    public var backwardQuantities: [Quantity] {
        guard hasBackward else { return [] }
        return Quantity.backwardOrder.filter { q in q != .dv || config.head == .softmax }
    }

    /// A trace from scratch (for readers of trace files and tests).
    public init(config: LSTMConfiguration, settings: [(String, JSONValue)] = [], parameters: ParameterSet,
                steps: [TraceStep], target: Target, loss: Double,
                gradients: ParameterSet?, clippedGradients: ParameterSet? = nil) {
        self.config = config
        self.settings = settings
        self.parameters = parameters
        self.steps = steps
        self.target = target
        self.loss = loss
        self.gradients = gradients
        self.clippedGradients = clippedGradients
    }

    /// Copies a pass out of the cache that ran it.
    public init(cache: SequenceCache, parameters: ParameterSet, loss: Double, gradients: ParameterSet?) {
        self.config = cache.config
        self.parameters = parameters
        self.target = cache.target
        self.loss = loss
        self.gradients = gradients
        var steps: [TraceStep] = []
        let lossAtEveryStep: Bool
        if case .last = cache.target { lossAtEveryStep = false } else { lossAtEveryStep = true }
        for t in 0..<cache.steps {
            var fw: [Quantity: [Double]] = [
                .x: cache.inputArray(t),
                .hPrev: Array(UnsafeBufferPointer(start: cache.hPrev(t), count: cache.config.hidden)),
                .cPrev: Array(UnsafeBufferPointer(start: cache.cPrev(t), count: cache.config.hidden)),
                .z: cache.z.array(t), .aF: cache.aF.array(t), .f: cache.f.array(t),
                .aI: cache.aI.array(t), .i: cache.i.array(t), .aC: cache.aC.array(t),
                .cTilde: cache.cTilde.array(t), .c: cache.c.array(t), .aO: cache.aO.array(t),
                .o: cache.o.array(t), .tanhC: cache.tanhC.array(t), .h: cache.h.array(t), .y: cache.y.array(t),
            ]
            if cache.config.head == .softmax { fw[.v] = cache.v.array(t) }
            if lossAtEveryStep || t == cache.steps - 1 { fw[.loss] = cache.loss.array(t) }
            var bw: [Quantity: [Double]] = [:]
            if gradients != nil {
                bw = [
                    .dy: cache.dy.array(t), .dh: cache.dh.array(t), .dO: cache.dO.array(t),
                    .daO: cache.daO.array(t), .dC: cache.dC.array(t), .dCTilde: cache.dCTilde.array(t),
                    .daC: cache.daC.array(t), .dI: cache.dI.array(t), .daI: cache.daI.array(t),
                    .dF: cache.dF.array(t), .daF: cache.daF.array(t), .dz: cache.dz.array(t),
                    .dhPrev: cache.dhPrev.array(t), .dCPrev: cache.dCPrev.array(t),
                ]
                if cache.config.head == .softmax { bw[.dv] = cache.dv.array(t) }
            }
            steps.append(TraceStep(t: t + 1, forward: fw, backward: bw))
        }
        self.steps = steps
    }
}

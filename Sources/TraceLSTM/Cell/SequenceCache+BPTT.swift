// Forward through a whole sequence, then backpropagation through time.

extension SequenceCache {
    /// Runs `job` for worker 0 alone, or for workers 0 and 1 side by side when the cache has a
    /// worker pair.
    private func parallel(_ job: (Int, Int) -> Void) {
        if let workers {
            workers.run { w in job(w, 2) }
        } else {
            job(0, 1)
        }
    }

    /// The part of 0..<n that worker w of `count` takes.
    private func part(_ n: Int, _ w: Int, of count: Int) -> Range<Int> {
        count == 1 ? 0..<n : WorkerPair.part(n, worker: w)
    }

    /// Runs steps 1 … T forward (cell, head, loss) and returns L = Σ_t (loss term of t).
    func forward(_ p: ParameterPointers) -> Double {
        let H = config.hidden
        for t in 0..<steps {
            parallel { w, n in cellForward(t, p, units: part(H, w, of: n)) }
        }
        parallel { w, n in
            for t in part(steps, w, of: n) { headForward(t, p) }
        }
        var total = 0.0
        for t in 0..<steps { total += loss[t][0] }
        return total
    }

    /// Runs steps T … 1 backward, each step's dh_prev and dC_prev feeding the step before,
    /// then adds every parameter gradient (summed over the steps) to g.
    func backward(_ p: ParameterPointers, into g: ParameterPointers) {
        let H = config.hidden, X = config.input, K = config.output
        // The head's part of each dh_t does not depend on later steps: all of them first.
        parallel { w, n in
            for t in part(steps, w, of: n) { headBackward(t, p) }
        }
        if let workers {
            // One meeting a step: a worker's units at step t − 1 need only what the same worker
            // just computed for them at step t (their dh_prev and dC_prev), while dz at step t
            // needs every unit's da, which the meeting before provides.
            workers.run { w in cellBackwardGates(steps - 1, units: part(H, w, of: 2)) }
            for t in stride(from: steps - 1, through: 0, by: -1) {
                workers.run { w in
                    cellBackwardConcat(t, p, units: part(H, w, of: 2), inputs: part(X, w, of: 2))
                    if t > 0 { cellBackwardGates(t - 1, units: part(H, w, of: 2)) }
                }
            }
        } else {
            for t in stride(from: steps - 1, through: 0, by: -1) { cellBackward(t, p, units: 0..<H) }
        }
        parallel { w, n in
            addHeadParameterGradients(g, outputs: part(K, w, of: n))
            addCellParameterGradients(g, units: part(H, w, of: n))
        }
    }

    /// Loads a sequence and runs it forward; returns the loss.
    public func forward(parameters: ParameterSet, input: SequenceInput, target: Target,
                        h0: [Double]? = nil, c0: [Double]? = nil) -> Double {
        precondition(parameters.config == config, "SequenceCache: parameters of another model")
        load(input: input, h0: h0, c0: c0, target: target)
        return parameters.withPointers { p in forward(p) }
    }

    /// Loads a sequence, runs it forward and backward, and adds the parameter gradients to
    /// `gradients` (which the caller zeroes when it wants this sequence's alone). Returns the loss.
    public func forwardBackward(parameters: ParameterSet, input: SequenceInput, target: Target,
                                h0: [Double]? = nil, c0: [Double]? = nil,
                                gradients: inout ParameterSet) -> Double {
        precondition(parameters.config == config && gradients.config == config,
                     "SequenceCache: parameters of another model")
        load(input: input, h0: h0, c0: c0, target: target)
        return parameters.withPointers { p in
            gradients.withMutablePointers { g in
                let loss = forward(p)
                backward(p, into: g)
                return loss
            }
        }
    }

    /// y_t for step t (1-based), the head's output.
    public func output(step t: Int) -> [Double] { y.array(t - 1) }
}

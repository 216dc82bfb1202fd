// Forward through a whole sequence, then backpropagation through time.

extension SequenceCache {
    /// Runs steps 1 … T forward (cell, head, loss) and returns L = Σ_t (loss term of t).
    func forward(_ p: ParameterPointers) -> Double {
        var total = 0.0
        for t in 0..<steps {
            cellForward(t, p)
            headForward(t, p)
            total += loss[t][0]
        }
        return total
    }

    /// Runs steps T … 1 backward, each step's dh_prev and dC_prev feeding the step before,
    /// then adds every parameter gradient (summed over the steps) to g.
    func backward(_ p: ParameterPointers, into g: ParameterPointers) {
        for t in stride(from: steps - 1, through: 0, by: -1) {
            headBackward(t, p)
            cellBackward(t, p)
        }
        addHeadParameterGradients(g)
        addCellParameterGradients(g)
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

    /// h_T, the hidden state after the last step.
    public var lastHidden: [Double] { h.array(steps - 1) }
    /// C_T, the cell state after the last step.
    public var lastCell: [Double] { c.array(steps - 1) }
    /// y_t for step t (1-based), the head's output.
    public func output(step t: Int) -> [Double] { y.array(t - 1) }
}

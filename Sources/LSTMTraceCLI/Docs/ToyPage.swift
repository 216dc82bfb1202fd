import TraceLSTM

/// docs/toy-regression.md and its loss curve.
enum ToyPage {
    static func render(_ f: DocsFormat) -> [(String, String)] {
        let options = ToyRegressionOptions()
        var toy = ToyRegression(options: options)
        let (input, target) = toy.example(0)
        let before = toy.model.trace(input: input, target: target, backward: false)
        var losses: [Double] = []
        var last: Trace?
        for epoch in 1...options.epochs {
            let r = toy.trainEpoch(traceSequence: epoch == options.epochs ? 0 : nil)
            losses.append(r.loss)
            if let t = r.trace { last = t }
        }
        let report = ToyReport(options: options, losses: losses)
        var s = f.header("The tutorial's toy regression, finished")
        s += "The \"LSTM from scratch\" tutorial (`001_…`) defines the cell and a network, makes sample data, and "
            + "writes a training loop that stops at:\n\n```python\n# Backpropagation and weight updates would go here\n"
            + "# (Note: Implementing BPTT is complex and beyond the scope of this basic guide)\n```\n\n"
        s += "Its code does not run either. `for x_t in X` gives each row of a `(10, 3)` sequence, a vector of shape `(3,)`, "
            + "and `np.vstack((h_prev, x_t))` with `h_prev` of shape `(5, 1)` raises:\n\n```\nValueError: all the input array "
            + "dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 "
            + "has size 1 and the array at index 1 has size 3\n```\n\n"
        s += "`lstm-trace toy` (and `Examples/python/toy_regression.py`, its numpy reference) makes $x_t$ a column "
            + "(`x_t.reshape(-1, 1)`) and writes the missing half: backpropagation through the 10 steps from "
            + "$L = \\frac{1}{2}\\sum_k (y_{10,k} - Y_k)^2$, whose only gradient enters at the last step, "
            + "$dy_{10} = \\tfrac{2}{2}(y_{10} - Y)$ (see [backward.md](backward.md) for the equations), then a plain "
            + "SGD step $w \\leftarrow w - 0.01\\thinspace dw$ after each sequence.\n\n"
        s += "Everything else is the tutorial's: `np.random.seed(0)`, then 100 sequences `np.random.randn(10, 3)`, then 100 "
            + "targets `np.random.randn(2, 1)`, then the network (X = 3, H = 5, K = 2) drawn in the order $W_f, W_i, W_C, W_o, W_y$, "
            + "biases zero, learning rate 0.01, 100 epochs. A sequence's loss is taken before its update; the epoch's loss "
            + "is the mean over the 100 sequences.\n\n"
        s += "**What it can learn.** Y is noise, drawn independently of X. There is no rule to find, and the falling loss "
            + "below is the network memorising 100 (sequence, target) pairs, not learning to predict. It is still the "
            + "whole of training: forward, loss, backward through time, update.\n\n"
        s += "Before any update, the first sequence gives $y_{10} = \(f.vector(before.steps.last!.forward[.y]!))$ "
            + "against $Y = \(f.vector(target.lastValues))$.\n\n"
        s += "## Loss per epoch\n\n![The toy regression's loss per epoch](toy-regression-loss.svg)\n\n"
        s += "| epoch | mean loss |\n|---:|---:|\n"
        for (e, l) in losses.enumerated() where e < 10 || (e + 1) % 10 == 0 { s += "| \(e + 1) | \(f.n(l)) |\n" }
        s += "\n`lstm-trace toy --format csv` prints all \(options.epochs) at full precision, and CI checks them against the numpy "
            + "reference (within 1e-9, relative).\n\n"
        if let last {
            s += "## Inside one sequence at the end\n\n"
            s += "`lstm-trace toy --trace \(options.epochs):1 -o trace.md` writes every value and gradient of sequence 1's pass in "
                + "epoch \(options.epochs). There, $y_{10} = \(f.vector(last.steps.last!.forward[.y]!))$ "
                + "against $Y = \(f.vector(target.lastValues))$, loss \(f.n(last.loss)), and the largest "
                + "entry of $dW_y$ in absolute value is \(f.n(VectorMath.maxAbs(last.gradients![.wy].storage))).\n\n"
            s += "**In the explorer.** `lstm-trace toy --trace \(options.epochs):1 --format json -o toy.json` writes that trace, "
                + "and `lstm-trace html --from toy.json -o toy.html` opens it: the cell at each of the 10 steps, forward and "
                + "backward.\n"
        }
        return [("toy-regression.md", s), ("toy-regression-loss.svg", report.plot.svg())]
    }
}

extension Target {
    /// The values of an mse-last target (empty otherwise).
    var lastValues: [Double] {
        if case .last(let y) = self { return y }
        return []
    }
}

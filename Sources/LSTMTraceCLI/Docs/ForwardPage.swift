import TraceLSTM

/// docs/forward.md: `step --input 3 --hidden 5 --steps 2`, from the cell's picture to the last
/// table: each equation in LaTeX, one unit worked with its numbers, a sentence that reads them,
/// the table of every unit; the parameters after the walk-through.
enum ForwardPage {
    /// The example both forward.md and backward.md follow.
    static let example = DocsExample(steps: 2)

    /// The unit worked by hand and read in words on both pages: unit 0, so that one unit can be
    /// followed through every equation and both steps.
    static let unit = 0

    static func render(_ f: DocsFormat) -> [(String, String)] {
        let trace = example.trace
        let c = trace.config, md = f.markdown, j = unit, T = trace.steps.count
        var s = f.header("One LSTM step, forward")
        let figure = CellDiagramFigure.figure(trace, step: T, unit: j, pass: .forward, file: "forward-cell.svg")
        if let figure { s += figure.markdown }
        s += "An LSTM carries two vectors from one step to the next: the **cell state** $C_t$, its memory, and the "
            + "**hidden state** $h_t$, what it shows (the output head reads it, and so does the next step). At each "
            + "step it reads the new input $x_t$ beside $h_{t-1}$ and computes three **gates**, each a number between "
            + "0 and 1 for every unit: the forget gate $f_t$ (how much of the old cell state to keep), the input gate "
            + "$i_t$ (how much of a new candidate $\\tilde{C}_t$ to write) and the output gate $o_t$ (how much of the "
            + "squashed cell state to show as $h_t$).\n\n"
        s += "This page runs that on numbers: "
            + (figure != nil ? "the diagram above shows step \(T) of this example for unit \(j); " : "")
            + "below, every equation comes with unit \(j) worked by hand (each product written out, so you can redo it "
            + "with a calculator), a sentence that says what its numbers mean, and the table of all \(c.hidden) units. "
            + "Numbers are rounded to 6 significant digits; the trace files carry every digit. To check a line with "
            + "numpy: `1 / (1 + np.exp(-a))` for σ(a), `np.tanh(a)` for tanh(a). The weights are in "
            + "[Parameters](#parameters) at the end.\n\n"
        s += "## The example\n\n"
        s += "`\(example.stepCommand)` runs the tutorial's cell, drawn with `np.random.seed(\(example.seed))` as the "
            + "tutorial's Python draws it:\n\n```python\nnp.random.seed(\(example.seed))\n"
            + "X = np.random.randn(\(T), \(c.input))      # x_1 … x_\(T)\n"
            + "Y = np.random.randn(\(c.output), 1)      # the target of y_\(T)\n"
            + "W_f, W_i, W_C, W_o = (np.random.randn(\(c.hidden), \(c.concatSize)) for _ in range(4))\n"
            + "W_y = np.random.randn(\(c.output), \(c.hidden))    # all biases zero\n```\n\n"
        s += md.summary(trace) + "\n\n"
        s += example.explorerNote("forward.html")
        s += "The target is $Y = \(f.vector(trace.target.lastValues))$.\n\n"
        for step in trace.steps { s += stepSection(trace, step, f) }
        let loss = Equations.loss(c)
        s += "## The loss\n\n"
        if case .last(let y) = trace.target, let yT = trace.steps.last?.forward[.y] {
            let terms = (0..<c.output).map { k in "(\(f.m(yT[k])) - \(f.factor(y[k])))^2" }
            let sides = loss.latex.components(separatedBy: " = ")
            s += f.aligned(["\(sides[0]) &= \(sides.dropFirst().joined(separator: " = "))",
                            "&= \\frac{1}{\(c.output)}\\big(\(terms.joined(separator: " + "))\\big)",
                            "&= \(f.m(trace.loss))"])
            s += "The loss reads only the last output: the further $y_{\(T)}$ is from $Y$, the larger it is. "
                + "The backward pass of this example, with the same numbers, is in [backward.md](backward.md).\n\n"
        }
        s += md.parametersSection(trace)
        return [("forward.md", s)] + (figure.map { [$0.file] } ?? [])
    }

    static func stepSection(_ trace: Trace, _ step: TraceStep, _ f: DocsFormat) -> String {
        let c = trace.config, md = f.markdown, t = step.t, j = unit
        var s = "## Step \(t)\n\n"
        let x = step.forward[.x]!, z = step.forward[.z]!
        s += "Input $x_{\(t)} = \(f.vector(x))$; "
            + "$h_{\(t - 1)}$ and $C_{\(t - 1)}$ are " + (t == 1 ? "zero.\n\n" : "step \(t - 1)'s $h$ and $C$.\n\n")
        for eq in Equations.forward(c) {
            s += "### (\(eq.label)) \(eq.title)\n\n" + f.display(eq.latex(t: t))
            switch eq.label {
            case "0":
                s += f.display("z_{\(t)} = \(f.vector(z))")
            case "1", "2a", "2b", "4a":
                let (w, b, a, out, act): (ParameterName, ParameterName, Quantity, Quantity, String) =
                    eq.label == "1" ? (.wf, .bf, .aF, .f, "\\sigma") : eq.label == "2a" ? (.wi, .bi, .aI, .i, "\\sigma")
                    : eq.label == "2b" ? (.wc, .bc, .aC, .cTilde, "\\tanh") : (.wo, .bo, .aO, .o, "\\sigma")
                let W = trace.parameters[w], bias = trace.parameters[b][j, 0]
                let name = out.symbol.latex(t: t), wl = w.latex(head: c.head), bl = b.latex(head: c.head)
                let terms = (0..<c.concatSize).map { k in f.factor(W[j, k]) + f.factor(z[k]) } + [f.factor(bias)]
                s += "Unit \(j):\n\n"
                s += f.chain("\(name)[\(j)]", ["\(act)\\Big(\\sum_{k=0}^{\(c.concatSize - 1)} \(wl)[\(j),k]\\thinspace z_{\(t)}[k] + \(bl)[\(j)]\\Big)"],
                             terms: terms, perLine: 3, open: "\(act)\\big(", close: "\\big)",
                             result: "\(act)(\(f.m(step.forward[a]![j]))) = \(f.m(step.forward[out]![j]))")
            case "3":
                let fv = step.forward[.f]![j], cp = step.forward[.cPrev]![j], iv = step.forward[.i]![j], ct = step.forward[.cTilde]![j]
                s += "Unit \(j):\n\n"
                s += f.aligned(["C_{\(t)}[\(j)] &= f_{\(t)}[\(j)]\\thinspace C_{\(t - 1)}[\(j)] + i_{\(t)}[\(j)]\\thinspace \\tilde{C}_{\(t)}[\(j)]",
                                "&= \(f.factor(fv))\(f.factor(cp)) + \(f.factor(iv))\(f.factor(ct)) = \(f.m(step.forward[.c]![j]))"])
            case "4b":
                let o = step.forward[.o]![j], cc = step.forward[.c]![j], th = step.forward[.tanhC]![j]
                s += "Unit \(j):\n\n"
                s += f.aligned(["h_{\(t)}[\(j)] &= o_{\(t)}[\(j)] \\tanh(C_{\(t)}[\(j)]) = \(f.factor(o)) \\tanh\(f.factor(cc))",
                                "&= \(f.factor(o))\(f.factor(th)) = \(f.m(step.forward[.h]![j]))"])
            case "5" where c.head == .linear:
                let W = trace.parameters[.wy], h = step.forward[.h]!, by = trace.parameters[.by][0, 0]
                let terms = (0..<c.hidden).map { k in f.factor(W[0, k]) + f.factor(h[k]) } + [f.factor(by)]
                s += "Output 0:\n\n"
                s += f.chain("y_{\(t)}[0]", ["\\sum_{k=0}^{\(c.hidden - 1)} W_y[0,k]\\thinspace h_{\(t)}[k] + b_y[0]"], terms: terms,
                             perLine: 3, result: f.m(step.forward[.y]![0]))
            default:
                break
            }
            if let reading = EquationReading.forward(eq, trace, step, unit: j) {
                s += reading + "\n\n"
            }
            s += "All units:\n\n" + md.equationTable(eq, trace, step) + "\n"
        }
        return s
    }
}

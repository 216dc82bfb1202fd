import TraceLSTM

/// docs/forward.md: `step --input 3 --hidden 5 --steps 2`, each equation in LaTeX, one unit
/// worked with its numbers, then the full table.
enum ForwardPage {
    /// The example both forward.md and backward.md follow.
    static var example: (trace: Trace, command: String) {
        let config = LSTMConfiguration(input: 3, hidden: 5, output: 2)
        var trace = StepProblem(config: config, steps: 2, seed: 0, initialization: .tutorial).trace()
        trace.settings = [("seed", .integer(0)), ("init", .string("tutorial"))]
        return (trace, "lstm-trace step --input 3 --hidden 5 --steps 2")
    }

    static let unit = 0

    static func render(_ f: DocsFormat) -> String {
        let (trace, command) = example
        let c = trace.config, md = f.markdown, j = unit
        var s = f.header("One LSTM step, forward")
        s += "This page follows `\(command)`: the tutorial's cell, drawn with `np.random.seed(0)` as the tutorial's "
            + "Python draws it:\n\n```python\nnp.random.seed(0)\nX = np.random.randn(2, 3)      # x_1, x_2\n"
            + "Y = np.random.randn(2, 1)      # the target of y_2\nW_f, W_i, W_C, W_o = (np.random.randn(5, 8) for _ in range(4))\n"
            + "W_y = np.random.randn(2, 5)    # all biases zero\n```\n\n"
        s += md.summary(trace) + "\n\n"
        s += "For each equation: the equation, then unit j = \(j) worked by hand with the numbers of this page "
            + "(rounded to 6 significant digits here; the trace files carry every digit), then the table of every unit. "
            + "To check a line with numpy: `1 / (1 + np.exp(-a))` for σ(a), `np.tanh(a)` for tanh(a).\n\n"
        s += md.parametersSection(trace)
        s += md.targetSection(trace)
        for step in trace.steps { s += stepSection(trace, step, f) }
        let loss = Equations.loss(c)
        s += "## The loss\n\n$$\(loss.latex)$$\n\n"
        if case .last(let y) = trace.target, let yT = trace.steps.last?.forward[.y] {
            let terms = (0..<c.output).map { k in "(\(f.n(yT[k])) - \(f.factor(y[k])))^2" }
            s += "$$L = \\frac{1}{\(c.output)}\\big(\(terms.joined(separator: " + "))\\big) = \(f.n(trace.loss))$$\n\n"
        }
        s += "The backward pass of this example, with the same numbers, is in [backward.md](backward.md).\n"
        return s
    }

    static func stepSection(_ trace: Trace, _ step: TraceStep, _ f: DocsFormat) -> String {
        let c = trace.config, md = f.markdown, t = step.t, j = unit
        var s = "## Step \(t)\n\n"
        let x = step.forward[.x]!, z = step.forward[.z]!
        s += "Input $x_{\(t)}$ = [\(x.map(f.n).joined(separator: ", "))]; "
            + "$h_{\(t - 1)}$ and $C_{\(t - 1)}$ are " + (t == 1 ? "zero.\n\n" : "step \(t - 1)'s $h$ and $C$.\n\n")
        for eq in Equations.forward(c) {
            s += "### (\(eq.label)) \(eq.title)\n\n$$\(eq.latex(t: t))$$\n\n"
            switch eq.label {
            case "0":
                s += "$$z_{\(t)} = [\(z.map(f.n).joined(separator: ", "))]$$\n\n"
            case "1", "2a", "2b", "4a":
                let (w, b, a, out, act): (ParameterName, ParameterName, Quantity, Quantity, String) =
                    eq.label == "1" ? (.wf, .bf, .aF, .f, "\\sigma") : eq.label == "2a" ? (.wi, .bi, .aI, .i, "\\sigma")
                    : eq.label == "2b" ? (.wc, .bc, .aC, .cTilde, "\\tanh") : (.wo, .bo, .aO, .o, "\\sigma")
                let W = trace.parameters[w], bias = trace.parameters[b][j, 0]
                let name = out.symbol.latex(t: t), wl = w.latex(head: c.head), bl = b.latex(head: c.head)
                let terms = (0..<c.concatSize).map { k in f.factor(W[j, k]) + f.factor(z[k]) } + [f.factor(bias)]
                s += "Unit \(j):\n\n"
                s += f.lines(first: "\(name)[\(j)] = \(act)\\Big(\\sum_{k=0}^{\(c.concatSize - 1)} \(wl)[\(j),k]\\, z_{\(t)}[k] + \(bl)[\(j)]\\Big)",
                             terms: terms, perLine: 3, open: "\(act)(", close: ")",
                             last: "= \(act)(\(f.n(step.forward[a]![j]))) = \(f.n(step.forward[out]![j]))")
            case "3":
                let fv = step.forward[.f]![j], cp = step.forward[.cPrev]![j], iv = step.forward[.i]![j], ct = step.forward[.cTilde]![j]
                s += "Unit \(j):\n\n$$C_{\(t)}[\(j)] = f_{\(t)}[\(j)]\\, C_{\(t - 1)}[\(j)] + i_{\(t)}[\(j)]\\, \\tilde{C}_{\(t)}[\(j)] = "
                    + "\(f.factor(fv))\(f.factor(cp)) + \(f.factor(iv))\(f.factor(ct)) = \(f.n(step.forward[.c]![j]))$$\n\n"
            case "4b":
                let o = step.forward[.o]![j], cc = step.forward[.c]![j], th = step.forward[.tanhC]![j]
                s += "Unit \(j):\n\n$$h_{\(t)}[\(j)] = o_{\(t)}[\(j)] \\tanh(C_{\(t)}[\(j)]) = \(f.factor(o)) \\tanh\(f.factor(cc)) = "
                    + "\(f.factor(o))\(f.factor(th)) = \(f.n(step.forward[.h]![j]))$$\n\n"
            case "5" where c.head == .linear:
                let W = trace.parameters[.wy], h = step.forward[.h]!, by = trace.parameters[.by][0, 0]
                let terms = (0..<c.hidden).map { k in f.factor(W[0, k]) + f.factor(h[k]) } + [f.factor(by)]
                s += "Output 0:\n\n"
                s += f.lines(first: "y_{\(t)}[0] = \\sum_{k=0}^{\(c.hidden - 1)} W_y[0,k]\\, h_{\(t)}[k] + b_y[0]", terms: terms, perLine: 3,
                             open: "", close: "", last: "= \(f.n(step.forward[.y]![0]))")
            default:
                break
            }
            s += "All units:\n\n" + md.equationBlock(eq, trace, step).split(separator: "\n", omittingEmptySubsequences: false)
                .drop { !$0.hasPrefix("|") }.joined(separator: "\n") + "\n"
        }
        return s
    }
}

import TraceLSTM

/// docs/backward.md: the same example as forward.md, backwards: each gradient as a chain-rule
/// equation with one unit's numbers, how dh and dC cross from one step to the one before, the
/// parameter gradients, and the gradient check.
enum BackwardPage {
    static func render(_ f: DocsFormat) -> String {
        let (trace, command) = ForwardPage.example
        let c = trace.config, md = f.markdown, j = ForwardPage.unit, T = trace.steps.count
        var s = f.header("Backpropagation through time, by hand")
        s += "The same example as [forward.md](forward.md) (`\(command)`), run backwards. $dq$ means "
            + "$\\partial L / \\partial q$. Backpropagation through time goes from the last step to the first: "
            + "each step receives $dh_{\\text{next}}$ and $dC_{\\text{next}}$ from the step after it (zero at the last "
            + "step), and hands $dh_{t-1}$ and $dC_{t-1}$ to the step before it. Unit j = \(j) is worked with its "
            + "numbers; the tables under each equation give every unit. Numbers are rounded to 6 significant digits for "
            + "reading.\n\n"
        s += "$$\(Equations.loss(c).latex) = \(f.n(trace.loss))$$\n\n"
        for step in trace.steps.reversed() { s += stepSection(trace, step, f) }

        // How the gradient crosses a step.
        if T > 1 {
            let later = trace.steps[T - 1], earlier = trace.steps[T - 2]
            s += "## How the gradient reaches step \(T - 1)\n\n"
            s += "Step \(T) hands back $dh_{\(T - 1)}$ (the h-part of $dz_{\(T)}$) and $dC_{\(T - 1)} = f_{\(T)} \\odot dC_{\(T)}$. "
                + "At step \(T - 1) they are $dh_{\\text{next}}$ and $dC_{\\text{next}}$: the only gradient step \(T - 1) gets, because "
                + "the loss (mse-last) reads only $y_{\(T)}$, so $dy_{\(T - 1)} = 0$. The cell state's path is one elementwise product, "
                + "$f_{\(T)} \\odot dC_{\(T)}$. The hidden state's path goes through all four gate matrices, "
                + "$W_f^\\top da_f + W_i^\\top da_i + W_C^\\top da_C + W_o^\\top da_o$.\n\n"
            s += "| j | step \(T): $dh_{\(T - 1)}$ | step \(T - 1): $dh_{\\text{next}}$ | step \(T): $dC_{\(T - 1)}$ | step \(T - 1): $dC_{\\text{next}}$ |\n"
            s += "|---:|---:|---:|---:|---:|\n"
            for u in 0..<c.hidden {
                s += "| \(u) | \(f.n(later.backward[.dhPrev]![u])) | \(f.n(later.backward[.dhPrev]![u])) | "
                    + "\(f.n(later.backward[.dCPrev]![u])) | \(f.n(later.backward[.dCPrev]![u])) |\n"
            }
            s += "\nSo at step \(T - 1), $dh_{\(T - 1)}$ = $dh_{\\text{next}}$ = [\(earlier.backward[.dh]!.map(f.n).joined(separator: ", "))].\n\n"
        }

        // Parameter gradients.
        let g = trace.gradients!
        s += "## Parameter gradients\n\n$$\(Equations.parameterGradients(c).latex)$$\n\n"
        s += "Each sum runs from the last step to the first, the order of the notebook's `+=` in its backward loop. For example:\n\n"
        let k = c.xOffset  // the column of W_f that meets x_t[0]
        let dwTerms = trace.steps.reversed().map { st in f.factor(st.backward[.daF]![j]) + f.factor(st.forward[.z]![k]) }
        s += "$$dW_f[\(j),\(k)] = \\sum_{t} da_{f,t}[\(j)]\\, z_{t}[\(k)] = \(dwTerms.joined(separator: " + ")) = \(f.n(g[.wf][j, k]))$$\n\n"
        let dbTerms = trace.steps.reversed().map { st in f.factor(st.backward[.daF]![j]) }
        s += "$$db_f[\(j)] = \\sum_{t} da_{f,t}[\(j)] = \(dbTerms.joined(separator: " + ")) = \(f.n(g[.bf][j, 0]))$$\n\n"
        let dyTerms = trace.steps.reversed().map { st in f.factor(st.backward[.dy]![0]) + f.factor(st.forward[.h]![j]) }
        s += "$$dW_y[0,\(j)] = \\sum_{t} dy_{t}[0]\\, h_{t}[\(j)] = \(dyTerms.joined(separator: " + ")) = \(f.n(g[.wy][0, j]))$$\n\n"
        s += md.gradientsSection(trace).split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4).joined(separator: "\n")

        // The gradient check.
        let p = StepProblem(config: c, steps: T, seed: 0, initialization: .tutorial)
        let check = GradientCheck(model: p.model, input: p.input, target: p.target)
        let report = GradientCheckReport(check: check, config: c)
        s += "\n## Checking every gradient with finite differences\n\n"
        s += "`lstm-trace gradcheck --input 3 --hidden 5 --steps 2` moves each of the \(check.entries.count) parameter entries by "
            + "±ε = ±\(f.n(check.epsilon)), recomputes the loss, and compares $(L(w + \\varepsilon) - L(w - \\varepsilon)) / 2\\varepsilon$ "
            + "with the gradient above, using the notebook's relative error $|a - n| / (|a + n| + 10^{-9})$. "
            + "**Result: \(check.status.rawValue)**. The worst entry of each parameter:\n\n"
        let table = report.markdown.components(separatedBy: "## Worst entry of each parameter\n\n")[1]
            .components(separatedBy: "## Every entry checked")[0]
        s += table
        return s
    }

    static func stepSection(_ trace: Trace, _ step: TraceStep, _ f: DocsFormat) -> String {
        let c = trace.config, md = f.markdown, t = step.t, j = ForwardPage.unit, T = trace.steps.count
        let fw = step.forward, bw = step.backward
        func v(_ q: Quantity) -> Double { step[q]![j] }
        let dhNext = t == T ? 0 : trace.steps[t].backward[.dhPrev]![j]
        let dCNext = t == T ? 0 : trace.steps[t].backward[.dCPrev]![j]
        var s = "## Step \(t)\n\n"
        for eq in Equations.backward(c) {
            s += "### (\(eq.label)) \(eq.title)\n\n$$\(eq.latex(t: t))$$\n\n"
            switch eq.label {
            case "B1":
                if case .last(let y) = trace.target {
                    s += t == T
                        ? "$$dy_{\(t)}[0] = \\tfrac{2}{\(c.output)}(y_{\(t)}[0] - Y[0]) = \\tfrac{2}{\(c.output)}(\(f.n(fw[.y]![0])) - \(f.factor(y[0]))) = \(f.n(bw[.dy]![0]))$$\n\n"
                        : "The loss reads only $y_{\(T)}$, so $dy_{\(t)} = 0$: step \(t) gets its gradient only from step \(t + 1).\n\n"
                }
            case "B2":
                let W = trace.parameters[.wy]
                let terms = (0..<c.output).map { k in f.factor(W[k, j]) + f.factor(bw[.dy]![k]) } + [f.factor(dhNext)]
                s += "Unit \(j):\n\n$$dh_{\(t)}[\(j)] = \\sum_{k} W_y[k,\(j)]\\, dy_{\(t)}[k] + dh_{\\text{next}}[\(j)] = "
                    + "\(terms.joined(separator: " + ")) = \(f.n(v(.dh)))$$\n\n"
            case "B3":
                s += "Unit \(j):\n\n$$do_{\(t)}[\(j)] = dh_{\(t)}[\(j)] \\tanh(C_{\(t)}[\(j)]) = \(f.factor(v(.dh)))\(f.factor(v(.tanhC))) = \(f.n(v(.dO)))$$\n\n"
                s += "$$da_{o,\(t)}[\(j)] = o_{\(t)}[\(j)] (1 - o_{\(t)}[\(j)])\\, do_{\(t)}[\(j)] = \(f.factor(v(.o)))(1 - \(f.n(v(.o))))\(f.factor(v(.dO))) = \(f.n(v(.daO)))$$\n\n"
            case "B4":
                s += "Unit \(j):\n\n$$dC_{\(t)}[\(j)] = dC_{\\text{next}}[\(j)] + dh_{\(t)}[\(j)]\\, o_{\(t)}[\(j)] (1 - \\tanh^2(C_{\(t)}[\(j)])) = "
                    + "\(f.n(dCNext)) + \(f.factor(v(.dh)))\(f.factor(v(.o)))(1 - \(f.factor(v(.tanhC)))^2) = \(f.n(v(.dC)))$$\n\n"
            case "B5":
                s += "Unit \(j):\n\n$$d\\tilde{C}_{\(t)}[\(j)] = dC_{\(t)}[\(j)]\\, i_{\(t)}[\(j)] = \(f.factor(v(.dC)))\(f.factor(v(.i))) = \(f.n(v(.dCTilde)))$$\n\n"
                s += "$$da_{C,\(t)}[\(j)] = (1 - \\tilde{C}_{\(t)}[\(j)]^2)\\, d\\tilde{C}_{\(t)}[\(j)] = (1 - \(f.factor(v(.cTilde)))^2)\(f.factor(v(.dCTilde))) = \(f.n(v(.daC)))$$\n\n"
            case "B6":
                s += "Unit \(j):\n\n$$di_{\(t)}[\(j)] = dC_{\(t)}[\(j)]\\, \\tilde{C}_{\(t)}[\(j)] = \(f.factor(v(.dC)))\(f.factor(v(.cTilde))) = \(f.n(v(.dI)))$$\n\n"
                s += "$$da_{i,\(t)}[\(j)] = i_{\(t)}[\(j)] (1 - i_{\(t)}[\(j)])\\, di_{\(t)}[\(j)] = \(f.factor(v(.i)))(1 - \(f.n(v(.i))))\(f.factor(v(.dI))) = \(f.n(v(.daI)))$$\n\n"
            case "B7":
                s += "Unit \(j):\n\n$$df_{\(t)}[\(j)] = dC_{\(t)}[\(j)]\\, C_{\(t - 1)}[\(j)] = \(f.factor(v(.dC)))\(f.factor(v(.cPrev))) = \(f.n(v(.dF)))$$\n\n"
                s += "$$da_{f,\(t)}[\(j)] = f_{\(t)}[\(j)] (1 - f_{\(t)}[\(j)])\\, df_{\(t)}[\(j)] = \(f.factor(v(.f)))(1 - \(f.n(v(.f))))\(f.factor(v(.dF))) = \(f.n(v(.daF)))$$\n\n"
            case "B8":
                let k = c.hOffset + j
                var terms: [String] = []
                for (w, da) in [(ParameterName.wf, Quantity.daF), (.wi, .daI), (.wc, .daC), (.wo, .daO)] {
                    let W = trace.parameters[w]
                    terms += (0..<c.hidden).map { r in f.factor(W[r, k]) + f.factor(bw[da]![r]) }
                }
                s += "Entry \(k) (it meets $h_{\(t - 1)}[\(j)]$), summed over the four gates' rows:\n\n"
                s += f.lines(first: "dz_{\(t)}[\(k)] = \\sum_{r} W_f[r,\(k)]\\, da_{f,\(t)}[r] + \\sum_{r} W_i[r,\(k)]\\, da_{i,\(t)}[r] + \\sum_{r} W_C[r,\(k)]\\, da_{C,\(t)}[r] + \\sum_{r} W_o[r,\(k)]\\, da_{o,\(t)}[r]",
                             terms: terms, perLine: 5, open: "", close: "", last: "= \(f.n(bw[.dz]![k]))")
            case "B9":
                s += "Unit \(j):\n\n$$dh_{\(t - 1)}[\(j)] = dz_{\(t)}[\(c.hOffset + j)] = \(f.n(v(.dhPrev)))$$\n\n"
                s += "$$dC_{\(t - 1)}[\(j)] = f_{\(t)}[\(j)]\\, dC_{\(t)}[\(j)] = \(f.factor(v(.f)))\(f.factor(v(.dC))) = \(f.n(v(.dCPrev)))$$\n\n"
            default:
                break
            }
            s += "All units:\n\n" + md.equationBlock(eq, trace, step).split(separator: "\n", omittingEmptySubsequences: false)
                .drop { !$0.hasPrefix("|") }.joined(separator: "\n") + "\n"
        }
        return s
    }
}

import TraceLSTM

/// docs/backward.md: the same example as forward.md, backwards: each gradient as a chain-rule
/// equation with one unit's numbers and a sentence that reads them, how dh and dC cross from
/// one step to the one before, the parameter gradients, and the gradient check.
enum BackwardPage {
    static func render(_ f: DocsFormat) -> [(String, String)] {
        let example = ForwardPage.example, trace = example.trace
        let c = trace.config, md = f.markdown, j = ForwardPage.unit, T = trace.steps.count
        var s = f.header("Backpropagation through time, by hand")
        let shownStep = max(1, T - 1)
        let figure = CellDiagramFigure.figure(trace, step: shownStep, unit: j, pass: .backward, file: "backward-cell.svg")
        if let figure { s += figure.markdown }
        s += "The same example as [forward.md](forward.md) (`\(example.stepCommand)`), run backwards. $dq$ means "
            + "$\\partial L / \\partial q$: how fast the loss changes when $q$ changes, everything else fixed. "
            + "Backpropagation applies the chain rule to the forward equations in reverse order, from the last step to "
            + "the first. "
            + (figure != nil ? "The diagram above shows step \(shownStep)'s gradients for unit \(j). " : "")
            + "Unit \(j) is worked with its numbers and read in a sentence; the tables give every unit. Numbers are "
            + "rounded to 6 significant digits.\n\n"
        s += "**Two names for what crosses a step.** Step t hands two vectors back to step t − 1: $dh_{t-1}^{(t)}$ and "
            + "$dC_{t-1}^{(t)}$, the parts of the gradients at $h_{t-1}$ and $C_{t-1}$ that come through step t (the "
            + "notebook's `dh_next` and `dC_next`). Step t − 1 adds what reaches it from its own output to get the "
            + "totals, $dh_{t-1}$ and $dC_{t-1}$. At the last step nothing comes from later: "
            + "$dh_{\(T)}^{(\(T + 1))} = dC_{\(T)}^{(\(T + 1))} = 0$.\n\n"
        s += example.explorerNote("backward.html", backward: true)
        s += f.display("\(Equations.loss(c).latex) = \(f.m(trace.loss))")
        for step in trace.steps.reversed() { s += stepSection(trace, step, f) }

        // How the gradient crosses a step.
        if T > 1 {
            let later = trace.steps[T - 1], earlier = trace.steps[T - 2]
            let t = T - 1
            s += "## How the gradient reaches step \(t)\n\n"
            s += "Step \(T) hands back $dh_{\(t)}^{(\(T))}$ (the h-part of $dz_{\(T)}$) and "
                + "$dC_{\(t)}^{(\(T))} = f_{\(T)} \\odot dC_{\(T)}$. "
                + "They are the only gradient step \(t) gets, because the loss (mse-last) reads only $y_{\(T)}$, so "
                + "$dy_{\(t)} = 0$ and the totals equal them: $dh_{\(t)} = dh_{\(t)}^{(\(T))}$, and $dC_{\(t)}$ is "
                + "$dC_{\(t)}^{(\(T))}$ plus what arrives through $h_{\(t)}$ (B4). The cell state's path is one elementwise "
                + "product, $f_{\(T)} \\odot dC_{\(T)}$. The hidden state's path goes through all four gate matrices, "
                + "$W_f^\\top da_f + W_i^\\top da_i + W_C^\\top da_C + W_o^\\top da_o$.\n\n"
            let cols = ["$dh_{\(t)}^{(\(T))}$", "$dh_{\(t)}$", "$dC_{\(t)}^{(\(T))}$", "$dC_{\(t)}$"]
            s += TraceMarkdown.table(corner: "j", columns: cols, rows: (0..<c.hidden).map { u in
                (String(u), [later[.dhPrev]![u], earlier[.dh]![u], later[.dCPrev]![u], earlier[.dC]![u]].map(f.n))
            })
            s += "\n"
        }

        // Parameter gradients.
        let g = trace.gradients!
        s += "## Parameter gradients\n\n" + f.display(Equations.parameterGradients(c).latex)
        s += "Each sum runs from the last step to the first, the order of the notebook's `+=` in its backward loop. For example:\n\n"
        let k = c.xOffset  // the column of W_f that meets x_t[0]
        let dwTerms = trace.steps.reversed().map { st in f.factor(st[.daF]![j]) + f.factor(st[.z]![k]) }
        let dbTerms = trace.steps.reversed().map { st in f.factor(st[.daF]![j]) }
        let dyTerms = trace.steps.reversed().map { st in f.factor(st[.dy]![0]) + f.factor(st[.h]![j]) }
        s += f.aligned([
            "dW_f[\(j),\(k)] &= \\sum_{t} da_{f,t}[\(j)]\\thinspace z_{t}[\(k)] = \(dwTerms.joined(separator: " + ")) = \(f.m(g[.wf][j, k]))",
            "db_f[\(j)] &= \\sum_{t} da_{f,t}[\(j)] = \(dbTerms.joined(separator: " + ")) = \(f.m(g[.bf][j, 0]))",
            "dW_y[0,\(j)] &= \\sum_{t} dy_{t}[0]\\thinspace h_{t}[\(j)] = \(dyTerms.joined(separator: " + ")) = \(f.m(g[.wy][0, j]))",
        ])
        s += "Summed over all steps, before any clipping.\n\n" + md.tensorsSection(trace, g, gradient: true)

        // The gradient check.
        let check = GradientCheck(model: example.problem.model, input: example.problem.input, target: example.problem.target)
        let report = GradientCheckReport(check: check, config: c)
        s += "## Checking every gradient with finite differences\n\n"
        s += "`lstm-trace gradcheck \(example.options)` moves each of the \(check.entries.count) parameter entries by "
            + "$\\pm\\varepsilon = \\pm \(f.m(check.epsilon))$, recomputes the loss, and compares "
            + "$n = (L(w + \\varepsilon) - L(w - \\varepsilon)) / 2\\varepsilon$ with the gradient $a$ above, using the "
            + "notebook's relative error $|a - n| / (|a + n| + 10^{-9})$: OK up to $10^{-6}$, WARNING up to $10^{-3}$. "
            + "**Result: \(check.status.rawValue)**. The worst entry of each parameter:\n\n"
        s += report.worstTable
        return [("backward.md", s)] + (figure.map { [$0.file] } ?? [])
    }

    static func stepSection(_ trace: Trace, _ step: TraceStep, _ f: DocsFormat) -> String {
        let c = trace.config, md = f.markdown, t = step.t, j = ForwardPage.unit, T = trace.steps.count
        func v(_ q: Quantity) -> Double { step[q]![j] }
        let dhNext = t == T ? 0 : trace.steps[t][.dhPrev]![j]
        let dCNext = t == T ? 0 : trace.steps[t][.dCPrev]![j]
        let next = "^{(\(t + 1))}"
        var s = "## Step \(t)\n\n"
        for eq in Equations.backward(c) {
            s += "### (\(eq.label)) \(eq.title)\n\n" + f.display(eq.latex(t: t))
            switch eq.label {
            case "B1":
                if case .last(let y) = trace.target, t == T {
                    s += f.aligned(["dy_{\(t)}[0] &= \\tfrac{2}{\(c.output)}(y_{\(t)}[0] - Y[0]) = \\tfrac{2}{\(c.output)}(\(f.m(step[.y]![0])) - \(f.factor(y[0])))",
                                    "&= \(f.m(step[.dy]![0]))"])
                } else if case .last = trace.target {
                    s += "The loss reads only $y_{\(T)}$, so $dy_{\(t)} = 0$: step \(t) gets its gradient only from step \(t + 1).\n\n"
                }
            case "B2":
                let W = trace.parameters[.wy]
                let terms = (0..<c.output).map { k in f.factor(W[k, j]) + f.factor(step[.dy]![k]) } + [f.factor(dhNext)]
                s += "Unit \(j):\n\n" + f.aligned([
                    "dh_{\(t)}[\(j)] &= \\sum_{k} W_y[k,\(j)]\\thinspace dy_{\(t)}[k] + dh_{\(t)}\(next)[\(j)]",
                    "&= \(terms.joined(separator: " + "))",
                    "&= \(f.m(v(.dh)))"])
            case "B3":
                s += "Unit \(j):\n\n" + f.aligned([
                    "do_{\(t)}[\(j)] &= dh_{\(t)}[\(j)] \\tanh(C_{\(t)}[\(j)]) = \(f.factor(v(.dh)))\(f.factor(v(.tanhC))) = \(f.m(v(.dO)))",
                    "da_{o,\(t)}[\(j)] &= o_{\(t)}[\(j)] (1 - o_{\(t)}[\(j)])\\thinspace do_{\(t)}[\(j)] = \(f.factor(v(.o)))(1 - \(f.m(v(.o))))\(f.factor(v(.dO))) = \(f.m(v(.daO)))"])
            case "B4":
                s += "Unit \(j):\n\n" + f.aligned([
                    "dC_{\(t)}[\(j)] &= dC_{\(t)}\(next)[\(j)] + dh_{\(t)}[\(j)]\\thinspace o_{\(t)}[\(j)] (1 - \\tanh^2(C_{\(t)}[\(j)]))",
                    "&= \(f.m(dCNext)) + \(f.factor(v(.dh)))\(f.factor(v(.o)))(1 - \(f.factor(v(.tanhC)))^2)",
                    "&= \(f.m(v(.dC)))"])
            case "B5":
                s += "Unit \(j):\n\n" + f.aligned([
                    "d\\tilde{C}_{\(t)}[\(j)] &= dC_{\(t)}[\(j)]\\thinspace i_{\(t)}[\(j)] = \(f.factor(v(.dC)))\(f.factor(v(.i))) = \(f.m(v(.dCTilde)))",
                    "da_{C,\(t)}[\(j)] &= (1 - \\tilde{C}_{\(t)}[\(j)]^2)\\thinspace d\\tilde{C}_{\(t)}[\(j)] = (1 - \(f.factor(v(.cTilde)))^2)\(f.factor(v(.dCTilde))) = \(f.m(v(.daC)))"])
            case "B6":
                s += "Unit \(j):\n\n" + f.aligned([
                    "di_{\(t)}[\(j)] &= dC_{\(t)}[\(j)]\\thinspace \\tilde{C}_{\(t)}[\(j)] = \(f.factor(v(.dC)))\(f.factor(v(.cTilde))) = \(f.m(v(.dI)))",
                    "da_{i,\(t)}[\(j)] &= i_{\(t)}[\(j)] (1 - i_{\(t)}[\(j)])\\thinspace di_{\(t)}[\(j)] = \(f.factor(v(.i)))(1 - \(f.m(v(.i))))\(f.factor(v(.dI))) = \(f.m(v(.daI)))"])
            case "B7":
                s += "Unit \(j):\n\n" + f.aligned([
                    "df_{\(t)}[\(j)] &= dC_{\(t)}[\(j)]\\thinspace C_{\(t - 1)}[\(j)] = \(f.factor(v(.dC)))\(f.factor(v(.cPrev))) = \(f.m(v(.dF)))",
                    "da_{f,\(t)}[\(j)] &= f_{\(t)}[\(j)] (1 - f_{\(t)}[\(j)])\\thinspace df_{\(t)}[\(j)] = \(f.factor(v(.f)))(1 - \(f.m(v(.f))))\(f.factor(v(.dF))) = \(f.m(v(.daF)))"])
            case "B8":
                let k = c.hOffset + j
                var terms: [String] = []
                for (w, da) in [(ParameterName.wf, Quantity.daF), (.wi, .daI), (.wc, .daC), (.wo, .daO)] {
                    let W = trace.parameters[w]
                    terms += (0..<c.hidden).map { r in f.factor(W[r, k]) + f.factor(step[da]![r]) }
                }
                s += "Entry \(k) (it meets $h_{\(t - 1)}[\(j)]$), summed over the rows of the four gates, "
                    + "$W_f$'s first, then $W_i$, $W_C$ and $W_o$'s:\n\n"
                s += f.chain("dz_{\(t)}[\(k)]", ["\\sum_{g \\in \\lbrace f, i, C, o \\rbrace} \\sum_{r} W_g[r,\(k)]\\thinspace da_{g,\(t)}[r]"],
                             terms: terms, perLine: 3, result: f.m(step[.dz]![k]))
            case "B9":
                s += "Unit \(j):\n\n" + f.aligned([
                    "dh_{\(t - 1)}^{(\(t))}[\(j)] &= dz_{\(t)}[\(c.hOffset + j)] = \(f.m(v(.dhPrev)))",
                    "dC_{\(t - 1)}^{(\(t))}[\(j)] &= f_{\(t)}[\(j)]\\thinspace dC_{\(t)}[\(j)] = \(f.factor(v(.f)))\(f.factor(v(.dC))) = \(f.m(v(.dCPrev)))"])
            default:
                break
            }
            if let reading = EquationReading.backward(eq, trace, step, unit: j) { s += reading + "\n\n" }
            s += "All units:\n\n" + md.equationTable(eq, trace, step) + "\n"
        }
        return s
    }
}

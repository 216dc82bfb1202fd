import Foundation

/// A trace as Markdown for GitHub: for every step, each equation in LaTeX (`$$…$$`) with the
/// table of the values it produced under it, forward then backward, then the parameter
/// gradients. Numbers are rounded for display only (`digits` significant digits); the JSON
/// and CSV keep them whole.
public struct TraceMarkdown {
    /// Significant digits shown.
    public var digits: Int = 6
    /// Matrices wider than this many columns (or taller than `maxMatrixRows`) are summarised
    /// instead of printed (a notebook-sized W_f is 100 × 162).
    public var maxMatrixColumns: Int = 32
    public var maxMatrixRows: Int = 64
    /// The page's title.
    public var title: String = "LSTM trace"

    public init(digits: Int = 6, title: String = "LSTM trace") {
        self.digits = digits
        self.title = title
    }

    /// The whole page.
    public func string(_ trace: Trace) -> String {
        var out = "# \(title)\n\n"
        out += summary(trace) + "\n\n"
        out += "Notation: $\\sigma$ is the logistic sigmoid, $\\odot$ the elementwise product (the tutorial's `*`), "
            + "and $dq$ stands for $\\partial L / \\partial q$, the gradient of the loss with respect to $q$. "
            + "Indices are 0-based, as in numpy. Values are rounded to \(digits) significant digits here; "
            + "the JSON and CSV traces carry them at full precision.\n\n"
        out += parametersSection(trace)
        out += targetSection(trace)
        for step in trace.steps { out += forwardSection(trace, step) }
        let loss = Equations.loss(trace.config)
        out += "## Loss\n\n$$\(loss.latex)$$\n\n$$L = \(mathNumber(trace.loss))$$\n\n"
        if trace.hasBackward {
            out += "## Backward pass\n\nBackpropagation through time runs from the last step to the first; each step "
                + "t hands $dh_{t-1}^{(t)}$ and $dC_{t-1}^{(t)}$ back to step t − 1: the parts of the gradients at "
                + "$h_{t-1}$ and $C_{t-1}$ that come from step t (the notebook's `dh_next` and `dC_next`; zero from the "
                + "last step).\n\n"
            for step in trace.steps.reversed() { out += backwardSection(trace, step) }
            out += gradientsSection(trace)
        }
        return out
    }

    /// One line describing the model and the run.
    public func summary(_ trace: Trace) -> String {
        let c = trace.config
        var s = "X = \(c.input) inputs, H = \(c.hidden) hidden units, K = \(c.output) outputs, T = \(trace.steps.count) "
            + (trace.steps.count == 1 ? "step" : "steps") + "; "
        s += c.concat == .hFirst ? "$z_t = [h_{t-1}, x_t]$ (h-first)" : "$z_t = [x_t, h_{t-1}]$ (x-first)"
        s += "; \(c.head.rawValue) head; loss \(c.loss.rawValue)"
        for (k, v) in trace.settings {
            switch v {
            case .string(let x): s += "; \(k) \(x)"
            case .integer(let x): s += "; \(k) \(x)"
            case .number(let x): s += "; \(k) \(number(x))"
            default: continue
            }
        }
        return s + ". Loss $L = \(mathNumber(trace.loss))$."
    }

    /// A number for a table cell or plain text.
    public func number(_ x: Double) -> String { NumberFormat.display(x, digits: digits) }

    /// The same number inside LaTeX (a power of ten instead of `e-05`).
    public func mathNumber(_ x: Double) -> String { NumberFormat.latex(x, digits: digits) }

    /// Labels of the entries of z (which half each comes from), e.g. `h_{0}[2]`, `x_{1}[0]`.
    public func concatLabel(_ k: Int, t: Int, config: LSTMConfiguration) -> String {
        let entry = config.concatEntry(k)
        return entry.isHidden ? "$h_{\(t - 1)}[\(entry.index)]$" : "$x_{\(t)}[\(entry.index)]$"
    }

    private func rowCount(_ size: SymbolSize, _ c: LSTMConfiguration) -> Int {
        switch size {
        case .input: return c.input
        case .hidden: return c.hidden
        case .concat: return c.concatSize
        case .output: return c.output
        case .scalar: return 1
        }
    }

    /// The values of an equation's column at a step.
    public func column(_ col: EquationColumn, _ trace: Trace, _ step: TraceStep) -> [Double]? {
        switch col {
        case .value(let q): return step[q]
        case .next(let q):
            if step.t == trace.steps.count { return [Double](repeating: 0, count: trace.config.hidden) }
            return trace.steps[step.t][q]
        case .target:
            switch trace.target {
            case .last(let y): return y
            case .everyStep(let m): return m.row(step.t - 1)
            case .classes(let c):
                var e = [Double](repeating: 0, count: trace.config.output)
                e[c[step.t - 1]] = 1
                return e
            }
        }
    }

    /// An equation in LaTeX, then its table at step t.
    public func equationBlock(_ eq: Equation, _ trace: Trace, _ step: TraceStep) -> String {
        "**(\(eq.label)) \(eq.title)**\n\n$$\(eq.latex(t: step.t))$$\n\n" + equationTable(eq, trace, step) + "\n"
    }

    /// The table of an equation's values at step t: one row per unit (or entry, or output),
    /// its columns those of the equation.
    public func equationTable(_ eq: Equation, _ trace: Trace, _ step: TraceStep) -> String {
        let c = trace.config
        let label = eq.rows == .concat ? "entry" : eq.rows == .output ? "k" : "j"
        let cols = eq.columns.map { column($0, trace, step) }
        return Self.table(corner: label, columns: eq.columns.map { "$\($0.latex(t: step.t, loss: c.loss))$" },
                          rows: (0..<rowCount(eq.rows, c)).map { r in
                              (eq.rows == .concat ? concatLabel(r, t: step.t, config: c) : String(r),
                               cols.map { v in v.map { number($0[r]) } ?? "" })
                          })
    }

    public func forwardSection(_ trace: Trace, _ step: TraceStep) -> String {
        var out = "## Step \(step.t): forward\n\n"
        if let x = step.forward[.x] {
            out += "Input $x_{\(step.t)}$ = [" + x.map(number).joined(separator: ", ") + "]\n\n"
        }
        for eq in Equations.forward(trace.config) { out += equationBlock(eq, trace, step) }
        if let l = step.forward[.loss] {
            out += "Loss term $L_{\(step.t)} = \(mathNumber(l[0]))$\n\n"
        }
        return out
    }

    public func backwardSection(_ trace: Trace, _ step: TraceStep) -> String {
        var out = "## Step \(step.t): backward\n\n"
        for eq in Equations.backward(trace.config) { out += equationBlock(eq, trace, step) }
        return out
    }

    /// A table of numbers in Markdown: the header row (`corner`, then the column titles), a
    /// separator that right-aligns every column, and one line per row (its label, then its
    /// cells, already formatted).
    public static func table(corner: String, columns: [String], rows: [(label: String, cells: [String])]) -> String {
        var out = "| \(corner) | " + columns.joined(separator: " | ") + " |\n"
        out += "|---:|" + String(repeating: "---:|", count: columns.count) + "\n"
        for row in rows { out += "| \(row.label) | " + row.cells.joined(separator: " | ") + " |\n" }
        return out
    }

    /// A matrix as a table (rows are units, columns labelled), or a one-line summary when large.
    public func matrixBlock(_ name: String, _ m: Matrix, columnLabels: [String]) -> String {
        guard m.cols <= maxMatrixColumns && m.rows <= maxMatrixRows else {
            return "$\(name)$ is \(m.rows) × \(m.cols): too large to show here; the JSON and CSV traces have every entry.\n\n"
        }
        return Self.table(corner: "$\(name)$", columns: columnLabels,
                          rows: (0..<m.rows).map { r in (String(r), (0..<m.cols).map { number(m[r, $0]) }) }) + "\n"
    }

    private func labels(_ name: ParameterName, _ c: LSTMConfiguration) -> [String] {
        if name.isBias { return ["$\(name.latex(head: c.head).replacingOccurrences(of: "d", with: ""))$"] }
        if name.isHead { return (0..<c.hidden).map { "$h[\($0)]$" } }
        return (0..<c.concatSize).map { k in
            let entry = c.concatEntry(k)
            return entry.isHidden ? "$h[\(entry.index)]$" : "$x[\(entry.index)]$"
        }
    }

    /// The gate matrices, then the four gate biases in one table, then the head's weights and bias.
    public func tensorsSection(_ trace: Trace, _ p: ParameterSet, gradient: Bool) -> String {
        let c = trace.config
        let d = gradient ? "d" : ""
        var out = ""
        for name in [ParameterName.wf, .wi, .wc, .wo, .wy] {
            let latex = d + name.latex(head: c.head)
            let m = p[name]
            out += "### $\(latex)$: \(gradient ? "gradient of the " : "")\(name.meaning) (\(m.rows) × \(m.cols))\n\n"
            out += matrixBlock(latex, m, columnLabels: labels(name, c))
            if name == .wo {
                let biases = [ParameterName.bf, .bi, .bc, .bo]
                out += "### Gate biases\(gradient ? ": gradients" : "") (\(c.hidden) × 1 each)\n\n"
                if c.hidden <= maxMatrixRows {
                    let columns = biases.map { p[$0].storage }
                    out += Self.table(corner: "j", columns: biases.map { "$\(d)\($0.latex(head: c.head))$" },
                                      rows: (0..<c.hidden).map { j in (String(j), columns.map { number($0[j]) }) })
                    out += "\n"
                } else {
                    out += "\(c.hidden) units: too many to show here; the JSON and CSV traces have every entry.\n\n"
                }
            }
        }
        let by = p[.by].storage
        out += "### $\(d)\(ParameterName.by.latex(head: c.head))$: \(gradient ? "gradient of the " : "")\(ParameterName.by.meaning) (\(by.count) × 1)\n\n"
        out += by.count <= maxMatrixColumns ? "[" + by.map(number).joined(separator: ", ") + "]\n\n"
            : "\(by.count) entries: in the JSON and CSV traces.\n\n"
        return out
    }


    public func parametersSection(_ trace: Trace) -> String {
        "## Parameters\n\nEach gate matrix is H × Z with Z = H + X; its columns meet the entries of $z_t$ in the concat order.\n\n"
            + tensorsSection(trace, trace.parameters, gradient: false)
    }

    public func targetSection(_ trace: Trace) -> String {
        switch trace.target {
        case .last(let y): return "## Target\n\n$Y$ = [" + y.map(number).joined(separator: ", ") + "]\n\n"
        case .everyStep(let m):
            var out = "## Targets\n\n"
            for t in 0..<m.rows { out += "$Y_{\(t + 1)}$ = [" + m.row(t).map(number).joined(separator: ", ") + "]  \n" }
            return out + "\n"
        case .classes(let cl):
            return "## Targets\n\nClass index per step: " + cl.enumerated().map { "$t = \($0.offset + 1)$: \($0.element)" }
                .joined(separator: ", ") + "\n\n"
        }
    }

    public func gradientsSection(_ trace: Trace) -> String {
        var out = "## Parameter gradients\n\n$$\(Equations.parameterGradients(trace.config).latex)$$\n\n"
        out += "Summed over all steps, before any clipping.\n\n"
        if let g = trace.gradients { out += tensorsSection(trace, g, gradient: true) }
        if let clipped = trace.clippedGradients {
            out += "## Clipped parameter gradients\n\nEach entry clipped to the run's range, as the update uses them.\n\n"
            out += tensorsSection(trace, clipped, gradient: true)
        }
        return out
    }
}

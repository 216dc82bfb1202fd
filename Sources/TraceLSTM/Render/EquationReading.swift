/// One sentence after an equation that reads its numbers for one unit in words ("f₁[0] = 0.672:
/// unit 0 keeps 67 % of C₀[0]"), as Markdown with inline LaTeX.
///
/// Every number in a sentence is a value of the trace, rounded to 3 significant digits (or a
/// gate's value written as a percentage); the words that depend on a number (raise or lower,
/// the unit that keeps most) are chosen from its sign or by comparing values, never by
/// computing a new one.
public enum EquationReading {
    /// The sentence after a forward equation (labels as in `Equations.forward`), for unit `j`
    /// (output `j` for the head, entry `j` of the input block for z), or nil where there is
    /// nothing to read.
    public static func forward(_ eq: Equation, _ trace: Trace, _ step: TraceStep, unit j: Int) -> String? {
        let t = step.t, T = trace.steps.count
        let r = Reader(trace: trace, step: step, j: j)
        switch eq.label {
        case "0":
            return t == 1
                ? "At step 1 there is no past yet: $h_{0} = 0$, so only the \(trace.config.input) entries of $x_{1}$ "
                    + "carry anything into the gates, each of which reads all \(trace.config.concatSize) entries of $z_{1}$."
                : "$z_{\(t)}$ carries step \(t - 1)'s output $h_{\(t - 1)}$ back in beside the new input $x_{\(t)}$: "
                    + "this is the recurrence, the only way step \(t - 1) reaches step \(t) apart from the cell state."
        case "1":
            let first = t == 1 ? " (zero at step 1: there is nothing to keep yet)" : ""
            return "\(r.is(.f)): unit \(j) keeps \(r.percent(.f)) of its cell state \(r.is(.cPrev))\(first). "
                + r.spread(.f, "keeps the least", "the most")
        case "2a":
            return "\(r.is(.i)): unit \(j) writes \(r.percent(.i)) of its candidate \(r.is(.cTilde)) (next equation) "
                + "into the cell. " + r.spread(.i, "writes the least", "the most")
        case "2b":
            return "\(r.is(.cTilde)) is the value unit \(j) proposes to write, from \(r.is(.aC)); tanh keeps every "
                + "candidate between −1 and 1."
        case "3":
            return "\(r.is(.c)): unit \(j) kept \(r.percent(.f)) of \(r.is(.cPrev)) and added \(r.percent(.i)) of "
                + "\(r.is(.cTilde)). The cell state is a sum, not a squashed product: this is the path the "
                + "gradient travels back on."
        case "4a":
            return "\(r.is(.o)): unit \(j) lets \(r.percent(.o)) of $\\tanh(C_{\(t)}[\(j)])$ out into $h_{\(t)}[\(j)]$. "
                + r.spread(.o, "shows the least", "the most")
        case "4b":
            let next = t < T ? ", and step \(t + 1) reads it through $z_{\(t + 1)}$" : ""
            return "\(r.is(.h)) is what unit \(j) shows at step \(t): the output head reads it now\(next). "
                + "It is $o_{\(t)}[\(j)]$ times a number between −1 and 1."
        case "5":
            guard trace.config.head == .linear, j < trace.config.output else { return nil }
            if case .last(let y) = trace.target {
                return t < T
                    ? "\(r.is(.y)); the loss reads only $y_{\(T)}$, so this output does not count in $L$."
                    : "\(r.is(.y)) against its target $Y[\(j)] = \(r.short(y[j]))$: the loss measures that distance."
            }
            return "\(r.is(.y))."
        default:
            return nil
        }
    }

    /// The sentence after a backward equation (labels as in `Equations.backward`), for unit `j`
    /// (output `j` for B1, entry `hOffset + j` of dz for B8), or nil.
    public static func backward(_ eq: Equation, _ trace: Trace, _ step: TraceStep, unit j: Int) -> String? {
        let t = step.t, T = trace.steps.count
        let r = Reader(trace: trace, step: step, j: j)
        switch eq.label {
        case "B1":
            guard trace.config.head == .linear, j < trace.config.output, let dy = step[.dy]?[j] else { return nil }
            if dy == 0 { return nil }
            return "\(r.is(.dy)): raising $y_{\(t)}[\(j)]$ would \(dy < 0 ? "lower" : "raise") the loss, because "
                + "\(r.is(.y)) is \(dy < 0 ? "below" : "above") its target."
        case "B2":
            let from = t == T ? "at the last step all of it comes from the head"
                : trace.config.loss == .mseLast ? "all of it is $dh_{\(t)}^{(\(t + 1))}$, handed back by step \(t + 1)"
                : "part from the head, part handed back by step \(t + 1)"
            return "\(r.is(.dh)): raising $h_{\(t)}[\(j)]$ by a small δ changes $L$ by about $\(r.short(r[.dh]))\\thinspace \\delta$; \(from)."
        case "B3":
            return "\(r.is(.dO)): opening unit \(j)'s output gate wider would \(r.direction(.dO)) the loss. The sigmoid's "
                + "slope $o(1 - o)$, at most 1/4, shrinks it to \(r.is(.daO)) at the gate's pre-activation."
        case "B4":
            if t == T {
                return "\(r.is(.dC)): no later step hands anything back, so all of it arrives through $h_{\(t)}[\(j)]$."
            }
            let next = trace.steps[t][.dCPrev]![j]
            return "\(r.is(.dC)): $dC_{\(t)}^{(\(t + 1))}[\(j)] = \(r.short(next))$ came back from step \(t + 1) along the "
                + "cell path, and the rest arrived through $h_{\(t)}[\(j)]$."
        case "B5":
            return "\(r.is(.dCTilde)): the candidate enters the cell only through \(r.is(.i)), which scales its gradient; "
                + "tanh's slope $1 - \\tilde{C}^2$ scales it again, to \(r.is(.daC))."
        case "B6":
            return "\(r.is(.dI)): writing more of \(r.is(.cTilde)) into the cell would \(r.direction(.dI)) the loss."
        case "B7":
            if step[.cPrev]!.allSatisfy({ $0 == 0 }) {
                return "$df_{\(t)}$ is zero in every unit: $C_{\(t - 1)} = 0$, so at step \(t) the forget gate has "
                    + "nothing to scale, and no gradient."
            }
            return "\(r.is(.dF)): keeping more of \(r.is(.cPrev)) would \(r.direction(.dF)) the loss."
        case "B8":
            let k = trace.config.hOffset + j
            let dz = step[.dz]![k]
            return "$dz_{\(t)}[\(k)] = \(r.short(dz))$ is the gradient at $h_{\(t - 1)}[\(j)]$ as step \(t) sees it. "
                + "The \(trace.config.input) entries at $x_{\(t)}$ go no further: nothing before the input is trained."
        case "B9":
            if t == 1 {
                return "What step 1 hands back is the gradient at $h_{0}$ and $C_{0}$, the starting state: it is fixed "
                    + "at zero, not trained, so the backward pass ends here."
            }
            return "\(r.is(.dCPrev)): the cell path carries \(r.percent(.f)) of \(r.is(.dC)) back to step \(t - 1), "
                + "scaled by \(r.is(.f)) and nothing else; $dh_{\(t - 1)}^{(\(t))}$ went through all four gate matrices."
        default:
            return nil
        }
    }
}

/// Reads one unit's values at one step and writes them for a sentence.
private struct Reader {
    let trace: Trace
    let step: TraceStep
    let j: Int

    /// The value of `q` at this step and unit.
    subscript(q: Quantity) -> Double { step[q]![j] }

    /// A number in LaTeX, 3 significant digits.
    func short(_ x: Double) -> String { NumberFormat.latex(x, digits: 3) }

    /// `$f_{1}[0] = 0.672$`.
    func `is`(_ q: Quantity) -> String { "$\(q.symbol.latex(t: step.t))[\(j)] = \(short(self[q]))$" }

    /// A gate's value as a percentage: "67 %".
    func percent(_ q: Quantity) -> String { NumberFormat.percent(self[q]) }

    /// Whether raising the quantity would lower or raise the loss (its gradient's sign).
    func direction(_ q: Quantity) -> String { self[q] < 0 ? "lower" : self[q] > 0 ? "raise" : "not change" }

    /// "Across the 5 units, f_1 runs from 0.374 (unit 4 keeps the least) to 0.954 (unit 2, the most)."
    func spread(_ q: Quantity, _ least: String, _ most: String) -> String {
        let v = step[q]!
        guard v.count > 1, let lo = v.indices.min(by: { v[$0] < v[$1] }), let hi = v.indices.max(by: { v[$0] < v[$1] })
        else { return "" }
        return "Across the \(v.count) units, $\(q.symbol.latex(t: step.t))$ runs from $\(short(v[lo]))$ (unit \(lo) "
            + "\(least)) to $\(short(v[hi]))$ (unit \(hi), \(most))."
    }
}

import TraceLSTM

/// docs/vanishing-gradients.md and its plot: how much gradient reaches each step of a long
/// sequence, with the forget gate mostly closed, half open and mostly open, and a plain tanh RNN
/// of the same size beside it.
enum VanishingPage {
    static let steps = 60
    static let biases: [Double] = [-4, 0, 4]
    /// The tanh RNN's weight scales: the tutorial's randn, and half of it.
    static let rnnScales: [Double] = [1, 0.5]

    static func example(_ bias: Double) -> DocsExample { DocsExample(hidden: 10, steps: steps, forgetBias: bias) }

    static func render(_ f: DocsFormat) -> [(String, String)] {
        let base = example(0)
        let lstm = biases.map { GradientNorms.of(example($0).trace) }
        let rnn = rnnScales.map {
            TanhRNNProblem(input: base.input, hidden: base.hidden, output: base.output, steps: steps, seed: base.seed, weightScale: $0)
                .trace().hiddenGradientNorms
        }
        let T = steps, mid = steps / 2
        func b(_ bias: Double) -> String { "$b_f = \(f.m(bias))$" }
        func scale(_ s: Double) -> String { s == 1 ? "$W$ = randn" : "$W$ = \(f.n(s)) · randn" }
        let norm = { (q: String) in "$\\lVert \(q) \\rVert$" }

        var s = f.header("How far back the gradient reaches")
        s += "A sequence of T = \(T) steps (X = \(base.input), H = \(base.hidden), K = \(base.output), seed \(base.seed), the "
            + "tutorial's weights; with T = \(T) the inputs are drawn first, so these are not forward.md's weights) with the "
            + "tutorial's loss, which reads only the last output. The gradient enters at step "
            + "\(T), and every earlier step gets only what travels back. Going back one step (B4 and B9 of "
            + "[backward.md](backward.md)), the cell state's gradient is multiplied by the forget gate and nothing else, "
            + "while the hidden state's goes through all four gate matrices:\n\n"
        s += f.aligned([
            "dC_{t-1} &= dC_{t-1}^{(t)} + dh_{t-1} \\odot o_{t-1} \\odot (1 - \\tanh^2(C_{t-1})), \\qquad dC_{t-1}^{(t)} = f_t \\odot dC_t",
            "dh_{t-1} &= dh_{t-1}^{(t)} = \\big(W_f^\\top da_{f,t} + W_i^\\top da_{i,t} + W_C^\\top da_{C,t} + W_o^\\top da_{o,t}\\big)[h]",
        ])
        s += "($dh_{t-1}$ has no other part: the loss reads no output before step \(T).)\n\n"

        // The forget gate sets the reach.
        s += "## The forget gate sets how far back the gradient reaches\n\n"
        s += "The same network is run three times with every forget-gate bias $b_f$ set to "
            + biases.map { "$\(f.m($0))$" }.joined(separator: ", ") + " (`\(example(0).stepCommand) --forget-bias b`), which leaves the forget gate mostly closed, about half open, and mostly open:\n\n"
        s += TraceMarkdown.table(corner: "$b_f$", columns: ["mean $f_t$ over the steps", norm("dC_{\(T)}"), norm("dC_{\(mid)}"), norm("dC_{1}")],
                                 rows: zip(biases, lstm).map { bias, r in
                                     (f.n(bias), [GradientNorms.meanForget(r), r[T - 1].dC, r[mid - 1].dC, r[0].dC].map(f.n))
                                 })
        let closed = lstm[0], half = lstm[1], open = lstm[lstm.count - 1]
        s += "\n![Gradient norms over time: the LSTM's cell state for three forget biases, and a plain tanh RNN's hidden "
            + "state](vanishing-gradients.svg)\n\n"
        s += "With the gate mostly closed (mean $f_t = \(f.m(GradientNorms.meanForget(closed)))$), the gradient that reaches "
            + "step 1 through the cell is $\(f.m(closed[0].dC))$: nothing. About half open, it is $\(f.m(half[0].dC))$. Mostly "
            + "open (mean $f_t = \(f.m(GradientNorms.meanForget(open)))$), it is $\(f.m(open[0].dC))$ at step 1, against "
            + "$\(f.m(open[T - 1].dC))$ at step \(T): the cell state's additive update gives the gradient a path that only the "
            + "forget gate scales. `\(example(biases[biases.count - 1]).htmlCommand("vanishing.html"))` opens that run in the "
            + "explorer, where the heatmap of $dC$ shows it over all \(T) steps and \(base.hidden) units.\n\n"

        // Why the open gate starts lowest.
        s += "### Why $\\lVert dC_{\(T)} \\rVert$ is smallest with the gate open\n\n"
        s += "At the last step nothing comes from later, so all of $dC_{\(T)}$ enters through the hidden state: "
            + "$dC_{\(T)} = dh_{\(T)} \\odot o_{\(T)} \\odot (1 - \\tanh^2(C_{\(T)}))$. The means over the \(base.hidden) units:\n\n"
        s += TraceMarkdown.table(corner: "$b_f$", columns: [norm("dh_{\(T)}"), "mean $o_{\(T)}$", "mean $\\lvert C_{\(T)} \\rvert$",
                                                            "mean $1 - \\tanh^2(C_{\(T)})$", norm("dC_{\(T)}")],
                                 rows: zip(biases, lstm).map { bias, r in
                                     let last = r[T - 1]
                                     return (f.n(bias), [last.dh, last.meanOutputGate, last.meanAbsCell, last.meanTanhSlope, last.dC].map(f.n))
                                 })
        s += "\nA forget gate that keeps most of the cell state every step lets it add up: $\\lvert C_{\(T)} \\rvert$ averages "
            + "$\(f.m(open[T - 1].meanAbsCell))$ with $b_f = \(f.m(biases[biases.count - 1]))$, against $\(f.m(closed[T - 1].meanAbsCell))$ "
            + "and $\(f.m(half[T - 1].meanAbsCell))$. Out there tanh is flat: its slope averages $\(f.m(open[T - 1].meanTanhSlope))$ "
            + "instead of $\(f.m(closed[T - 1].meanTanhSlope))$ and $\(f.m(half[T - 1].meanTanhSlope))$, so less of $dh_{\(T)}$ gets "
            + "into the cell. It enters weaker and still reaches step 1 with the most.\n\n"
        s += "The plot leaves out $\\lVert dh_t \\rVert$ of the LSTM because it follows $\\lVert dC_t \\rVert$ (the table at the "
            + "end has both): every step turns one into the other ($dC_t$ takes in $dh_t$, and $dh_{t-1}$ is made from the "
            + "gates' gradients, which are $dC_t$ times gate values), so both fall at the rate the cell path sets.\n\n"

        // The tanh RNN.
        let rnnRange = rnn[0].min()!...rnn[0].max()!
        s += "## A plain RNN, for contrast\n\n"
        s += "A tanh RNN, $h_t = \\tanh(W \\cdot [h_{t-1}, x_t] + b)$ with the same head and loss, has no cell state. Backwards "
            + "its only path is the hidden state's, a matrix product and tanh's slope at every step, with nothing like "
            + "$b_f$ to set:\n\n"
        s += f.display("dh_{t-1} = dh_{t-1}^{(t)} = \\big(W^\\top ((1 - h_t^2) \\odot dh_t)\\big)[h]")
        s += "The library's `TanhRNN` runs it at the same size, seed and draws (its $W$ is the LSTM's $W_f$), and once more "
            + "with $W$ halved. Its tests check it against numpy in 80-bit and against central differences "
            + "(`Tests/TraceLSTMTests/RNN`).\n\n"
        var rows: [(String, [String])] = zip(biases, lstm).reversed().map { bias, r in
            ("LSTM, \(b(bias)): \(norm("dC_t"))", [r[T - 1].dC, r[mid - 1].dC, r[0].dC].map(f.n))
        }
        rows += zip(rnnScales, rnn).map { sc, r in ("tanh RNN, \(scale(sc)): \(norm("dh_t"))", [r[T - 1], r[mid - 1], r[0]].map(f.n)) }
        s += TraceMarkdown.table(corner: "network", columns: ["t = \(T)", "t = \(mid)", "t = 1"], rows: rows)
        s += "\nWith the tutorial's weights, the RNN's gradient does not vanish: $\\lVert dh_1 \\rVert = \(f.m(rnn[0][0]))$. "
            + "$W$'s entries (standard deviation 1, \(base.hidden + base.input) to a row) are large enough to make up for tanh's "
            + "slope, and the gradient wanders instead, between $\(f.m(rnnRange.lowerBound))$ and $\(f.m(rnnRange.upperBound))$ over "
            + "the \(T) steps. Halve $W$ and the same product takes it to $\(f.m(rnn[1][0]))$ at step 1. How far back an RNN's "
            + "gradient reaches is set by the scale of $W$, which training changes as it goes; an LSTM's cell path is set by "
            + "the forget gate, which $b_f$ sets directly. That is the LSTM's point, and why implementations often start "
            + "$b_f$ at 1 or more.\n\n"

        // Every 5th step.
        s += "## Every 5th step, going back from the loss\n\n"
        let shown = stride(from: T - 1, through: 0, by: -1).filter { $0 % 5 == 4 || $0 == 0 }
        s += TraceMarkdown.table(corner: "t",
                                 columns: biases.flatMap { ["\(b($0)): \(norm("dC_t"))", norm("dh_t")] }
                                    + rnnScales.map { "RNN, \(scale($0)): \(norm("dh_t"))" },
                                 rows: shown.map { k in
                                     (String(k + 1), lstm.flatMap { [f.n($0[k].dC), f.n($0[k].dh)] } + rnn.map { f.n($0[k]) })
                                 })

        var series: [LinePlot.Series] = []
        for (k, bias) in biases.enumerated() {
            series.append(.init(name: "LSTM, b_{f} = \(f.n(bias)): ‖dC_{t}‖", points: lstm[k].map { (Double($0.t), $0.dC) },
                                color: LinePlot.palette[k]))
        }
        for (k, sc) in rnnScales.enumerated() {
            series.append(.init(name: "tanh RNN, W = \(sc == 1 ? "" : "\(f.n(sc)) · ")randn: ‖dh_{t}‖",
                                points: rnn[k].enumerated().map { (Double($0.offset + 1), $0.element) },
                                color: LinePlot.palette[biases.count + k], dashed: true))
        }
        let plot = LinePlot(title: "Gradient reaching each step (the loss reads step \(T) only)", xLabel: "step t",
                            yLabel: "norm of the gradient", series: series, logY: true)
        return [("vanishing-gradients.md", s), ("vanishing-gradients.svg", plot.svg())]
    }
}

import TraceLSTM

/// docs/vanishing-gradients.md and its plot: how much gradient reaches each step, with the
/// forget gate mostly closed, half open and mostly open.
enum VanishingPage {
    static let steps = 60
    static let biases: [Double] = [-4, 0, 4]

    static func render(_ f: DocsFormat) -> [(String, String)] {
        let config = LSTMConfiguration(input: 3, hidden: 10, output: 2)
        let rows = biases.map { b in
            GradientNorms.of(StepProblem(config: config, steps: steps, seed: 0, initialization: .tutorial, forgetBias: b).trace())
        }
        func meanF(_ r: [GradientNorms]) -> Double { r.map(\.meanForget).reduce(0, +) / Double(r.count) }
        var s = f.header("How far back the gradient reaches")
        s += "A sequence of T = \(steps) steps (X = 3, H = 10, K = 2, seed 0, the tutorial's weights) with the tutorial's loss, "
            + "which reads only the last output. The gradient enters at step \(steps), and every earlier step gets only what travels "
            + "back. Backwards, the two states carry it differently (the equations are in [backward.md](backward.md)):\n\n"
        s += "$$dC_{t-1} = f_t \\odot dC_t \\;+\\; (\\text{the part that arrives through } dh_{t-1})$$\n\n"
        s += "$$dh_{t-1} = W_f^\\top da_f + W_i^\\top da_i + W_C^\\top da_C + W_o^\\top da_o$$\n\n"
        s += "The cell path multiplies by the forget gate $f_t$ and by nothing else. To see what that does, the same network is "
            + "run three times with every forget-gate bias $b_f$ set to "
            + biases.map { f.n($0) }.joined(separator: ", ") + " (`lstm-trace step --input 3 --hidden 10 --steps \(steps) --forget-bias b`), "
            + "which leaves the forget gate mostly closed, about half open, and mostly open:\n\n"
        s += "| $b_f$ | mean $f_t$ over the steps | ‖dC_\(steps)‖ | ‖dC_1‖ | ‖dh_\(steps)‖ | ‖dh_1‖ |\n|---:|---:|---:|---:|---:|---:|\n"
        for (b, r) in zip(biases, rows) {
            s += "| \(f.n(b)) | \(f.n(meanF(r))) | \(f.n(r[steps - 1].dC)) | \(f.n(r[0].dC)) | \(f.n(r[steps - 1].dh)) | \(f.n(r[0].dh)) |\n"
        }
        s += "\n![Gradient norms over time](vanishing-gradients.svg)\n\n"
        s += "Every \(5)th step, going back from the loss:\n\n"
        let shown = stride(from: steps - 1, through: 0, by: -1).filter { $0 % 5 == 4 || $0 == 0 }
        s += TraceMarkdown.table(corner: "t", columns: biases.flatMap { ["$b_f = \(f.n($0))$: ‖dh_t‖", "‖dC_t‖"] },
                                 rows: shown.map { k in (String(k + 1), rows.flatMap { [f.n($0[k].dh), f.n($0[k].dC)] }) })
        let open = rows[rows.count - 1], closed = rows[0]
        s += "\nWith the gate mostly closed (mean $f_t$ = \(f.n(meanF(closed)))), the gradient that reaches step 1 through the cell is "
            + "\(f.n(closed[0].dC)): nothing. With it mostly open (mean $f_t$ = \(f.n(meanF(open)))) it is \(f.n(open[0].dC)), "
            + "against \(f.n(open[steps - 1].dC)) at step \(steps). This is the LSTM's point: the cell state's additive update gives the "
            + "gradient a path that only the forget gate scales. It is also why implementations often start $b_f$ at 1 or more.\n"
        var series: [LinePlot.Series] = []
        for (k, b) in biases.enumerated() {
            series.append(.init(name: "b_f = \(f.n(b)): ‖dC_t‖", points: rows[k].map { (Double($0.t), $0.dC) }, color: LinePlot.palette[k]))
            series.append(.init(name: "b_f = \(f.n(b)): ‖dh_t‖", points: rows[k].map { (Double($0.t), $0.dh) }, color: LinePlot.palette[k], dashed: true))
        }
        let plot = LinePlot(title: "Gradient reaching each step (the loss reads step \(steps) only)", xLabel: "step t",
                            yLabel: "norm of the gradient", series: series, logY: true)
        return [("vanishing-gradients.md", s), ("vanishing-gradients.svg", plot.svg())]
    }
}

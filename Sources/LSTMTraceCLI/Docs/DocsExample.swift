import TraceLSTM

/// A `lstm-trace step` example that a page follows: its options, the trace they give, and the
/// commands that print it and open it in the explorer, all written from the same values so
/// that the command on a page always opens the numbers on the page.
struct DocsExample {
    var input: Int, hidden: Int, output: Int, steps: Int
    var seed: UInt32
    var concat: ConcatOrder
    var forgetBias: Double

    init(input: Int = 3, hidden: Int = 5, output: Int = 2, steps: Int, seed: UInt32 = 0, concat: ConcatOrder = .hFirst,
         forgetBias: Double = 0) {
        self.input = input
        self.hidden = hidden
        self.output = output
        self.steps = steps
        self.seed = seed
        self.concat = concat
        self.forgetBias = forgetBias
    }

    var config: LSTMConfiguration {
        LSTMConfiguration(input: input, hidden: hidden, output: output, concat: concat)
    }

    /// The inputs, target and weights, drawn as `lstm-trace step` draws them.
    var problem: StepProblem {
        StepProblem(config: config, steps: steps, seed: seed, initialization: .tutorial, forgetBias: forgetBias)
    }

    /// The full trace, with the settings `step` records.
    var trace: Trace {
        var t = problem.trace()
        t.settings = [("seed", .integer(Int(seed))), ("init", .string("tutorial"))]
            + (forgetBias != 0 ? [("forget_bias", .number(forgetBias))] : [])
        return t
    }

    /// The model options: sizes and steps always, the rest where they differ from the defaults.
    var options: String {
        var s = "--input \(input) --hidden \(hidden)"
        if output != 2 { s += " --output \(output)" }
        s += " --steps \(steps)"
        if seed != 0 { s += " --seed \(seed)" }
        if concat != .hFirst { s += " --concat \(concat.rawValue)" }
        if forgetBias != 0 { s += " --forget-bias \(NumberFormat.display(forgetBias))" }
        return s
    }

    /// `lstm-trace step …`, which prints this example's trace.
    var stepCommand: String { "lstm-trace step \(options)" }

    /// `lstm-trace html … -o file`, which writes the explorer page of this example.
    func htmlCommand(_ file: String) -> String { "lstm-trace html \(options) -o \(file)" }

    /// A paragraph: the command that opens this example in the explorer, and why the steps
    /// must stay as they are (the same seed with another T draws other weights).
    func explorerNote(_ file: String, backward: Bool = false) -> String {
        let defaultSteps = ModelSpecs.modelOptions.first { $0.name == "--steps" }?.defaultValue ?? "1"
        return "**In the explorer.** `\(htmlCommand(file))` writes one page, \(file), that shows this example: the cell "
            + "with any unit's \(backward ? "gradients (switch it to backward)" : "values"), every step, and heatmaps of "
            + "every unit over time. Keep `--steps \(steps)`: inputs are drawn before "
            + "the weights (`X = np.random.randn(T, \(input))` comes first), so the same seed with another T gives other "
            + "weights, and `lstm-trace html` without `--steps` (T = \(defaultSteps)) shows a different network from "
            + "this page's.\n\n"
    }
}

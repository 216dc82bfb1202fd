import TraceLSTM

/// `lstm-trace toy`: the tutorial's toy regression, trained.
enum ToyCommand: Command {
    static let spec = TrainingSpecs.toy

    static func run(_ a: ParsedArguments) throws {
        var o = ToyRegressionOptions()
        o.sequences = try a.int("--sequences", default: 100, in: 1...100_000)
        o.length = try a.int("--length", default: 10, in: 1...ModelOptions.maxSteps)
        o.input = try a.int("--input", default: 3, in: 1...ModelOptions.maxInput)
        o.hidden = try a.int("--hidden", default: 5, in: 1...ModelOptions.maxHidden)
        o.output = try a.int("--output", default: 2, in: 1...ModelOptions.maxOutput)
        o.seed = try a.seed()
        o.learningRate = try a.positiveDouble("--learning-rate", default: 0.01)
        o.epochs = try a.int("--epochs", default: 100, in: 1...100_000)
        if a.has("--clip") { o.clip = try a.positiveDouble("--clip", default: 1) }
        if o.sequences * o.length * o.input > 50_000_000 {
            throw a.usageError("\(o.sequences) sequences of \(o.length) × \(o.input) inputs is more data than lstm-trace holds "
                               + "(50,000,000 numbers at most).", option: "--sequences")
        }
        let format = try a.outputFormat(default: OutputFormat.md)
        let digits = try a.int("--precision", default: 6, in: 1...17)
        let traceAt = try a.string("--trace").map { try parseTracePoint($0, a, epochs: o.epochs, sequences: o.sequences) }
        if traceAt != nil && !a.has("-o") {
            throw a.usageError("--trace writes the trace to a file: add -o FILE.", option: "-o")
        }
        let config = LSTMConfiguration(input: o.input, hidden: o.hidden, output: o.output)
        let sizes = ["--length", "--hidden", "--input", "--output"]
        try ModelOptions.requireTrainingFits(config, steps: o.length, sizes: sizes, a, option: "--hidden")
        if traceAt != nil { try ModelOptions.requireTraceFits(config, steps: o.length, sizes: sizes, a, option: "--trace") }
        try OutputFile.checkAll([("-o", a.string("-o")), ("--plot", try a.string("--plot").map { try svgPath($0, a) })], a)

        var toy = ToyRegression(options: o)
        var losses: [Double] = []
        var trace: Trace?
        let progress = ProgressBar(total: o.epochs, label: "epoch")
        for epoch in 1...o.epochs {
            let result = toy.trainEpoch(traceSequence: traceAt?.epoch == epoch ? traceAt!.sequence - 1 : nil)
            guard result.loss.isFinite, toy.model.parameters.isFinite else {
                progress.finish()
                throw CLIError.failed(Text.diverged(at: "epoch \(epoch)", option: "--learning-rate"))
            }
            losses.append(result.loss)
            if let t = result.trace { trace = t }
            progress.update(epoch, detail: "loss \(NumberFormat.display(result.loss, digits: 5))")
        }
        progress.finish()

        let table = ToyReport(options: o, losses: losses)
        if let plot = a.string("--plot") {
            try OutputFile.write(table.plot.svg(), to: try svgPath(plot, a))
        }
        if var trace, let point = traceAt {
            trace.settings = [("seed", .integer(Int(o.seed))), ("init", .string("tutorial")),
                              ("epoch", .integer(point.epoch)), ("sequence", .integer(point.sequence)),
                              ("learning_rate", .number(o.learningRate))] + (o.clip.map { [("clip", .number($0))] } ?? [])
            let title = "Toy regression: sequence \(point.sequence) at epoch \(point.epoch)"
            try OutputFile.write(TraceOutput.render(trace, format: format, digits: digits, title: title), to: a.string("-o"))
            StandardStreams.write(table.render(.md, digits: digits))
        } else {
            try OutputFile.write(table.render(format, digits: digits), to: a.string("-o"))
        }
    }

    /// Parses `E:S` (both from 1) and checks both are in range.
    static func parseTracePoint(_ text: String, _ a: ParsedArguments, epochs: Int, sequences: Int) throws -> (epoch: Int, sequence: Int) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let e = Int(parts[0]), let s = Int(parts[1]), (1...epochs).contains(e), (1...sequences).contains(s) else {
            throw a.usageError(Text.invalidValue(text, for: a.command.option("--trace")!,
                                                 expected: "EPOCH:SEQUENCE with EPOCH from 1 to \(epochs) and SEQUENCE from 1 to \(sequences)"),
                               option: "--trace")
        }
        return (e, s)
    }

    /// The --plot path, which must end in .svg.
    static func svgPath(_ path: String, _ a: ParsedArguments) throws -> String {
        guard path.lowercased().hasSuffix(".svg") else {
            throw a.usageError(Text.invalidValue(path, for: a.command.option("--plot")!, expected: "a file name ending in .svg"),
                               option: "--plot")
        }
        return path
    }
}

/// The toy regression's epoch losses as a table or a plot.
struct ToyReport {
    let options: ToyRegressionOptions
    let losses: [Double]

    func render(_ format: OutputFormat, digits: Int) -> String {
        switch format {
        case .csv:
            return "epoch,loss\r\n" + losses.enumerated().map { "\($0.offset + 1),\(JSONWriter.number($0.element))\r\n" }.joined()
        case .json:
            let o = options
            var opts: [(String, JSONValue)] = [
                ("sequences", .integer(o.sequences)), ("length", .integer(o.length)), ("input", .integer(o.input)),
                ("hidden", .integer(o.hidden)), ("output", .integer(o.output)), ("seed", .integer(Int(o.seed))),
                ("learning_rate", .number(o.learningRate)), ("epochs", .integer(o.epochs)),
            ]
            opts.append(("clip", o.clip.map { .number($0) } ?? .null))
            return JSONWriter.string(.object([("format", .string("lstm-trace-toy/1")), ("options", .object(opts)),
                                              ("epoch_losses", .numbers(losses))]))
        case .md:
            var out = "# Toy regression: epoch losses\n\n"
            out += "\(options.sequences) sequences of \(options.length) steps × \(options.input) inputs, H = \(options.hidden), "
                + "K = \(options.output), seed \(options.seed), learning rate \(NumberFormat.display(options.learningRate)), "
                + (options.clip.map { "gradients clipped to ±\(NumberFormat.display($0))" } ?? "no clipping") + ". "
                + "Loss of a sequence: mean((y_T − Y)²) before its update; epoch loss: the mean over the sequences. "
                + "Y is noise drawn independently of X, so a falling loss is memorisation of the pairs.\n\n"
            out += "| epoch | loss |\n|---:|---:|\n"
            for (e, l) in losses.enumerated() { out += "| \(e + 1) | \(NumberFormat.display(l, digits: digits)) |\n" }
            return out
        }
    }

    var plot: LinePlot {
        LinePlot(title: "Toy regression: loss per epoch", xLabel: "epoch", yLabel: "mean loss over \(options.sequences) sequences",
                 series: [.init(name: "loss", points: losses.enumerated().map { (Double($0.offset + 1), $0.element) },
                                color: LinePlot.palette[0])])
    }
}

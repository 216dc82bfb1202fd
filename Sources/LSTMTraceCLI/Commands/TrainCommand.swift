import Foundation
import TraceLSTM

/// `lstm-trace train`: the notebook's character model.
enum TrainCommand: Command {
    static let spec = TrainingSpecs.train

    static func run(_ a: ParsedArguments) throws {
        let iterations = try a.int("--iterations", default: 5000, rule: CharTrainingRules.iterations)
        let reportEvery = try a.int("--report-every", default: 100, in: 1...100_000_000)
        let sampleLength = try a.int("--sample-length", default: 200, in: 0...100_000)
        let saveEvery = try a.int("--save-every", default: 1000, in: 1...100_000_000)
        let traceIteration = try a.optionalInt("--trace-iteration", in: 0...(iterations - 1))
        let format = try a.outputFormat(default: OutputFormat.md)
        let digits = try a.int("--precision", default: 6, in: 1...17)
        if traceIteration != nil && !a.has("-o") { throw a.usageError("--trace-iteration writes the trace to a file: add -o FILE.", option: "-o") }
        if traceIteration == nil && a.has("-o") { throw a.usageError("-o FILE is where --trace-iteration writes its trace; add --trace-iteration n.", option: "--trace-iteration") }
        let plotPath = try a.string("--plot").map { try ToyCommand.svgPath($0, a) }
        // Every option is read before any file is touched, so a usage error comes first.
        var o = CharTrainingOptions()
        if a.has("--resume") {
            for name in ["--hidden", "--steps", "--learning-rate", "--weight-sd", "--clip", "--seed"] where a.has(name) {
                throw a.usageError("\(name) comes from the checkpoint; leave it out with --resume.", option: name)
            }
        } else {
            o.hidden = try a.int("--hidden", default: 100, rule: CharTrainingRules.hidden)
            o.steps = try a.int("--steps", default: 25, rule: CharTrainingRules.steps)
            o.learningRate = try a.double("--learning-rate", default: 0.1, rule: CharTrainingRules.learningRate)
            o.weightSD = try a.double("--weight-sd", default: 0.1, rule: CharTrainingRules.weightSD)
            o.clip = try a.double("--clip", default: 1, rule: CharTrainingRules.clip)
            o.seed = try a.seed()
        }
        let threads = try a.threads()
        // Every output is checked before the data is read and the first iteration runs.
        if a.string("--save").map(OutputFile.standardOutputNames.contains) == true {
            throw a.usageError(Text.invalidValue(a.string("--save")!, for: a.command.option("--save")!, expected: Text.saveToStandardOutput),
                               option: "--save")
        }
        try OutputFile.checkAll([("--save", a.string("--save")), ("--log", a.string("--log")), ("--plot", plotPath), ("-o", a.string("-o"))], a)

        let trainer: CharTrainer
        if let resume = a.string("--resume") {
            let checkpoint = try readCheckpoint(resume)
            let corpus = try CorpusLoader.load(a.string("--data"), steps: checkpoint.options.steps)
            do { trainer = try CharTrainer(corpus: corpus, checkpoint: checkpoint, threads: threads) } catch {
                throw CLIError.badData("\(Text.quoted(resume)): \(error.description)")
            }
            if trainer.state.iteration >= iterations {
                throw a.usageError("The checkpoint is at iteration \(trainer.state.iteration) already; ask for more with --iterations.", option: "--iterations")
            }
        } else {
            let corpus = try CorpusLoader.load(a.string("--data"), steps: o.steps)
            try corpus.requireTrainable(hidden: o.hidden, steps: o.steps, path: a.string("--data"), a)
            trainer = CharTrainer(corpus: corpus, options: o, threads: threads)
        }
        if traceIteration != nil {
            try ModelOptions.requireTraceFits(trainer.config, steps: trainer.options.steps, sizes: ["--steps", "--hidden"], a,
                                              option: "--trace-iteration")
        }

        let run = TrainingRun(trainer: trainer, arguments: a, format: format, digits: digits)
        try run.train(until: iterations, reportEvery: reportEvery, sampleLength: sampleLength,
                      traceIteration: traceIteration, saveEvery: saveEvery, plotPath: plotPath)
    }

    static func readCheckpoint(_ path: String) throws -> CharCheckpoint {
        // A file that starts neither as a checkpoint nor as JSON is refused at its first bytes
        // (/dev/urandom is not read up to the size limit first); JSON, for the message that
        // names what it is, is read as text.
        let magic = Array("\(CharCheckpoint.magic)\n".utf8)
        var isJSON = false
        let bytes = try InputFile.bytes(path) { chunk, offset in
            if offset == 0 {
                isJSON = chunk.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) == UInt8(ascii: "{")
                guard isJSON || magic.starts(with: chunk.prefix(magic.count)) || chunk.starts(with: magic) else {
                    throw CLIError.badData(Text.notAResumableCheckpoint(path, "not an lstm-trace checkpoint (it does not start with \(CharCheckpoint.magic))"))
                }
            }
            if isJSON && chunk.contains(0) { throw CLIError.badData(Text.notAResumableCheckpoint(path, Text.fileIsBinary)) }
        }
        do { return try CharCheckpoint(bytes: bytes) } catch {
            if let format = jsonFormatName(bytes) {
                throw CLIError.badData(Text.notACheckpoint(path, format: format))
            }
            throw CLIError.badData(Text.notAResumableCheckpoint(path, error.description))
        }
    }

    /// The "format" of a JSON file lstm-trace wrote (a trace, a gradient check, …), if `bytes` is one.
    private static func jsonFormatName(_ bytes: [UInt8]) -> String? {
        guard bytes.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) == UInt8(ascii: "{"),
              let json = try? JSONParser.parse(bytes: bytes) else { return nil }
        return json["format"]?.stringValue ?? "JSON"
    }
}

/// One run of the training loop with its outputs: the notebook's printout, the log, the plot,
/// the traced iteration, and checkpoints.
struct TrainingRun {
    let trainer: CharTrainer
    let arguments: ParsedArguments
    let format: OutputFormat
    let digits: Int

    func train(until iterations: Int, reportEvery: Int, sampleLength: Int, traceIteration: Int?,
               saveEvery: Int, plotPath: String?) throws {
        let log = try arguments.string("--log").map { try StreamingCSV(path: $0, header: "iteration,loss,smooth_loss,elapsed_seconds") }
        do {
            try train(until: iterations, reportEvery: reportEvery, sampleLength: sampleLength, traceIteration: traceIteration,
                      saveEvery: saveEvery, plotPath: plotPath, log: log)
        } catch {
            log?.abandon()
            throw error
        }
    }

    /// The run, with the log open; whatever ends it early, the caller abandons the log.
    private func train(until iterations: Int, reportEvery: Int, sampleLength: Int, traceIteration: Int?,
                       saveEvery: Int, plotPath: String?, log: StreamingCSV?) throws {
        let a = arguments
        let savePath = a.string("--save")
        var lossSeries = BoundedSeries(), smoothSeries = BoundedSeries()
        let corpus = trainer.corpus
        let generated = a.string("--data") == nil ? " (\(Text.generatedCorpusNote))" : ""
        try printOut("data has \(corpus.count) characters, \(corpus.vocabulary.count) unique\(generated)\n")
        let start = DispatchTime.now()
        let first = trainer.state.iteration
        let progress = ProgressBar(total: iterations - first, label: "iteration")
        defer { progress.finish() }
        var interrupted = false
        while trainer.state.iteration < iterations {
            let it = trainer.state.iteration
            let r = trainer.step(sampleLength: it % reportEvery == 0 ? sampleLength : nil, trace: it == traceIteration)
            // The loss every iteration; the weights (a scan of all of them) before each save and at the end.
            guard r.loss.isFinite else {
                throw CLIError.failed(Text.diverged(at: "iteration \(it)", option: "--learning-rate"))
            }
            try log?.append("\(it),\(JSONWriter.number(r.loss)),\(JSONWriter.number(r.smoothLoss)),\(String(format: "%.6f", start.secondsUntilNow))")
            lossSeries.append(x: Double(it), y: r.loss)
            smoothSeries.append(x: Double(it), y: r.smoothLoss)
            if let s = r.sample {
                progress.finish()
                // The notebook's printout: print("----\n %s \n----" % txt); print("iter %d, loss %f" % ...)
                try printOut("----\n \(corpus.decode(s)) \n----\niter \(it), loss \(String(format: "%f", r.smoothLoss))\n")
            }
            if var t = r.trace {
                t.settings = settings + [("iteration", .integer(it)), ("pointer", .integer(trainer.state.pointer - trainer.options.steps))]
                let title = "Character LSTM: iteration \(it)"
                try OutputFile.write(TraceOutput.render(t, format: format, digits: digits, title: title), to: a.string("-o"))
            }
            if let savePath, trainer.state.iteration % saveEvery == 0 { try save(to: savePath) }
            progress.update(trainer.state.iteration - first, detail: "smooth loss \(String(format: "%.4f", r.smoothLoss))")
            if Interrupts.requested {
                interrupted = true
                break
            }
        }
        try requireFiniteWeights()
        progress.finish()
        if let savePath { try save(to: savePath) }
        try log?.finish()
        if let plotPath {
            let plot = LinePlot(title: "Character LSTM: loss per iteration", xLabel: "iteration", yLabel: "loss (sum over \(trainer.options.steps) characters)",
                                series: [.init(name: "loss", points: lossSeries.points, color: "#9ecae1"),
                                         .init(name: "smooth loss", points: smoothSeries.points, color: LinePlot.palette[1])])
            try OutputFile.write(plot.svg(), to: plotPath)
        }
        let seconds = start.secondsUntilNow
        let done = trainer.state.iteration - first
        StandardStreams.writeError(String(format: "%d iterations in %.2f s (%.3f ms/iteration)\n", done, seconds, 1000 * seconds / Double(max(done, 1))))
        if interrupted {
            StandardStreams.writeError("Interrupted after iteration \(trainer.state.iteration - 1)"
                                       + (savePath.map { "; checkpoint saved to \(Text.quoted($0)) (continue with --resume \(Text.echo($0)))" } ?? "; pass --save FILE to keep a checkpoint")
                                       + ".\n")
            throw CLIError.interrupted
        }
        try printOut("smooth loss after \(trainer.state.iteration) iterations: \(JSONWriter.number(trainer.state.smoothLoss))\n")
    }

    /// Prints a line of the notebook's printout; stops the run at once if stdout cannot take it.
    private func printOut(_ text: String) throws {
        StandardStreams.write(text)
        try StandardStreams.check()
    }

    private var settings: [(String, JSONValue)] {
        let o = trainer.options
        return [("seed", .integer(Int(o.seed))), ("init", .string("notebook")), ("learning_rate", .number(o.learningRate)),
                ("weight_sd", .number(o.weightSD)), ("clip", .number(o.clip)),
                ("vocabulary", .string(String(String.UnicodeScalarView(trainer.corpus.vocabulary))))]
    }

    /// Stops a run whose weights are no longer all finite (checked before each save and at the
    /// end; the loss is checked every iteration).
    private func requireFiniteWeights() throws {
        guard trainer.state.parameters.isFinite else {
            throw CLIError.failed(Text.diverged(at: "iteration \(trainer.state.iteration - 1)", option: "--learning-rate"))
        }
    }

    private func save(to path: String) throws {
        try requireFiniteWeights()
        try OutputFile.write(CharCheckpoint(trainer).encoded(), to: path)
    }
}

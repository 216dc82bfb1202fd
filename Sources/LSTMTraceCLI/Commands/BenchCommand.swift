import Foundation
import TraceLSTM

/// `lstm-trace bench`: milliseconds per iteration of the notebook's model.
enum BenchCommand: Command {
    static let spec = TrainingSpecs.bench

    static func run(_ a: ParsedArguments) throws {
        let iterations = try a.int("--iterations", default: 1000, in: 3...10_000_000)
        let repeats = try a.int("--repeat", default: 3, in: 1...100)
        var o = CharTrainingOptions()
        o.hidden = try a.int("--hidden", default: 100, rule: CharTrainingRules.hidden)
        o.steps = try a.int("--steps", default: 25, rule: CharTrainingRules.steps)
        enum BenchFormat: String { case text, json }
        let format = try a.choice("--format", default: BenchFormat.text)
        let corpus = try CorpusLoader.load(a.string("--data"), steps: o.steps)
        try corpus.requireTrainable(hidden: o.hidden, steps: o.steps, path: a.string("--data"), a)
        let threads = try a.threads()
        if BuildConfiguration.isDebug { StandardStreams.writeError(Text.benchDebugBuild) }
        let progress = ProgressBar(total: 3 * repeats + 1, label: "bench")

        /// The notebook's printout: a 200-character sample every 100 iterations.
        func sampleLength(_ k: Int) -> Int? { k % 100 == 0 ? 200 : nil }
        /// One timed run of `iterations` iterations from a fresh model, in ms per iteration.
        func time(_ body: (CharTrainer, Int) -> Void) -> Double {
            let trainer = CharTrainer(corpus: corpus, options: o, threads: threads)
            let start = DispatchTime.now()
            for k in 0..<iterations { body(trainer, k) }
            return 1000 * start.secondsUntilNow / Double(iterations)
        }
        // The three take turns, round after round, so that a busy machine slows each alike; each
        // figure is the fastest of its rounds.
        var off = Double.infinity, every = Double.infinity, traceMs = Double.infinity
        var bytes = 0
        for round in 0..<repeats {
            progress.update(3 * round, detail: "tracing off")
            off = min(off, time { t, k in _ = t.step(sampleLength: sampleLength(k)) })
            progress.update(3 * round + 1, detail: "every iteration traced")
            every = min(every, time { t, k in _ = t.step(sampleLength: sampleLength(k), trace: true) })
            progress.update(3 * round + 2, detail: "one iteration traced")
            // One traced iteration written as JSON, in the middle of a run, against an untraced one.
            let t = CharTrainer(corpus: corpus, options: o, threads: threads)
            for _ in 0..<20 { _ = t.step() }
            let plain = DispatchTime.now()
            _ = t.step()
            let tracedStart = DispatchTime.now()
            let r = t.step(trace: true)
            bytes = TraceJSON.string(r.trace!).utf8.count
            let end = DispatchTime.now()
            let extra = Double(end.uptimeNanoseconds - tracedStart.uptimeNanoseconds) - Double(tracedStart.uptimeNanoseconds - plain.uptimeNanoseconds)
            traceMs = min(traceMs, extra / 1e6)
        }
        let runLength = 5000
        let one = off + traceMs / Double(runLength)

        // Memory: resident size after a third of a run and at its end.
        progress.update(3 * repeats, detail: "memory")
        let trainer = CharTrainer(corpus: corpus, options: o, threads: threads)
        for k in 0..<(iterations / 3) { _ = trainer.step(sampleLength: sampleLength(k)) }
        let rssThird = residentMegabytes()
        for k in (iterations / 3)..<iterations { _ = trainer.step(sampleLength: sampleLength(k)) }
        let rssEnd = residentMegabytes()

        progress.finish()
        let overhead = 100 * traceMs / (off * Double(runLength))
        switch format {
        case .json:
            StandardStreams.write(JSONWriter.string(.object([
                ("format", .string("lstm-trace-bench/1")), ("build", .string(BuildConfiguration.name)), ("hidden", .integer(o.hidden)), ("steps", .integer(o.steps)),
                ("vocabulary", .integer(corpus.vocabulary.count)), ("iterations", .integer(iterations)), ("threads", .integer(threads)),
                ("ms_per_iteration", .number(off)), ("ms_one_traced_iteration_extra", .number(traceMs)),
                ("ms_per_iteration_one_traced", .number(one)),
                ("ms_per_iteration_all_traced", .number(every)), ("one_trace_overhead_percent", .number(overhead)),
                ("trace_json_bytes", .integer(bytes)), ("rss_mb_after_third", .number(rssThird)), ("rss_mb_at_end", .number(rssEnd)),
            ])))
        case .text:
            var s = "lstm-trace bench: H = \(o.hidden), T = \(o.steps), X = \(corpus.vocabulary.count), \(iterations) iterations, "
                + "\(threads) thread\(threads == 1 ? "" : "s"), fastest of \(repeats)"
                + (a.string("--data") == nil ? "; \(Text.generatedCorpusNote)\n" : "\n")
            s += String(format: "  tracing off                  %8.3f ms/iteration\n", off)
            s += String(format: "  one iteration traced (JSON)  %8.1f ms more than an untraced one: +%.1f%% over a run of %d iterations (the trace is %.1f MB)\n",
                         traceMs, overhead, runLength, Double(bytes) / 1e6)
            s += String(format: "  every iteration traced       %8.3f ms/iteration\n", every)
            s += String(format: "  resident memory              %8.1f MB after %d iterations, %.1f MB after %d\n", rssThird, iterations / 3, rssEnd, iterations)
            StandardStreams.write(s)
        }
    }

    /// The process's resident set size in megabytes (Linux /proc; 0 elsewhere).
    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}

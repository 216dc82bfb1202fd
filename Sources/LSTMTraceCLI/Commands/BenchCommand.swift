import Foundation
import TraceLSTM

/// `lstm-trace bench`: milliseconds per iteration of the notebook's model.
enum BenchCommand: Command {
    static let spec = TrainingSpecs.bench

    static func run(_ a: ParsedArguments) throws {
        let iterations = try a.int("--iterations", default: 1000, in: 3...10_000_000)
        let repeats = try a.int("--repeat", default: 3, in: 1...100)
        var o = CharTrainingOptions()
        o.hidden = try a.int("--hidden", default: 100, in: 1...ModelOptions.maxHidden)
        o.steps = try a.int("--steps", default: 25, in: 1...ModelOptions.maxSteps)
        enum BenchFormat: String { case text, json }
        let format = try a.choice("--format", default: BenchFormat.text)
        let corpus = try CorpusLoader.load(a.string("--data"), steps: o.steps)

        /// Fastest of `repeats` runs of `iterations` iterations (each from a fresh model), in ms per iteration.
        func time(_ body: (CharTrainer, Int) -> Void) -> Double {
            var best = Double.infinity
            for _ in 0..<repeats {
                let trainer = CharTrainer(corpus: corpus, options: o)
                let start = DispatchTime.now()
                for k in 0..<iterations { body(trainer, k) }
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 / Double(iterations)
                best = min(best, ms)
            }
            return best
        }
        let off = time { t, k in _ = t.step(sampleLength: k % 100 == 0 ? 200 : nil) }
        let traced = iterations / 2
        var bytes = 0
        let one = time { t, k in
            let r = t.step(sampleLength: k % 100 == 0 ? 200 : nil, trace: k == traced)
            if let trace = r.trace { bytes = TraceJSON.string(trace).utf8.count }
        }
        let every = time { t, k in _ = t.step(sampleLength: k % 100 == 0 ? 200 : nil, trace: true) }

        // Memory: resident size after a third of a run and at its end.
        let trainer = CharTrainer(corpus: corpus, options: o)
        for k in 0..<(iterations / 3) { _ = trainer.step(sampleLength: k % 100 == 0 ? 200 : nil) }
        let rssThird = residentMegabytes()
        for k in (iterations / 3)..<iterations { _ = trainer.step(sampleLength: k % 100 == 0 ? 200 : nil) }
        let rssEnd = residentMegabytes()

        let overhead = 100 * (one - off) / off
        switch format {
        case .json:
            StandardStreams.write(JSONWriter.string(.object([
                ("format", .string("lstm-trace-bench/1")), ("hidden", .integer(o.hidden)), ("steps", .integer(o.steps)),
                ("vocabulary", .integer(corpus.vocabulary.count)), ("iterations", .integer(iterations)),
                ("ms_per_iteration", .number(off)), ("ms_per_iteration_one_traced", .number(one)),
                ("ms_per_iteration_all_traced", .number(every)), ("one_trace_overhead_percent", .number(overhead)),
                ("trace_json_bytes", .integer(bytes)), ("rss_mb_after_third", .number(rssThird)), ("rss_mb_at_end", .number(rssEnd)),
            ])))
        case .text:
            var s = "lstm-trace bench: H = \(o.hidden), T = \(o.steps), X = \(corpus.vocabulary.count), \(iterations) iterations, fastest of \(repeats)\n"
            s += String(format: "  tracing off                  %8.3f ms/iteration\n", off)
            s += String(format: "  one iteration traced (JSON)  %8.3f ms/iteration  (+%.1f%%; the trace is %d bytes)\n", one, overhead, bytes)
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

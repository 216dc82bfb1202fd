import Foundation
import TraceLSTM

/// Loads the training text: --data FILE, or the generated corpus.
enum CorpusLoader {
    static func load(_ path: String?, steps: Int) throws -> CharCorpus {
        let text: String
        do {
            text = try path.map(InputFile.text) ?? GeneratedCorpus.text()
        } catch CLIError.cannotRead(let p, let reason) where reason == Text.noSuchFile {
            throw CLIError.cannotRead(path: p, reason: reason + Text.dataNotFoundHint)
        }
        do {
            return try CharCorpus(text: text, steps: steps)
        } catch {
            throw CLIError.badData("\(path.map(Text.quoted) ?? "the generated corpus"): \(error.description)")
        }
    }
}

extension CharCorpus {
    /// Refuses a character model of this text that lstm-trace does not train: more than 4096
    /// distinct characters, or a model too large (`ModelOptions.requireTrainingFits`).
    func requireTrainable(hidden: Int, steps: Int, path: String?, _ a: ParsedArguments) throws {
        let most = CharTrainingRules.vocabulary.range.upperBound
        if vocabulary.count > most {
            throw CLIError.badData("\(Text.quoted(path ?? "")) has \(vocabulary.count) distinct characters; lstm-trace trains on at most \(most)")
        }
        let X = vocabulary.count
        try ModelOptions.requireTrainingFits(LSTMConfiguration(input: X, hidden: hidden, output: X, loss: .crossEntropy),
                                             steps: steps, sizes: ["--hidden", "--steps"], a, option: "--hidden")
    }
}

/// A CSV written row by row to a temporary file beside its destination and renamed into
/// place when finished (see `OutputSink`), so the destination is never half-written and a run
/// that fails leaves no temporary file. Memory stays flat.
final class StreamingCSV {
    private let sink: OutputSink
    private var buffer = ""

    init(path: String, header: String) throws {
        sink = try OutputSink(path)
        buffer = header + "\r\n"
    }

    func append(_ row: String) throws {
        buffer += row + "\r\n"
        if buffer.utf8.count > 1 << 16 { try flush() }
    }

    private func flush() throws {
        try sink.write(buffer)
        buffer = ""
    }

    /// Writes what is left and renames the file into place.
    func finish() throws {
        try flush()
        try sink.commit()
    }

    /// Removes the temporary file (a run that failed).
    func abandon() {
        sink.abandon()
    }
}

/// Points of a long series for a plot, in bounded memory: at most `capacity` points kept;
/// when full, every second one is dropped and only every second new point is kept from then.
struct BoundedSeries {
    private(set) var points: [(x: Double, y: Double)] = []
    private var stride = 1
    private var seen = 0
    let capacity: Int

    init(capacity: Int = 8192) {
        self.capacity = capacity
    }

    mutating func append(x: Double, y: Double) {
        defer { seen += 1 }
        guard seen % stride == 0 else { return }
        points.append((x, y))
        if points.count >= capacity {
            points = points.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            stride *= 2
        }
    }
}

extension ParsedArguments {
    /// --threads: 1 or 2 (2 by default where there are two cores or more).
    func threads() throws -> Int {
        try int("--threads", default: ProcessInfo.processInfo.activeProcessorCount >= 2 ? 2 : 1, in: 1...2)
    }
}

extension DispatchTime {
    /// Seconds from this time until now.
    var secondsUntilNow: Double { Double(DispatchTime.now().uptimeNanoseconds - uptimeNanoseconds) / 1e9 }
}

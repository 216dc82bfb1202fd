import Foundation
import TraceLSTM

/// `lstm-trace step`: one traced sequence of the tutorial's cell (drawn, or the learner's own).
enum StepCommand: Command {
    static let spec = ModelSpecs.step

    /// step's formats: the trace formats, and numpy's .npz.
    enum Format: String { case md, csv, json, npz }

    static func run(_ a: ParsedArguments) throws {
        let format = try a.outputFormat(default: Format.md)
        let model = try ModelOptions(a)
        let digits = try a.int("--precision", default: 6, in: 1...17)
        try OutputFile.check(a.string("-o"))
        var trace = model.problem.trace(backward: !a.flag("--no-backward"))
        trace.settings = model.settings
        switch format {
        case .npz:
            guard let path = a.string("-o") else { throw a.usageError(Text.npzNeedsFile, option: "--format") }
            try OutputFile.write(Data(try TraceNPZ.bytes(trace)), to: path)
        case .md, .csv, .json:
            try OutputFile.write(TraceOutput.render(trace, format: OutputFormat(rawValue: format.rawValue)!, digits: digits), to: a.string("-o"))
        }
    }
}

/// A trace in the format asked for.
enum TraceOutput {
    static func render(_ trace: Trace, format: OutputFormat, digits: Int = 6, title: String = "LSTM trace") -> String {
        switch format {
        case .json: return TraceJSON.string(trace)
        case .csv: return TraceCSV.string(trace)
        case .md: return TraceMarkdown(digits: digits, title: title).string(trace)
        }
    }
}

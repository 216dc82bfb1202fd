import TraceLSTM

/// `lstm-trace step`: one traced sequence of the tutorial's cell.
enum StepCommand: Command {
    static let spec = ModelSpecs.step

    static func run(_ a: ParsedArguments) throws {
        let model = try ModelOptions(a)
        let format = try a.choice("--format", default: OutputFormat.md)
        let digits = try a.int("--precision", default: 6, in: 1...17)
        try OutputFile.check(a.string("-o"))
        var trace = model.problem.trace(backward: !a.flag("--no-backward"))
        trace.settings = model.settings
        try OutputFile.write(TraceOutput.render(trace, format: format, digits: digits), to: a.string("-o"))
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

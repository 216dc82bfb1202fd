import TraceLSTM

/// `lstm-trace html`: the explorer page of a trace.
enum HtmlCommand: Command {
    static let spec = ModelSpecs.html

    static func run(_ a: ParsedArguments) throws {
        let trace: Trace
        if let path = a.string("--from") {
            for name in (ModelSpecs.modelOptions + ModelSpecs.ownModelOptions).map(\.name) where a.has(name) {
                throw a.usageError("\(name) " + Text.fromWithModelOption, option: name)
            }
            try OutputFile.check(a.string("-o"))
            let json = try InputFile.json(path)
            do { trace = try TraceJSON.decode(json) } catch {
                throw CLIError.badData(Text.notATrace(path, "\(error)"))
            }
        } else {
            let model = try ModelOptions(a)
            try OutputFile.check(a.string("-o"))
            var t = model.problem.trace()
            t.settings = model.settings
            trace = t
        }
        let title = a.string("--title") ?? "LSTM trace"
        try OutputFile.write(HTMLExplorer.page(trace, title: title), to: a.string("-o"))
    }
}

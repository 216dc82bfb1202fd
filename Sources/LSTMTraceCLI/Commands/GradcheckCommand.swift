import TraceLSTM

/// `lstm-trace gradcheck`: backpropagation against central differences.
enum GradcheckCommand: Command {
    static let spec = ModelSpecs.gradcheck
    /// Checking every entry costs two forward passes each; past this many entries, ask for --samples.
    static let maxFullCheck = 20_000

    static func run(_ a: ParsedArguments) throws {
        let model = try ModelOptions(a)
        let epsilon = try a.double("--epsilon", default: 1e-5, in: 1e-12...1e-1, describe: "a number from 1e-12 to 0.1")
        let samples = try a.optionalInt("--samples", in: 1...1_000_000)
        let format = try a.outputFormat(default: OutputFormat.md)
        let entries = model.config.parameterCount
        if samples == nil && entries > maxFullCheck {
            throw a.usageError("This model has \(entries) parameter entries; checking all of them takes "
                               + "\(2 * entries) forward passes. Pass --samples n to check n entries of each parameter.",
                               option: "--samples")
        }
        try OutputFile.check(a.string("-o"))
        let problem = model.problem
        let check = GradientCheck(model: problem.model, input: problem.input, target: problem.target,
                                  h0: problem.h0, c0: problem.c0, epsilon: epsilon, samplesPerParameter: samples, seed: model.seed)
        let text = GradientCheckReport(check: check, config: model.config, settings: model.settings).render(format)
        try OutputFile.write(text, to: a.string("-o"))
        if check.status == .notOK { throw CLIError.checkFailed }
    }
}

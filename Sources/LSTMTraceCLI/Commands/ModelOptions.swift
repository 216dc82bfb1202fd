import TraceLSTM

/// The model and data that `step`, `gradcheck`, `html` and `weights` build from their
/// options: drawn as numpy draws them, or the learner's own files (`ModelFiles`) where given.
struct ModelOptions {
    /// Sizes beyond these are not what a tracer is for; they are refused, not attempted.
    static let maxInput = 100_000, maxHidden = 4096, maxOutput = 100_000, maxSteps = 10_000
    /// The sizes when neither an option nor a file gives them.
    static let defaultInput = 3, defaultHidden = 5, defaultOutput = 2, defaultSteps = 1
    /// The most numbers one trace file may hold (about half a gigabyte of JSON).
    static let maxTraceNumbers = 20_000_000
    /// The most numbers a training command may hold for one sequence (its parameters, their
    /// gradients and every step's values, about 800 MB): larger models are refused with one
    /// line instead of an allocation that fails.
    static let maxTrainingNumbers = 100_000_000

    let config: LSTMConfiguration
    let steps: Int
    let seed: UInt32
    let initialization: Initialization
    let forgetBias: Double
    /// The learner's files, where given.
    let files: ModelFiles

    init(_ a: ParsedArguments) throws {
        seed = try a.seed()
        let concat = try a.choice("--concat", default: ConcatOrder.hFirst)
        let lossOption = a.has("--loss") ? try a.choice("--loss", default: LossKind.mseLast) : nil
        let options = (input: try a.optionalInt("--input", in: 1...Self.maxInput), hidden: try a.optionalInt("--hidden", in: 1...Self.maxHidden),
                       output: try a.optionalInt("--output", in: 1...Self.maxOutput), steps: try a.optionalInt("--steps", in: 1...Self.maxSteps))
        enum InitName: String { case tutorial, notebook }
        initialization = try a.choice("--init", default: InitName.tutorial) == .tutorial ? .tutorial : .notebook(weightSD: 0.1)
        forgetBias = try a.double("--forget-bias", default: 0, in: -100...100)
        files = try ModelFiles(a, concat: concat, lossOption: lossOption, outputOption: options.output)
        if files.weights != nil {
            for name in ["--init", "--forget-bias"] where a.has(name) { throw a.usageError(Text.drawOptionWithWeights(name), option: name) }
        }
        if a.has("--seed") && files.weights != nil && files.inputs != nil && files.target != nil {
            throw a.usageError(Text.seedDrawsNothing, option: "--seed")
        }
        func size(_ claim: SizeClaim?, _ option: Int?, _ name: String, _ symbol: String, default def: Int, max: Int) throws -> Int {
            guard let claim else { return option ?? def }
            if let option, option != claim.value {
                throw a.usageError(Text.sizeOptionDisagrees(name, option, symbol: symbol, claim.value, source: claim.source), option: name)
            }
            guard claim.value <= max else { throw CLIError.badData(Text.sizeTooLarge(symbol, claim.value, max: max, source: claim.source)) }
            return claim.value
        }
        let input = try size(files.input, options.input, "--input", "X", default: Self.defaultInput, max: Self.maxInput)
        let hidden = try size(files.hidden, options.hidden, "--hidden", "H", default: Self.defaultHidden, max: Self.maxHidden)
        let output = try size(files.output, options.output, "--output", "K", default: Self.defaultOutput, max: Self.maxOutput)
        steps = try size(files.steps, options.steps, "--steps", "T", default: Self.defaultSteps, max: Self.maxSteps)
        config = LSTMConfiguration(input: input, hidden: hidden, output: output, concat: concat, loss: files.loss)
        try Self.requireTraceFits(config, steps: steps, sizes: ["--steps", "--hidden", "--input", "--output"], a)
    }

    /// Refuses a model whose full trace over `steps` steps would hold more than
    /// `maxTraceNumbers` numbers: a usage error that names `option`, if given, and advises
    /// making one of the options `sizes` smaller.
    static func requireTraceFits(_ c: LSTMConfiguration, steps: Int, sizes: [String], _ a: ParsedArguments,
                                 option: String? = nil) throws {
        try requireFits(c, steps: steps, limit: maxTraceNumbers, sizes: sizes, Text.traceTooLarge, a, option: option)
    }

    /// Refuses a model that would hold more than `maxTrainingNumbers` numbers to train on
    /// sequences of `steps` steps.
    static func requireTrainingFits(_ c: LSTMConfiguration, steps: Int, sizes: [String], _ a: ParsedArguments,
                                    option: String? = nil) throws {
        try requireFits(c, steps: steps, limit: maxTrainingNumbers, sizes: sizes, Text.modelTooLarge, a, option: option)
    }

    private static func requireFits(_ c: LSTMConfiguration, steps: Int, limit: Int, sizes: [String],
                                    _ message: (Int, Int, [String]) -> String, _ a: ParsedArguments, option: String?) throws {
        let numbers = traceNumbers(c, steps: steps)
        if numbers > limit { throw a.usageError(message(numbers, limit, sizes), option: option) }
    }

    /// How many numbers a full trace of this model holds (parameters and their gradients,
    /// and about 45 vectors a step).
    static func traceNumbers(_ c: LSTMConfiguration, steps: Int) -> Int {
        let parameters = c.parameterCount
        let perStep = 2 * (c.input + 2 * c.concatSize + 26 * c.hidden + 4 * c.output)
        return 2 * parameters + steps * perStep
    }

    /// Whether anything is drawn with --seed (weights, inputs or target not given).
    var drawsSomething: Bool { files.weights == nil || files.inputs == nil || files.target == nil }

    /// The problem `step` traces: drawn as numpy draws it, then the learner's files put in
    /// place of what they give (the draws do not change, so a given --inputs leaves the
    /// weights drawn as without it).
    var problem: StepProblem {
        var p = StepProblem(config: config, steps: steps, seed: seed, initialization: initialization, forgetBias: forgetBias)
        if let w = files.weights { p.model = LSTM(parameters: w.parameters.parameters(config)) }
        if let x = files.inputs { p.input = .dense(x.matrix) }
        if let y = files.target { p.target = y.target }
        p.h0 = files.h0
        p.c0 = files.c0
        return p
    }

    /// The run settings a trace records after the model's own keys: the seed and the scheme
    /// where something was drawn, and each file given.
    var settings: [(String, JSONValue)] {
        var out: [(String, JSONValue)] = drawsSomething ? [("seed", .integer(Int(seed)))] : []
        if files.weights == nil {
            out.append(("init", .string(initialization.name)))
            if forgetBias != 0 { out.append(("forget_bias", .number(forgetBias))) }
        }
        return out + files.settings
    }
}

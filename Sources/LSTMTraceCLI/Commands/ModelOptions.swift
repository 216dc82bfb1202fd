import TraceLSTM

/// The model and data that `step`, `gradcheck` and `html` build from their options.
struct ModelOptions {
    /// Sizes beyond these are not what a tracer is for; they are refused, not attempted.
    static let maxInput = 100_000, maxHidden = 4096, maxOutput = 100_000, maxSteps = 10_000
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

    init(_ a: ParsedArguments) throws {
        let input = try a.int("--input", default: 3, in: 1...Self.maxInput)
        let hidden = try a.int("--hidden", default: 5, in: 1...Self.maxHidden)
        let output = try a.int("--output", default: 2, in: 1...Self.maxOutput)
        steps = try a.int("--steps", default: 1, in: 1...Self.maxSteps)
        seed = try a.seed()
        let concat = try a.choice("--concat", default: ConcatOrder.hFirst)
        let loss = try a.choice("--loss", default: LossKind.mseLast)
        enum InitName: String { case tutorial, notebook }
        initialization = try a.choice("--init", default: InitName.tutorial) == .tutorial ? .tutorial : .notebook(weightSD: 0.1)
        forgetBias = try a.double("--forget-bias", default: 0, in: -100...100)
        config = LSTMConfiguration(input: input, hidden: hidden, output: output, concat: concat, loss: loss)
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

    /// The problem `step` traces.
    var problem: StepProblem {
        StepProblem(config: config, steps: steps, seed: seed, initialization: initialization, forgetBias: forgetBias)
    }

    /// The run settings a trace records after the model's own keys.
    var settings: [(String, JSONValue)] {
        [("seed", .integer(Int(seed))), ("init", .string(initialization.name))] + (forgetBias != 0 ? [("forget_bias", .number(forgetBias))] : [])
    }
}

import TraceLSTM

/// `lstm-trace sample`: text from a checkpoint.
enum SampleCommand: Command {
    static let spec = TrainingSpecs.sample

    static func run(_ a: ParsedArguments) throws {
        let path = a.string("--checkpoint")!  // required: the parser refuses a command line without it
        let length = try a.int("--length", default: 200, in: 0...1_000_000)
        let seed = try a.seed()
        let k = try TrainCommand.readCheckpoint(path)
        let vocabulary = k.vocabulary
        let primeText = a.string("--prime") ?? (vocabulary.contains("\n") ? "\n" : String(vocabulary[0]))
        var prime: [Int] = []
        for u in primeText.unicodeScalars {
            guard let i = vocabulary.firstIndex(of: u) else {
                throw a.usageError(Text.invalidValue(primeText, for: a.command.option("--prime")!,
                                                     expected: "characters of the checkpoint's vocabulary ('\(u.escaped(asASCII: true))' is not one)"),
                                   option: "--prime")
            }
            prime.append(i)
        }
        guard !prime.isEmpty else {
            throw a.usageError(Text.invalidValue(primeText, for: a.command.option("--prime")!, expected: "at least one character"), option: "--prime")
        }
        let model = LSTM(parameters: k.state.parameters)
        var random = NumpyRandom(seed: seed)
        let generated = model.sample(prime: prime, length: length, random: &random)
        var text = String.UnicodeScalarView()
        for i in prime + generated { text.append(vocabulary[i]) }
        StandardStreams.write(String(text) + "\n")
    }
}

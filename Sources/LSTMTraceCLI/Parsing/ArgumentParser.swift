import TraceLSTM

/// The arguments of one command after parsing: option values by long name, flags, and
/// positional arguments. Typed accessors validate and throw usage errors that name the option.
struct ParsedArguments {
    let command: CommandSpec
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    init(command: CommandSpec) {
        self.command = command
    }

    /// Parses `args` (the words after the subcommand's name). `-h`/`--help` anywhere makes
    /// `wantsHelp` true and stops parsing.
    static func parse(_ args: [String], for spec: CommandSpec) throws -> (ParsedArguments, wantsHelp: Bool) {
        var parsed = ParsedArguments(command: spec)
        var k = 0
        var onlyPositionals = false
        while k < args.count {
            let word = args[k]
            k += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" || Double(word) != nil {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            if word == "-h" || word == "--help" { return (parsed, true) }
            var name = word
            var inlineValue: String?
            if let eq = word.firstIndex(of: "="), word.hasPrefix("--") {
                name = String(word[..<eq])
                inlineValue = String(word[word.index(after: eq)...])
            }
            guard let option = spec.option(name) else {
                throw CLIError.usage(Text.unknownOption(name, suggestion: suggestion(for: name, in: spec)),
                                     command: spec, option: nil)
            }
            if option.value == nil {
                if inlineValue != nil { throw CLIError.usage(Text.flagTakesNoValue(option), command: spec, option: option) }
                parsed.flags.insert(option.name)
                continue
            }
            if let inlineValue {
                parsed.values[option.name] = inlineValue
                continue
            }
            guard k < args.count, spec.option(args[k]) == nil, args[k] != "-h", args[k] != "--help" else {
                throw CLIError.usage(Text.missingValue(option), command: spec, option: option)
            }
            parsed.values[option.name] = args[k]
            k += 1
        }
        if let missing = spec.options.first(where: { $0.isRequired && parsed.values[$0.name] == nil }) {
            throw CLIError.usage(Text.missingRequiredOption(missing), command: spec, option: missing)
        }
        if parsed.positionals.count > spec.arguments.count {
            let extra = parsed.positionals[spec.arguments.count]
            throw CLIError.usage(Text.unexpectedArgument(extra), command: spec, option: nil)
        }
        return (parsed, false)
    }

    /// The closest option name to a misspelt one (edit distance ≤ 2, or a prefix of it).
    static func suggestion(for name: String, in spec: CommandSpec) -> String? {
        let names = spec.options.map(\.name) + ["--help"]
        let scored = names.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 2 || ($0.0.hasPrefix(name) && name.count > 3) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    // MARK: Typed values

    private func spec(_ name: String) -> OptionSpec {
        guard let o = command.option(name) else { preconditionFailure("\(command.name) has no option \(name)") }
        return o
    }

    private func invalid(_ name: String, _ text: String, _ expected: String) -> CLIError {
        .usage(Text.invalidValue(text, for: spec(name), expected: expected), command: command, option: spec(name))
    }

    /// Whether a flag was given.
    func flag(_ name: String) -> Bool { flags.contains(spec(name).name) }

    /// Whether an option was given a value.
    func has(_ name: String) -> Bool { values[spec(name).name] != nil }

    /// An option's text as given, or nil.
    func string(_ name: String) -> String? { values[spec(name).name] }

    /// A whole number in `range` (the default when the option is absent).
    func int(_ name: String, default def: Int, in range: ClosedRange<Int>) throws -> Int {
        try int(name, default: def, rule: WholeNumberRule(range))
    }

    /// A whole number that `rule` accepts (the default when the option is absent).
    func int(_ name: String, default def: Int, rule: WholeNumberRule) throws -> Int {
        guard let text = string(name) else { return def }
        guard let v = Int(text), rule.accepts(v) else { throw invalid(name, text, rule.expected + outputFileHint(name, text)) }
        return v
    }

    /// `--output` is the size K and `-o` (`--output-file`) the file: a file name given to
    /// `--output` was meant for `-o`, and the error says so.
    private func outputFileHint(_ name: String, _ text: String) -> String {
        guard spec(name).name == "--output", command.option("-o") != nil, Self.looksLikeFileName(text) else { return "" }
        return Text.didYouMeanOutputFile(text)
    }

    /// A '/', or a '.' followed by a letter (`trace.json`, not `2.5` or `1e3`).
    static func looksLikeFileName(_ text: String) -> Bool {
        text.contains("/") || zip(text, text.dropFirst()).contains { $0 == "." && $1.isLetter }
    }

    /// An optional whole number in `range`.
    func optionalInt(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard has(name) else { return nil }
        return try int(name, default: range.lowerBound, in: range)
    }

    /// A seed, 0 ≤ s < 2³² (numpy's legacy `np.random.seed` range).
    func seed(_ name: String = "--seed", default def: UInt32 = 0) throws -> UInt32 {
        guard let text = string(name) else { return def }
        guard let v = UInt32(text) else { throw invalid(name, text, "a whole number from 0 to 4294967295") }
        return v
    }

    /// A finite number in `range` (NaN and infinities are refused).
    func double(_ name: String, default def: Double, in range: ClosedRange<Double>, describe: String? = nil) throws -> Double {
        try double(name, default: def, rule: NumberRule(range.lowerBound, range.upperBound), describe: describe)
    }

    /// A number that `rule` accepts (never NaN or an infinity).
    func double(_ name: String, default def: Double, rule: NumberRule, describe: String? = nil) throws -> Double {
        guard let text = string(name) else { return def }
        guard let v = Double(text), rule.accepts(v) else { throw invalid(name, text, describe ?? rule.expected) }
        return v
    }

    /// A positive finite number (> 0).
    func positiveDouble(_ name: String, default def: Double, max: Double = 1e6) throws -> Double {
        try double(name, default: def, rule: .positive(atMost: max))
    }

    /// One of the values the option lists.
    func choice<T: RawRepresentable>(_ name: String, default def: T) throws -> T where T.RawValue == String {
        guard let text = string(name) else { return def }
        guard let v = T(rawValue: text) else {
            throw invalid(name, text, "one of " + (spec(name).values ?? []).joined(separator: ", "))
        }
        return v
    }

    /// A usage error about an option (for checks that involve more than one value).
    func usageError(_ message: String, option name: String? = nil) -> CLIError {
        .usage(message, command: command, option: name.map(spec))
    }

    /// The positional argument at `index`, or a usage error naming it.
    func positional(_ index: Int) throws -> String {
        guard index < positionals.count else {
            throw CLIError.usage(Text.missingArgument(command.arguments[index]), command: command, option: nil)
        }
        return positionals[index]
    }
}

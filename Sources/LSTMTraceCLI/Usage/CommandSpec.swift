/// One option or flag of a command, as its help shows it.
struct OptionSpec: Sendable {
    /// Long name with dashes (`--hidden`), or a short one (`-o`) when it has no long name.
    let name: String
    /// A short alias (`-o`), if any.
    let short: String?
    /// The value's placeholder (`n`, `file`); nil for a flag that takes no value.
    let value: String?
    /// One line of help.
    let help: String
    /// The default, shown as `(default: …)`.
    let defaultValue: String?
    /// The accepted values, shown as `(values: …)`.
    let values: [String]?
    /// Whether the command cannot run without it (shown without brackets in the usage line).
    let isRequired: Bool

    init(_ name: String, short: String? = nil, value: String? = nil, help: String,
         default defaultValue: String? = nil, values: [String]? = nil, required: Bool = false) {
        self.name = name
        self.short = short
        self.value = value
        self.help = help
        self.defaultValue = defaultValue
        self.values = values
        self.isRequired = required
    }

    /// How the option is written in usage lines: `--hidden <n>`, `-o <file>`, `--no-backward`.
    var synopsis: String {
        let n = short.map { $0 } ?? name
        return value.map { "\(n) <\($0)>" } ?? n
    }

    /// The left column of the help: `-o, --output-file <file>`.
    var label: String {
        let names = short.map { "\($0), \(name)" } ?? name
        return value.map { "\(names) <\($0)>" } ?? names
    }

    /// The help text with its default and accepted values.
    var fullHelp: String {
        var s = help
        if let values { s += " (values: \(values.joined(separator: ", ")))" }
        if let defaultValue { s += " (default: \(defaultValue))" }
        return s
    }
}

/// A positional argument.
struct ArgumentSpec: Sendable {
    let name: String
    let help: String
    /// What the error adds when the argument is missing: what it is for (`compare A` alone).
    var whenMissing: String? = nil
}

/// A subcommand: its name, its help text and its options.
struct CommandSpec: Sendable {
    let name: String
    let abstract: String
    let discussion: String?
    let arguments: [ArgumentSpec]
    let options: [OptionSpec]

    init(name: String, abstract: String, discussion: String? = nil, arguments: [ArgumentSpec] = [], options: [OptionSpec]) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
    }

    /// The option called `name` (long or short).
    func option(_ name: String) -> OptionSpec? {
        options.first { $0.name == name || $0.short == name }
    }

    /// `lstm-trace step [--input <n>] …`, wrapped at 80 columns; required options come first,
    /// without brackets.
    var usage: String {
        let words = arguments.map { "<\($0.name)>" } + options.filter(\.isRequired).map(\.synopsis)
            + options.filter { !$0.isRequired }.map { "[\($0.synopsis)]" }
        return HelpFormatter.wrap(prefix: "lstm-trace \(name)", words: words, indent: 2)
    }
}

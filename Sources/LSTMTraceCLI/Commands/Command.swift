/// A subcommand of `lstm-trace`: its help (`spec`) and what it does.
protocol Command: Sendable {
    static var spec: CommandSpec { get }
    /// Runs with parsed arguments; throws `CLIError` for anything that ends it early.
    static func run(_ arguments: ParsedArguments) throws
}

/// The output formats of traces and tables.
enum OutputFormat: String {
    case md, csv, json
}

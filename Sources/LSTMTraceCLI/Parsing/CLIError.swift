/// The exit codes of `lstm-trace` (sysexits.h where one fits).
enum ExitCode: Int32 {
    case success = 0
    /// A check failed (gradcheck found NOT OK, compare found a difference).
    case failure = 1
    /// EX_USAGE: a wrong flag or value.
    case usage = 64
    /// EX_DATAERR: an input file is not what it should be.
    case badData = 65
    /// EX_NOINPUT: an input file cannot be read.
    case cannotRead = 66
    /// EX_CANTCREAT: an output file cannot be written.
    case cannotWrite = 73
    /// EX_IOERR: standard output cannot be written (a full disk, a closed descriptor).
    case outputFailed = 74
    /// Stopped by SIGINT or SIGTERM after saving (128 + SIGINT).
    case interrupted = 130
}

/// Everything that ends a command early. `ErrorReporter` turns each into text on stderr
/// and an exit code: the one place where that happens.
enum CLIError: Error {
    /// A usage error in `command` (nil at the top level), about `option` if one is to blame.
    case usage(String, command: CommandSpec?, option: OptionSpec?)
    /// An input file's contents are wrong.
    case badData(String)
    /// An input file cannot be read.
    case cannotRead(path: String, reason: String)
    /// An output file cannot be written.
    case cannotWrite(path: String, reason: String)
    /// A check failed; its report is already printed.
    case checkFailed
    /// The run failed for a reason stated in one line (training diverged).
    case failed(String)
    /// Interrupted; state was saved.
    case interrupted
    /// Standard output cannot be written, for `reason`.
    case standardOutput(reason: String)
    /// The reader of standard output has gone (`lstm-trace step | head`): the program stops
    /// quietly, as it would have had it printed less.
    case readerGone
}

/// Turns a `CLIError` into stderr text and an exit code. Every message passes through
/// `Text.oneLine`, so none prints more lines or characters than it means to.
enum ErrorReporter {
    static func report(_ error: CLIError) -> ExitCode {
        func line(_ message: String) -> String { "Error: \(Text.oneLine(message))\n" }
        switch error {
        case let .usage(message, command, option):
            var text = line(message)
            if let option { text += "Help:  \(option.label)  \(option.fullHelp)\n" }
            if let command {
                text += "Usage: \(command.usage)\n"
                text += "  See 'lstm-trace \(command.name) --help' for more information.\n"
            } else {
                text += "Usage: lstm-trace <subcommand>\n  See 'lstm-trace --help' for more information.\n"
            }
            StandardStreams.writeError(text)
            return .usage
        case .badData(let message):
            StandardStreams.writeError(line(message))
            return .badData
        case let .cannotRead(path, reason):
            StandardStreams.writeError(line("cannot read \(Text.quoted(path)): \(reason)"))
            return .cannotRead
        case let .cannotWrite(path, reason):
            StandardStreams.writeError(line("cannot write \(Text.quoted(path)): \(reason)"))
            return .cannotWrite
        case .checkFailed:
            return .failure
        case .failed(let message):
            StandardStreams.writeError(line(message))
            return .failure
        case .interrupted:
            return .interrupted
        case .standardOutput(let reason):
            StandardStreams.writeError(line(Text.cannotWriteStandardOutput(reason)))
            return .outputFailed
        case .readerGone:
            return .success
        }
    }
}

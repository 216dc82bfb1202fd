#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `lstm-trace` program: picks the subcommand, parses its arguments, runs it, and turns
/// any error into a message and an exit code.
public enum LSTMTrace {
    /// The subcommands, in the order the help lists them.
    static let commands: [any Command.Type] = [
        StepCommand.self, GradcheckCommand.self, CompareCommand.self, ToyCommand.self,
        TrainCommand.self, SampleCommand.self, BenchCommand.self, HtmlCommand.self, DocsCommand.self, WeightsCommand.self,
    ]

    /// Runs with the words after the program's name; returns the exit code.
    public static func main(_ arguments: [String]) -> Int32 {
        let code = run(arguments)
        // A write to stdout that failed (a full disk, a closed stdout) ends in 74 with one line,
        // whatever the command did; a check's report that could not be printed, too.
        guard code == ExitCode.success.rawValue || code == ExitCode.failure.rawValue else { return code }
        do { try StandardStreams.check() } catch CLIError.readerGone { return code } catch { return ErrorReporter.report(error).rawValue }
        return code
    }

    private static func run(_ arguments: [String]) -> Int32 {
        // Before anything else: catch SIGINT and SIGTERM (train saves on them; every command
        // removes its temporary files), only then let through those a parent left blocked, and
        // make sure that no file the program opens becomes its stdout or stderr.
        Interrupts.install(polled: arguments.first == TrainCommand.spec.name)
        Interrupts.unblock()
        StandardStreams.occupyClosedDescriptors()
        signal(SIGPIPE, SIG_IGN)  // a closed pipe becomes EPIPE, handled by StandardStreams
        let specs = commands.map { $0.spec }
        guard let first = arguments.first else {
            StandardStreams.write(HelpFormatter.rootHelp(specs))
            return ExitCode.success.rawValue
        }
        switch first {
        case "-h", "--help":
            StandardStreams.write(HelpFormatter.rootHelp(specs))
            return ExitCode.success.rawValue
        case "--version":
            StandardStreams.write(Text.version + "\n")
            return ExitCode.success.rawValue
        case "help":
            // `help --help` (or -h) asks for help's help: the top-level help, which describes help.
            if arguments.count > 1, arguments[1] == "-h" || arguments[1] == "--help" {
                StandardStreams.write(HelpFormatter.rootHelp(specs))
                return ExitCode.success.rawValue
            }
            if arguments.count > 1, let c = commands.first(where: { $0.spec.name == arguments[1] }) {
                StandardStreams.write(HelpFormatter.help(c.spec))
                return ExitCode.success.rawValue
            }
            if arguments.count > 1 {
                return ErrorReporter.report(.usage(Text.unknownSubcommand(arguments[1], suggestion: suggestion(arguments[1])),
                                                   command: nil, option: nil)).rawValue
            }
            StandardStreams.write(HelpFormatter.rootHelp(specs))
            return ExitCode.success.rawValue
        default:
            break
        }
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            let message = first.hasPrefix("-") ? Text.unknownOption(first, suggestion: nil)
                : Text.unknownSubcommand(first, suggestion: suggestion(first))
            return ErrorReporter.report(.usage(message, command: nil, option: nil)).rawValue
        }
        do {
            let (parsed, wantsHelp) = try ParsedArguments.parse(Array(arguments.dropFirst()), for: command.spec)
            if wantsHelp {
                StandardStreams.write(HelpFormatter.help(command.spec))
                return ExitCode.success.rawValue
            }
            try command.run(parsed)
            return ExitCode.success.rawValue
        } catch let error as CLIError {
            return ErrorReporter.report(error).rawValue
        } catch {
            return ErrorReporter.report(.badData("\(error)")).rawValue
        }
    }

    private static func suggestion(_ name: String) -> String? {
        commands.map { $0.spec.name }.map { ($0, ParsedArguments.editDistance(name, $0)) }
            .filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }
}

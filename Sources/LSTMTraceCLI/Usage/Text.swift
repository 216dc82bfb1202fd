/// The words `lstm-trace` says outside the help pages of its commands (those are in
/// `Specs+*.swift`): the top-level help and every error message, in one place.
enum Text {
    static let version = "0.1.0"

    static let rootAbstract = "See every number inside a small LSTM, forward and backward."

    static let rootDiscussion = "lstm-trace runs the LSTM cell of the tutorials (z = [h_{t-1}, x_t]; f, i, C̃, C, o, h) "
        + "and records every value and every gradient of backpropagation through time, drawn with numpy's random "
        + "algorithms so that the numbers equal those of the documents' Python for the same seed. "
        + "Start with: lstm-trace step --input 3 --hidden 5"

    // MARK: Usage errors

    static func unknownSubcommand(_ name: String, suggestion: String?) -> String {
        "Unknown subcommand \(quoted(name))." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
    }

    static func unknownOption(_ name: String, suggestion: String?) -> String {
        "Unknown option \(quoted(name))." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
    }

    static func missingValue(_ option: OptionSpec) -> String {
        "Missing value for '\(option.synopsis)'."
    }

    static func flagTakesNoValue(_ option: OptionSpec) -> String {
        "The flag '\(option.name)' takes no value."
    }

    static func missingRequiredOption(_ option: OptionSpec) -> String {
        "Missing expected argument '\(option.synopsis)'."
    }

    static func unexpectedArgument(_ word: String) -> String {
        "Unexpected argument \(quoted(word))."
    }

    static func missingArgument(_ argument: ArgumentSpec) -> String {
        "Missing expected argument '<\(argument.name)>'" + (argument.whenMissing.map { ": \($0)." } ?? ".")
    }

    static func invalidValue(_ text: String, for option: OptionSpec, expected: String) -> String {
        "The value \(quoted(text)) is invalid for '\(option.synopsis)': expected \(expected)."
    }

    /// Added to `invalidValue`'s "expected …" when a file name was given to --output.
    static func didYouMeanOutputFile(_ text: String) -> String {
        " (did you mean -o \(echo(text))?)"
    }

    static func traceTooLarge(numbers: Int, limit: Int, sizes: [String]) -> String {
        "This trace would hold \(numbers) numbers; lstm-trace writes at most \(limit) in one trace. "
            + "Make one of \(sizes.joined(separator: ", ")) smaller."
    }

    static func modelTooLarge(numbers: Int, limit: Int, sizes: [String]) -> String {
        "This model would hold \(numbers) numbers to train on one sequence; lstm-trace trains models of at most "
            + "\(limit). Make one of \(sizes.joined(separator: ", ")) smaller."
    }

    static func diverged(at when: String, option: String) -> String {
        "training diverged at \(when): the loss or a weight is no longer a finite number. Try a smaller \(option) "
            + "or --clip."
    }

    // MARK: Files

    static let fileIsEmpty = "the file is empty"
    static let fileIsBinary = "the file is not text (it contains NUL bytes, as binary files and UTF-16 text do)"
    static let fileIsNotUTF8 = "the file is not valid UTF-8 text"

    static func notATrace(_ path: String, _ reason: String) -> String {
        "\(quoted(path)) is not an lstm-trace trace: \(reason)"
    }

    static func notACheckpoint(_ path: String, format: String) -> String {
        "\(quoted(path)) is a JSON file (format \(echo(format))), not a checkpoint: a checkpoint is the file that "
            + "lstm-trace train --save FILE writes"
    }

    static let benchDebugBuild = "Warning: this lstm-trace is a debug build, about a hundred times slower than a release "
        + "build; for real figures build with swift build -c release and run .build/release/lstm-trace bench.\n"

    static func docsDataPagesNotChecked(_ pages: [String]) -> String {
        "Note: \(pages.joined(separator: ", ")) not checked: it is written from --data FILE "
            + "(../shared/data/shakespear.txt); add --data to check it too.\n"
    }

    static let referenceNotFound = "no such file in this folder or any folder above it; run lstm-trace docs inside "
        + "the repository, or pass --reference FILE"

    static func referenceNotFoundNote(_ path: String) -> String {
        "Note: \(path) is not in this folder or above it, so char-lstm.md is written without the 80-bit reference "
            + "beside lstm-trace's numbers.\n"
    }

    static func notJSON(_ path: String, _ reason: String) -> String {
        "\(quoted(path)) is not valid JSON: \(reason)"
    }
}

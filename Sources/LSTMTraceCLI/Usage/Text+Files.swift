/// What `lstm-trace` says about the files and streams it reads and writes.
extension Text {
    // MARK: Standard output

    static func cannotWriteStandardOutput(_ reason: String) -> String {
        "cannot write to standard output: \(reason)"
    }

    static let standardOutputClosed = "it is closed"

    // MARK: Output files

    static let isAFolder = "it is a folder"
    static let emptyPath = "the file name is empty"
    static let brokenLink = "it is a symbolic link to a file that does not exist"
    static let fifoWithoutReader = "it is a FIFO that no process is reading"

    static func folderMissing(_ folder: String) -> String {
        "the folder \(quoted(folder)) does not exist"
    }

    static func sameOutputFile(_ first: String, _ second: String, path: String) -> String {
        "\(first) and \(second) name the same file, \(quoted(path)); give each its own file."
    }

    // MARK: Output formats

    /// "a JSON file", "an .npz file": what a `--format` value's file is called.
    static func fileKind(_ format: String) -> String {
        ["md": "a Markdown file", "csv": "a CSV file", "json": "a JSON file", "npz": "an .npz file"][format] ?? "a \(format) file"
    }

    static func formatContradictsFileName(_ path: String, names format: String, given: String, instead: String) -> String {
        "'-o \(echo(path))' names \(fileKind(format)) but --format is \(given); drop --format or use -o \(echo(instead))"
    }

    static func formatNotOffered(_ path: String, names format: String, command: String, offered: [String]) -> String {
        let paths = offered.map { echo(OutputFormatChoice.path(path, as: $0)) }
        return "'-o \(echo(path))' names \(fileKind(format)), but \(command) writes \(list(offered)); use -o \(list(paths))"
    }

    /// "a, b or c".
    static func list(_ words: [String]) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
    }

    // MARK: Input files

    static let noSuchFile = "no such file"
    /// After "cannot read 'FILE': no such file" for --data.
    static let dataNotFoundHint = "; give the path of a text file (the notebook's Shakespeare sample is not in this repository), "
        + "or leave --data out to use a text lstm-trace generates"

    /// Beside what train and bench print when they run without --data.
    static let generatedCorpusNote = "a text lstm-trace generates; --data FILE trains on yours"

    static let fileIsUTF16 = "the file is UTF-16 or UTF-32 text (it starts with a byte-order mark); lstm-trace reads UTF-8"

    static func fileTooLarge(_ path: String, megabytes: Int) -> String {
        "\(quoted(path)) is larger than \(megabytes) MB, more than lstm-trace reads"
    }

    static func waitingForWriter(_ path: String) -> String {
        "Note: \(quoted(path)) is a FIFO: waiting for a process to write to it (Ctrl-C stops).\n"
    }

    static func interruptedWhileWaiting(_ path: String) -> String {
        "Interrupted while waiting for \(quoted(path)).\n"
    }

    // MARK: Checkpoints

    static func notAResumableCheckpoint(_ path: String, _ reason: String) -> String {
        "\(quoted(path)) is not a checkpoint lstm-trace can resume: \(reason)"
    }

    static let saveToStandardOutput = "a checkpoint is saved again every --save-every iterations; give a file, not standard output."
}

/// The format a command writes `-o FILE` in: `--format` when given, else the format FILE's
/// extension names, else the command's default. One rule for every command with both options
/// (step, gradcheck, toy, train), so that `-o trace.json` never holds Markdown.
enum OutputFormatChoice {
    /// The formats a file's extension names (lowercased), by their `--format` value.
    static let extensions: [String: String] = ["md": "md", "markdown": "md", "csv": "csv", "json": "json", "npz": "npz"]

    /// The `--format` value `path`'s extension names, or nil: no extension, one that names no
    /// format, standard output (`-`) or a device (/dev/null has no extension). `weights` reads
    /// its file kind with this too.
    static func format(namedBy path: String) -> String? {
        guard !OutputFile.standardOutputNames.contains(path), let split = splitExtension(path) else { return nil }
        return extensions[split.ext.lowercased()]
    }

    /// `path` with its extension replaced by the one of `format` (`y.json` → `y.csv`).
    static func path(_ path: String, as format: String) -> String {
        guard let split = splitExtension(path) else { return path + "." + format }
        return split.stemAndDot + format
    }

    /// `path` up to and including its file name's last dot, and the extension after it; nil
    /// without one. A dot at the start is a hidden file's, not an extension's (.json is a name).
    private static func splitExtension(_ path: String) -> (stemAndDot: String, ext: String)? {
        let name = OutputFile.split(path).name
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = String(name[name.index(after: dot)...])
        return (String(path.dropLast(ext.count)), ext)
    }
}

extension ParsedArguments {
    /// The output format of a command with `--format` and `-o`: `--format` if given, else what
    /// -o's extension names, else `def`. A usage error when the two disagree, or when the
    /// extension names a format that `--format` does not offer here.
    func outputFormat<T: RawRepresentable & Equatable>(default def: T) throws -> T where T.RawValue == String {
        let given: T? = has("--format") ? try choice("--format", default: def) : nil
        guard let path = string("-o"), let named = OutputFormatChoice.format(namedBy: path) else { return given ?? def }
        guard let fromName = T(rawValue: named) else {
            let offered = command.option("--format")?.values ?? []
            throw usageError(Text.formatNotOffered(path, names: named, command: command.name, offered: offered), option: "-o")
        }
        if let given, given != fromName {
            throw usageError(Text.formatContradictsFileName(path, names: named, given: given.rawValue,
                                                            instead: OutputFormatChoice.path(path, as: given.rawValue)),
                             option: "--format")
        }
        return fromName
    }
}

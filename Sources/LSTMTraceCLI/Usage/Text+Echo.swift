/// Words the user typed or a file held, echoed in a message: an option's value, a path, a
/// subcommand, a format name. Every message that echoes one goes through `echo` (or `quoted`),
/// so that an error stays one line of reasonable length whatever was given: a raw newline or
/// escape sequence cannot break the line or drive the terminal, and a 130 kB argument is not
/// printed whole.
extension Text {
    /// The most characters an echoed value takes in a message.
    static let echoLimit = 80
    /// The most characters an error message takes (one that quoted a value without `echo`,
    /// a file's 20 MB "format" string, is cut to this by `ErrorReporter`).
    static let messageLimit = 400

    /// `value` made safe to print inside a line: control characters (and the invisible
    /// characters that reorder text) written as escapes (`\n`, `\t`, `\u{1B}`), and a value
    /// longer than `echoLimit` characters cut in the middle, where "…" stands for what was left
    /// out (the start and the end of a path say most about it).
    static func echo(_ value: String, limit: Int = echoLimit) -> String {
        var pieces: [String] = []
        for character in value {
            if character.unicodeScalars.contains(where: isInvisible) {
                pieces += character.unicodeScalars.map { isInvisible($0) ? escape($0) : String($0) }
            } else {
                pieces.append(String(character))
            }
        }
        let width = pieces.reduce(0) { $0 + $1.count }
        guard width > limit else { return pieces.joined() }
        let tail = (limit - 1) / 3
        return take(pieces, width: limit - 1 - tail) + "…" + take(pieces.reversed(), width: tail, reversed: true)
    }

    /// `value` echoed between single quotes, as the messages quote what they name: `'value'`.
    static func quoted(_ value: String) -> String { "'\(echo(value))'" }

    /// An error message as one line: what `echo` does to a value, with `messageLimit`. The last
    /// guard of `ErrorReporter`, so that no message, however it was put together, prints more
    /// lines or characters than it means to.
    static func oneLine(_ message: String) -> String { echo(message, limit: messageLimit) }

    private static func isInvisible(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return (0x200E...0x200F).contains(u.value) || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
        }
    }

    private static func escape(_ u: Unicode.Scalar) -> String {
        switch u {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// Whole pieces from the front of `pieces` (or, `reversed`, from the back, `pieces` given
    /// back to front) up to `width` characters, so that an escape is never cut in two.
    private static func take<S: Sequence<String>>(_ pieces: S, width: Int, reversed: Bool = false) -> String {
        var taken: [String] = [], used = 0
        for p in pieces {
            guard used + p.count <= width else { break }
            taken.append(p)
            used += p.count
        }
        return (reversed ? taken.reversed() : taken).joined()
    }
}

import Foundation

/// Help pages in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS,
/// SUBCOMMANDS, help text in a column from 26, wrapped at 80.
enum HelpFormatter {
    static let width = 80
    static let column = 26

    /// Words after a prefix, wrapped with continuation lines indented by `indent` more than the prefix.
    static func wrap(prefix: String, words: [String], indent: Int) -> String {
        var lines: [String] = []
        var line = prefix
        for w in words {
            // The first line is printed after "USAGE: " (or "Usage: "), 7 columns.
            let room = lines.isEmpty ? width - 7 : width
            if line.count + 1 + w.count > room && line != prefix {
                lines.append(line)
                line = String(repeating: " ", count: 7 + indent) + w
            } else {
                line += " " + w
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// Text wrapped to `width` columns, each line indented by `indent`.
    static func paragraph(_ text: String, indent: Int, firstLineRoom: Int? = nil) -> [String] {
        var lines: [String] = []
        var line = ""
        let room = width - indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let limit = lines.isEmpty ? (firstLineRoom ?? room) : room
            if !line.isEmpty && line.count + 1 + word.count > limit {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// One entry of OPTIONS or ARGUMENTS: the label, then the help from column 26 (on the
    /// next line when the label is too long), as argument-parser lays it out.
    static func entry(label: String, help: String) -> String {
        let pad = String(repeating: " ", count: column)
        let text = paragraph(help, indent: column)
        var out = "  " + label
        if out.count + 2 <= column {
            out += String(repeating: " ", count: column - out.count)
            out += text.first ?? ""
        } else {
            out += "\n" + pad + (text.first ?? "")
        }
        for l in text.dropFirst() { out += "\n" + pad + l }
        return out
    }

    /// The help page of a subcommand.
    static func help(_ spec: CommandSpec) -> String {
        var out = paragraph("OVERVIEW: " + spec.abstract, indent: 0).joined(separator: "\n") + "\n\n"
        if let d = spec.discussion {
            for para in d.components(separatedBy: "\n\n") {
                if para.hasPrefix("  ") {
                    out += para + "\n\n"  // preformatted (examples)
                } else {
                    out += paragraph(para, indent: 0).joined(separator: "\n") + "\n\n"
                }
            }
        }
        out += "USAGE: \(spec.usage)\n\n"
        if !spec.arguments.isEmpty {
            out += "ARGUMENTS:\n"
            for a in spec.arguments { out += entry(label: "<\(a.name)>", help: a.help) + "\n" }
            out += "\n"
        }
        out += "OPTIONS:\n"
        for o in spec.options { out += entry(label: o.label, help: o.fullHelp) + "\n" }
        out += entry(label: "-h, --help", help: "Show help information.") + "\n"
        return out
    }

    /// The top-level help page.
    static func rootHelp(_ commands: [CommandSpec]) -> String {
        var out = "OVERVIEW: \(Text.rootAbstract)\n\n"
        out += paragraph(Text.rootDiscussion, indent: 0).joined(separator: "\n") + "\n\n"
        out += "USAGE: lstm-trace <subcommand>\n\n"
        out += "OPTIONS:\n"
        out += entry(label: "--version", help: "Show the version.") + "\n"
        out += entry(label: "-h, --help", help: "Show help information.") + "\n\n"
        out += "SUBCOMMANDS:\n"
        for c in commands { out += entry(label: c.name, help: c.abstract) + "\n" }
        out += "\n  See 'lstm-trace help <subcommand>' for detailed help.\n"
        return out
    }
}

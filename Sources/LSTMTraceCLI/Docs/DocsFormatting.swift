import TraceLSTM

/// How the docs pages write numbers and worked equations. Pages only format numbers that a
/// trace (or a run) produced; nothing here computes one.
struct DocsFormat {
    let markdown = TraceMarkdown(digits: 6)

    /// A number for reading (6 significant digits).
    func n(_ x: Double) -> String { markdown.number(x) }

    /// A number as a factor in a product: negative ones in parentheses.
    func factor(_ x: Double) -> String { "(" + n(x) + ")" }

    /// Display-math lines: `first`, then `terms` joined by " + ", `perLine` to a line, then `last`.
    /// Each line is its own `$$…$$` block, which GitHub renders without the escaping problems
    /// of multi-line environments.
    func lines(first: String, terms: [String], perLine: Int = 4, open: String, close: String, last: String) -> String {
        var out = "$$\(first)$$\n\n"
        var chunks: [[String]] = []
        var k = 0
        while k < terms.count {
            chunks.append(Array(terms[k..<min(k + perLine, terms.count)]))
            k += perLine
        }
        for (c, chunk) in chunks.enumerated() {
            let lead = c == 0 ? "= \(open)" : "\\quad + "
            let tail = c == chunks.count - 1 ? close : ""
            out += "$$\(lead)\(chunk.joined(separator: " + "))\(tail)$$\n\n"
        }
        return out + "$$\(last)$$\n\n"
    }

    /// The page's first lines: its title, and a note that it is generated.
    func header(_ title: String) -> String {
        "# \(title)\n\n<!-- Written by `lstm-trace docs`; edit the generator, not this file. `lstm-trace docs --check docs` fails when they differ. -->\n\n"
    }
}

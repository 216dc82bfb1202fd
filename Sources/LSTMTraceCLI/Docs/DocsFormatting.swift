import TraceLSTM

/// How the docs pages write numbers and worked equations. Pages only format numbers that a
/// trace (or a run) produced; nothing here computes one.
///
/// Two kinds of number: `n` for table cells and plain text (`-9.4435e-05`, as numpy prints
/// it), `m` inside LaTeX (`-9.4435 \times 10^{-5}`), so math never shows an italic e.
struct DocsFormat {
    let markdown = TraceMarkdown(digits: 6)

    /// A number for a table cell or plain text (6 significant digits).
    func n(_ x: Double) -> String { markdown.number(x) }

    /// The same number inside LaTeX.
    func m(_ x: Double) -> String { markdown.mathNumber(x) }

    /// A number inside LaTeX, as a factor of a product: in parentheses.
    func factor(_ x: Double) -> String { "(" + m(x) + ")" }

    /// A vector inside LaTeX: `[0.1, -0.2]`.
    func vector(_ v: [Double]) -> String { "[" + v.map(m).joined(separator: ", ") + "]" }

    /// A vector in plain text.
    func list(_ v: [Double]) -> String { "[" + v.map(n).joined(separator: ", ") + "]" }

    /// One display equation.
    func display(_ latex: String) -> String { "$$\(latex)$$\n\n" }

    /// Display math on several lines that align at their `&`: one `$$` block holding
    /// `\begin{aligned}`, which GitHub renders as one equation. Rows end in `\cr`, not `\\`:
    /// GitHub's Markdown takes a backslash before punctuation as an escape, even inside math,
    /// and would turn `\\` into one backslash and run the rows together.
    func aligned(_ rows: [String]) -> String {
        "$$\n\\begin{aligned}\n" + rows.joined(separator: " \\cr\n") + "\n\\end{aligned}\n$$\n\n"
    }

    /// A worked sum, aligned at its equals signs: `lhs = definition` (its parts on lines of
    /// their own, joined by " + "), then `= open` and the terms, `perLine` to a line, joined by
    /// " + ", then `close`, then `= result`.
    func chain(_ lhs: String, _ definition: [String], terms: [String], perLine: Int,
               open: String = "", close: String = "", result: String) -> String {
        var rows = ["\(lhs) &= \(definition[0])"] + definition.dropFirst().map { "&\\quad {}+ \($0)" }
        var k = 0
        while k < terms.count {
            let chunk = terms[k..<min(k + perLine, terms.count)].joined(separator: " + ")
            let lead = k == 0 ? "&= \(open)" : "&\\quad {}+ "
            k += perLine
            rows.append(lead + chunk + (k >= terms.count ? close : ""))
        }
        rows.append("&= \(result)")
        return aligned(rows)
    }

    /// The page's first lines: its title, and a note that it is generated.
    func header(_ title: String) -> String {
        "# \(title)\n\n<!-- Written by `lstm-trace docs`; edit the generator, not this file. `lstm-trace docs --check docs` fails when they differ. -->\n\n"
    }
}

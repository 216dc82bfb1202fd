import Foundation

/// A trace as one self-contained HTML page: the cell diagram with the chosen unit's values, a
/// time-step control, a forward/backward switch, heatmaps (units × time) of the gates, the
/// states and their gradients, and the equations — no network, no external scripts, styles or
/// fonts, so it works opened from disk.
///
/// The page reads two JSON blocks: the trace (as `TraceJSON` writes it) and the symbol table
/// and equations (`explorerSymbols`), the same ones every other renderer uses.
public enum HTMLExplorer {
    /// The whole page.
    public static func page(_ trace: Trace, title: String = "LSTM trace") -> String {
        let data = JSONWriter.string(TraceJSON.value(trace))
        let symbols = JSONWriter.string(explorerSymbols(trace))
        return ExplorerTemplate.html
            .replacingOccurrences(of: "%%TITLE%%", with: escapeHTML(title))
            .replacingOccurrences(of: "%%STYLE%%", with: ExplorerTemplate.style)
            .replacingOccurrences(of: "%%SCRIPT%%", with: ExplorerScript.source)
            .replacingOccurrences(of: "%%SYMBOLS%%", with: symbols)
            .replacingOccurrences(of: "%%TRACE%%", with: data)
    }

    /// The symbol table and the equations, as the page reads them.
    static func explorerSymbols(_ trace: Trace) -> JSONValue {
        func equations(_ list: [Equation]) -> JSONValue {
            .array(list.map { eq in
                .object([("label", .string(eq.label)), ("title", .string(eq.title)), ("text", .string(eq.text)),
                         ("rows", .string(String(describing: eq.rows))),
                         ("columns", .array(eq.columns.map { .string($0.key) })),
                         ("results", .array(eq.results.map { .string($0.key) }))])
            })
        }
        let quantities: [(String, JSONValue)] = Quantity.allCases.map { q in
            let s = q.symbol
            return (q.key, .object([("text", .string(s.unicode)), ("meaning", .string(s.meaning)),
                                    ("size", .string(String(describing: s.size)))]))
        }
        let parameters: [(String, JSONValue)] = ParameterName.allCases.map { p in
            (p.key(head: trace.head), .object([("meaning", .string(p.meaning))]))
        }
        return .object([
            ("quantities", .object(quantities)),
            ("parameters", .object(parameters)),
            ("forward", equations(Equations.forward(trace.config))),
            ("backward", equations(Equations.backward(trace.config))),
            ("loss", .string(Equations.loss(trace.config).text)),
            ("gradients", .string(Equations.parameterGradients(trace.config).text)),
        ])
    }

    static func escapeHTML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

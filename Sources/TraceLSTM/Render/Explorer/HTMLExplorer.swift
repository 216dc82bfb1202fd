import Foundation

/// A trace as one self-contained HTML page: the cell diagram (`CellDiagram`) with the chosen
/// unit's values and each box's arithmetic on a click, a time-step control, a forward/backward
/// switch, heatmaps (units × time) with axes and a tooltip, for a character model the text
/// coloured by a unit and the predictions as bars, and the equations. No network, no external
/// scripts, styles or fonts, so it works opened from disk.
///
/// The page is made of real files, embedded at build time: explorer.html, cell-diagram.css and
/// explorer.css, and the explorer-*.js scripts. It reads two JSON blocks: the trace (as
/// `TraceJSON` writes it) and the symbol table and equations (`explorerSymbols`), the same
/// ones every other renderer uses.
public enum HTMLExplorer {
    /// The whole page.
    public static func page(_ trace: Trace, title: String = "LSTM trace") -> String {
        let data = JSONWriter.string(TraceJSON.value(trace))
        let symbols = JSONWriter.string(explorerSymbols(trace))
        return text(PackageResources.explorer_html)
            .replacingOccurrences(of: "%%TITLE%%", with: escapeHTML(title))
            .replacingOccurrences(of: "%%STYLE%%", with: CellDiagram.styleSheet + text(PackageResources.explorer_css))
            .replacingOccurrences(of: "%%DIAGRAMS%%", with: diagrams(trace))
            .replacingOccurrences(of: "%%SCRIPT%%", with: script)
            .replacingOccurrences(of: "%%SYMBOLS%%", with: symbols)
            .replacingOccurrences(of: "%%TRACE%%", with: data)
    }

    /// The cell drawn four times (wide and narrow, forward and backward); the style sheet
    /// shows one, the script fills in its numbers.
    static func diagrams(_ trace: Trace) -> String {
        let passes = trace.hasBackward ? CellDiagram.Pass.allCases : [.forward]
        return passes.flatMap { pass in
            CellDiagram.Layout.explorer.map { layout in
                CellDiagram(trace: trace, pass: pass, layout: layout).template(idPrefix: "\(pass.rawValue)-\(layout.rawValue)")
            }
        }.joined()
    }

    /// The scripts, in the order they run, inside one function.
    static let scripts: [[UInt8]] = [
        PackageResources.explorer_format_js, PackageResources.explorer_trace_js, PackageResources.explorer_colour_js,
        PackageResources.explorer_diagram_js, PackageResources.explorer_formula_js, PackageResources.explorer_heatmap_js,
        PackageResources.explorer_text_js, PackageResources.explorer_equations_js, PackageResources.explorer_main_js,
    ]

    static var script: String {
        text(PackageResources.explorer_errors_js) + "(function () {\n\"use strict\";\n" + scripts.map(text).joined(separator: "\n")
            + "})();\n"
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

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

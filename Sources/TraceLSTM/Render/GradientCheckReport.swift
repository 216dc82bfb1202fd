/// A gradient check as Markdown, CSV or JSON.
public struct GradientCheckReport {
    public let check: GradientCheck
    public let config: LSTMConfiguration
    public let settings: [(String, JSONValue)]

    public init(check: GradientCheck, config: LSTMConfiguration, settings: [(String, JSONValue)] = []) {
        self.check = check
        self.config = config
        self.settings = settings
    }

    /// The report in a format named `md`, `csv` or `json`.
    public func render(_ format: some RawRepresentable<String>) -> String {
        switch format.rawValue {
        case "csv": return csv
        case "json": return JSONWriter.string(json)
        default: return markdown
        }
    }

    private func key(_ e: GradientCheckEntry) -> String { e.parameter.key(head: config.head) }

    private var counts: String {
        let n = { (s: GradientCheckStatus) in check.entries.filter { $0.status == s }.count }
        return "\(check.entries.count) entries: \(n(.ok)) OK, \(n(.warning)) WARNING, \(n(.notOK)) NOT OK"
    }

    /// Markdown: the worst entry of each parameter, then every entry.
    public var markdown: String {
        var out = "# Gradient check\n\n"
        out += "X = \(config.input), H = \(config.hidden), K = \(config.output), T = \(check.steps), \(config.concat.rawValue), loss \(config.loss.rawValue)"
        for (k, v) in settings { if case .string(let s) = v { out += ", \(k) \(s)" } else if case .integer(let i) = v { out += ", \(k) \(i)" } }
        out += ". Loss $L = \(NumberFormat.latex(check.loss))$, $\\varepsilon = \(NumberFormat.latex(check.epsilon))$.\n\n"
        out += "Relative error $|a - n| / (|a + n| + 10^{-9})$ between the analytic gradient $a$ (backpropagation) "
            + "and the numeric one $n = (L(w + \\varepsilon) - L(w - \\varepsilon)) / 2\\varepsilon$. "
            + "OK: at most $10^{-6}$ (or both under the rounding floor of the differences); WARNING: at most $10^{-3}$; "
            + "NOT OK: above.\n\n"
        out += "**Result: \(check.status.rawValue)** (\(counts)).\n\n"
        out += "## Worst entry of each parameter\n\n" + worstTable + "\n"
        out += "## Every entry checked\n\n" + table(check.entries)
        return out
    }

    /// The worst entry of each parameter as a Markdown table, then a note for each entry that
    /// is OK only because it is under the rounding floor, with the two numbers that say so.
    public var worstTable: String {
        let worst = check.worstPerParameter
        var out = table(worst)
        let floored = worst.filter(\.isOKByRoundingFloor)
        if !floored.isEmpty {
            out += "\n" + floored.map { e in
                "$\(e.parameter.latex(head: config.head))[\(e.row),\(e.col)]$ is OK with a relative error of "
                    + "\(NumberFormat.display(e.relativeError, digits: 2)) because the two gradients differ by less than the "
                    + "differences can resolve: $|a - n| = \(NumberFormat.latex(e.difference, digits: 2))$ is under the rounding "
                    + "floor $4\\thinspace \\mathrm{ulp}(L)/\\varepsilon = \(NumberFormat.latex(e.roundingFloor, digits: 2))$, the most that "
                    + "rounding $L(w \\pm \\varepsilon)$ to float64 alone moves the difference quotient.\n"
            }.joined(separator: "\n")
        }
        return out
    }

    private func table(_ entries: [GradientCheckEntry]) -> String {
        let d = { NumberFormat.display($0, digits: 6) }
        let header = "| parameter | row | col | analytic | numeric | relative error | status |\n|---|---:|---:|---:|---:|---:|---|\n"
        return header + entries.map { e in
            "| $\(e.parameter.latex(head: config.head))$ | \(e.row) | \(e.col) | \(d(e.analytic)) | \(d(e.numeric)) | "
                + "\(NumberFormat.display(e.relativeError, digits: 3)) | \(e.status.rawValue)\(e.isOKByRoundingFloor ? " (rounding floor)" : "") |\n"
        }.joined()
    }

    /// CSV, one entry a row.
    public var csv: String {
        var out = "parameter,row,col,analytic,numeric,relative_error,status\r\n"
        for e in check.entries {
            out += "\(key(e)),\(e.row),\(e.col),\(JSONWriter.number(e.analytic)),\(JSONWriter.number(e.numeric)),"
                + "\(JSONWriter.number(e.relativeError)),\(e.status.rawValue)\r\n"
        }
        return out
    }

    /// JSON: the settings, the result, and every entry.
    public var json: JSONValue {
        func entry(_ e: GradientCheckEntry) -> JSONValue {
            .object([("parameter", .string(key(e))), ("row", .integer(e.row)), ("col", .integer(e.col)),
                     ("analytic", .number(e.analytic)), ("numeric", .number(e.numeric)),
                     ("relative_error", .number(e.relativeError)), ("status", .string(e.status.rawValue))])
        }
        let cfg: [(String, JSONValue)] = [("input", .integer(config.input)), ("hidden", .integer(config.hidden)),
                                          ("output", .integer(config.output)), ("steps", .integer(check.steps)),
                                          ("concat", .string(config.concat.rawValue)),
                                          ("loss", .string(config.loss.rawValue))] + settings
        return .object([("format", .string("lstm-trace-gradcheck/1")), ("config", .object(cfg)),
                        ("epsilon", .number(check.epsilon)), ("loss", .number(check.loss)),
                        ("status", .string(check.status.rawValue)),
                        ("worst", .array(check.worstPerParameter.map(entry))), ("entries", .array(check.entries.map(entry)))])
    }
}

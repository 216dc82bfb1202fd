import TraceLSTM

/// `lstm-trace compare A B`: every key's worst difference, and the first line of the
/// computation where the two files part.
enum CompareCommand: Command {
    static let spec = ModelSpecs.compare

    static func run(_ a: ParsedArguments) throws {
        let (pathA, pathB) = (try a.positional(0), try a.positional(1))
        let tolerance = ComparisonTolerance(
            relative: try a.double("--rtol", default: 1e-9, in: 0...1, describe: "a number from 0 to 1"),
            absolute: try a.double("--atol", default: 0, in: 0...1e100, describe: "a number of 0 or more"))
        let sideA = try ArrayFile.comparisonSide(pathA)
        let sideB = try ArrayFile.comparisonSide(pathB)
        let report = TraceComparison.compare(sideA, sideB, tolerance: tolerance)
        if report.compared == 0 && report.steps == nil {
            let note = (sideA.ignored + sideB.ignored).lazy.compactMap(LearnerNames.whyNotRead).first
            throw CLIError.badData(Text.compareNothingInCommon(pathA, pathB) + (note.map { "; " + $0 } ?? ""))
        }
        var out = "A: \(pathA): \(describe(sideA))\nB: \(pathB): \(describe(sideB))\n"
        let head = report.rows.contains { $0.label.hasSuffix("W_v") || $0.label.hasSuffix("dv") } ? Head.softmax : .linear
        for (name, side) in [("A", sideA), ("B", sideB)] {
            if !side.matched.isEmpty {
                out += "\(name): read " + side.matched.map { "\($0.name) as \($0.key.flatName(head: head))" }.joined(separator: ", ") + "\n"
            }
            if !side.ignored.isEmpty {
                out += "\(name): ignored " + side.ignored.joined(separator: ", ") + " (none of the trace's names)\n"
                for note in side.ignored.compactMap(LearnerNames.whyNotRead) { out += "\(name): \(note)\n" }
            }
        }
        for w in report.warnings { out += w + "\n" }
        out += "\n" + (report.firstDifference ?? "No difference: every key in both files agrees.") + "\n\n"
        out += "| key | worst relative difference | where | A | B |\n|---|---:|---|---:|---:|\n"
        for r in report.rows {
            let flag = r.status == .differ ? " **differs**" : ""
            switch (r.relative, r.status) {
            case (_, .onlyInA): out += "| \(r.label) | only in A | | | |\n"
            case (_, .onlyInB): out += "| \(r.label) | only in B | | | |\n"
            case (let rel?, _):
                out += "| \(r.label) | \(NumberFormat.display(rel, digits: 3))\(flag)\(r.note.isEmpty ? "" : " (\(r.note))") | \(r.location) | "
                    + "\(r.a.map(NumberFormat.exact) ?? "") | \(r.b.map(NumberFormat.exact) ?? "") |\n"
            case (nil, _): out += "| \(r.label) | \(r.note.isEmpty ? "nothing to compare" : r.note)\(flag) | | | |\n"
            }
        }
        out += "\n\(report.compared) keys compared, \(report.differing) differ"
            + (report.steps.map { "; \($0)" } ?? "")
            + " (rtol \(NumberFormat.display(tolerance.relative, digits: 3)), atol \(NumberFormat.display(tolerance.absolute, digits: 3))).\n"
        StandardStreams.write(out)
        if report.differs { throw CLIError.checkFailed }
    }

    /// One line on what a file holds: its config, or its number of keys.
    static func describe(_ side: ComparisonSide) -> String {
        let keys = side.tensors.count + side.steps.count
        let steps = side.stepNumbers.count
        guard let c = side.config else { return "\(keys) keys, \(steps) steps, no config" }
        var parts: [String] = []
        for (k, symbol) in [("input", "X"), ("hidden", "H"), ("output", "K"), ("steps", "T")] {
            if let v = c[k]?.intValue { parts.append("\(symbol) = \(v)") }
        }
        for k in ["concat", "head", "loss"] { if let v = c[k]?.stringValue { parts.append(k == "head" ? "\(v) head" : v) } }
        return "\(keys) keys, \(steps) steps; " + parts.joined(separator: ", ")
    }
}

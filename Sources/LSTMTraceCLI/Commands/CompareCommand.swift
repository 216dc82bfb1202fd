import TraceLSTM

/// `lstm-trace compare A.json B.json`: the worst relative difference of every key.
enum CompareCommand: Command {
    static let spec = ModelSpecs.compare

    static func run(_ a: ParsedArguments) throws {
        let (pathA, pathB) = (try a.positional(0), try a.positional(1))
        let tolerance = try a.double("--tolerance", default: 1e-9, in: 0...1, describe: "a number from 0 to 1")
        let (jsonA, jsonB) = (try InputFile.json(pathA), try InputFile.json(pathB))
        for (path, json) in [(pathA, jsonA), (pathB, jsonB)] {
            guard case .object = json else { throw CLIError.badData(Text.notATrace(path, "not a JSON object")) }
            if let f = json["format"], f.stringValue != TraceJSON.format {
                throw CLIError.badData(Text.notATrace(path, "its format is \(JSONWriter.string(f).dropLast()), "
                                                      + "this version reads \"\(TraceJSON.format)\""))
            }
        }
        let rows = TraceComparison.compare(jsonA, jsonB)
        let compared = rows.filter { $0.relative != nil }
        if compared.isEmpty {
            throw CLIError.badData("'\(pathA)' and '\(pathB)' have no key of the trace format in common")
        }
        var out = "| key | worst relative difference | where | A | B |\n|---|---:|---|---:|---:|\n"
        for r in rows {
            if let rel = r.relative {
                let flag = rel > tolerance ? " **over**" : ""
                out += "| \(r.key) | \(NumberFormat.display(rel, digits: 3))\(flag) | \(r.location) | "
                    + "\(NumberFormat.exact(r.a)) | \(NumberFormat.exact(r.b)) |\n"
            } else {
                out += "| \(r.key) | \(r.note) | | | |\n"
            }
        }
        let over = compared.filter { $0.relative! > tolerance }
        out += "\n\(compared.count) keys compared, \(over.count) over the tolerance \(NumberFormat.display(tolerance, digits: 3)).\n"
        StandardStreams.write(out)
        if !over.isEmpty { throw CLIError.checkFailed }
    }
}

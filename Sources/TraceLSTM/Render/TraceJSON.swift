/// A trace as the spec's JSON (`"format": "lstm-trace/1"`), and back.
public enum TraceJSON {
    /// The format name and major version every trace file starts with.
    public static let format = "lstm-trace/1"

    /// The trace as a JSON value, keys in the spec's order.
    public static func value(_ trace: Trace) -> JSONValue {
        let head = trace.head
        var root: [(String, JSONValue)] = [("format", .string(format)), ("config", config(trace))]
        root.append(("parameters", parameters(trace.parameters, key: { $0.key(head: head) })))
        root.append(("forward", .array(trace.steps.map { step in
            .object([("t", .integer(step.t))] + trace.forwardQuantities.compactMap { q in
                guard let v = step.forward[q] else { return nil }
                return (q.key, q == .loss ? .number(v[0]) : .numbers(v))
            })
        })))
        root.append(("target", target(trace.target)))
        root.append(("loss", .number(trace.loss)))
        if let gradients = trace.gradients {
            root.append(("backward", .array(trace.steps.map { step in
                .object([("t", .integer(step.t))] + trace.backwardQuantities.compactMap { q in
                    step.backward[q].map { (q.key, .numbers($0)) }
                })
            })))
            root.append(("gradients", parameters(gradients, key: { $0.gradientKey(head: head) })))
        }
        if let clipped = trace.clippedGradients {
            root.append(("clipped", parameters(clipped, key: { $0.gradientKey(head: head) })))
        }
        return .object(root)
    }

    /// The trace's `config` object: the model's sizes and choices, then the run's settings.
    public static func config(_ trace: Trace) -> JSONValue {
        .object([
            ("input", .integer(trace.config.input)), ("hidden", .integer(trace.config.hidden)),
            ("output", .integer(trace.config.output)), ("steps", .integer(trace.steps.count)),
            ("concat", .string(trace.config.concat.rawValue)), ("head", .string(trace.head.rawValue)),
            ("loss", .string(trace.config.loss.rawValue)),
        ] + trace.settings)
    }

    /// The trace as JSON text.
    public static func string(_ trace: Trace) -> String { JSONWriter.string(value(trace)) }

    private static func parameters(_ p: ParameterSet, key: (ParameterName) -> String) -> JSONValue {
        .object(ParameterName.allCases.map { (key($0), .rows(p[$0])) })
    }

    private static func target(_ t: Target) -> JSONValue {
        switch t {
        case .last(let y): return .numbers(y)
        case .everyStep(let m): return .rows(m)
        case .classes(let c): return .array(c.map { .integer($0) })
        }
    }

    // MARK: Reading

    /// What each top-level section must be when it is present.
    private enum Kind {
        case object, array, number, string
        var name: String { self == .object ? "an object" : self == .array ? "an array" : self == .number ? "a number" : "a string" }
        func matches(_ v: JSONValue) -> Bool {
            switch (self, v) {
            case (.object, .object), (.array, .array), (.number, .number), (.number, .integer), (.string, .string): return true
            default: return false
            }
        }
    }

    private static let sectionKinds: [(String, Kind)] = [
        ("format", .string), ("config", .object), ("parameters", .object), ("forward", .array), ("target", .array),
        ("loss", .number), ("backward", .array), ("gradients", .object), ("clipped", .object),
    ]

    /// "a string", "an array of 3", … for messages about a value of the wrong type.
    private static func describe(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .number: return "a number"
        case .string: return "a string"
        case .array(let a): return a.isEmpty ? "an empty array" : "an array"
        case .object: return "an object"
        }
    }

    /// Why a JSON document is not a trace this version reads.
    public struct DecodeError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads a trace back (the inverse of `value(_:)`); refuses anything that is not one: a
    /// section of the wrong type is named, never taken for a missing one, and every array is
    /// checked against `config` before anything of the sizes `config` claims is allocated.
    public static func decode(_ json: JSONValue) throws -> Trace {
        func fail(_ s: String) -> DecodeError { DecodeError(description: s) }
        guard case .object = json else { throw fail("not a JSON object") }
        guard let name = json["format"]?.stringValue else { throw fail("no \"format\" key: not an lstm-trace file") }
        guard name == format else { throw fail("format \"\(name.prefix(40))\", this version reads \"\(format)\"") }
        for (key, kind) in sectionKinds {
            if let v = json[key], !kind.matches(v) { throw fail("\"\(key)\" is \(describe(v)); expected \(kind.name)") }
        }
        guard let c = json["config"] else { throw fail("no \"config\"") }
        func int(_ k: String) throws -> Int {
            guard let v = c[k]?.intValue, v > 0, v <= 1 << 24 else { throw fail("config.\(k) is not a positive integer") }
            return v
        }
        guard let concat = c["concat"]?.stringValue.flatMap(ConcatOrder.init(rawValue:)) else { throw fail("config.concat is not h-first or x-first") }
        guard let loss = c["loss"]?.stringValue.flatMap(LossKind.init(rawValue:)) else { throw fail("config.loss is not a known loss") }
        let config = LSTMConfiguration(input: try int("input"), hidden: try int("hidden"), output: try int("output"),
                                       concat: concat, loss: loss)
        let known: Set = ["input", "hidden", "output", "steps", "concat", "head", "loss"]
        let settings = (c.objectValue ?? []).filter { !known.contains($0.0) }

        func parameterSet(_ v: JSONValue?, gradient: Bool, label: String) throws -> ParameterSet? {
            guard let v else { return nil }
            // Every matrix is read and its shape checked first: the zeros of the sizes `config`
            // claims are allocated only once the file has shown that it holds that many numbers.
            var matrices: [Matrix] = []
            for name in ParameterName.allCases {
                let key = gradient ? name.gradientKey(head: config.head) : name.key(head: config.head)
                guard let entry = v[key] else { throw fail("\(label).\(key) is missing") }
                let shape = name.shape(config)
                guard let rows = entry.arrayValue, rows.count == shape.rows else { throw fail("\(label).\(key) is not \(shape.rows)×\(shape.cols)") }
                let m = try rows.map { r -> [Double] in
                    guard let row = r.numberArray, row.count == shape.cols else { throw fail("\(label).\(key) is not \(shape.rows)×\(shape.cols)") }
                    return row
                }
                matrices.append(Matrix(m))
            }
            var p = ParameterSet(zerosFor: config)
            for (name, m) in zip(ParameterName.allCases, matrices) { p[name] = m }
            return p
        }
        guard let parameters = try parameterSet(json["parameters"], gradient: false, label: "parameters") else {
            throw fail("no \"parameters\"")
        }
        guard let forward = json["forward"]?.arrayValue, !forward.isEmpty else { throw fail("no \"forward\" steps") }
        let backward = json["backward"]?.arrayValue
        if let backward, backward.count != forward.count { throw fail("\(forward.count) forward steps but \(backward.count) backward") }
        func length(_ q: Quantity) -> Int {
            switch q.symbol.size {
            case .input: return config.input
            case .hidden: return config.hidden
            case .concat: return config.concatSize
            case .output: return config.output
            case .scalar: return 1
            }
        }
        var steps: [TraceStep] = []
        for (k, f) in forward.enumerated() {
            guard case .object = f else { throw fail("forward[\(k)] is \(describe(f)); expected an object") }
            if let b = backward?[k], b.objectValue == nil { throw fail("backward[\(k)] is \(describe(b)); expected an object") }
            var step = TraceStep(t: k + 1, forward: [:], backward: [:])
            guard f["t"]?.intValue == k + 1 else { throw fail("forward step \(k + 1) has no matching \"t\"") }
            for q in Quantity.forwardOrder {
                if q == .loss, let v = f[q.key] {
                    guard let d = v.doubleValue else { throw fail("forward[\(k)].loss is \(describe(v)); expected a number") }
                    step.forward[q] = [d]
                } else if let v = f[q.key] {
                    guard let a = v.numberArray, a.count == length(q) else { throw fail("forward[\(k)].\(q.key) is not \(length(q)) numbers") }
                    step.forward[q] = a
                }
            }
            if let b = backward?[k] {
                for q in Quantity.backwardOrder {
                    if let v = b[q.key] {
                        guard let a = v.numberArray, a.count == length(q) else { throw fail("backward[\(k)].\(q.key) is not \(length(q)) numbers") }
                        step.backward[q] = a
                    }
                }
            }
            steps.append(step)
        }
        let target: Target
        switch loss {
        case .mseLast:
            guard let y = json["target"]?.numberArray, y.count == config.output else { throw fail("target is not \(config.output) numbers") }
            target = .last(y)
        case .mseAll:
            guard let rows = json["target"]?.arrayValue?.compactMap(\.numberArray), rows.count == steps.count,
                  rows.allSatisfy({ $0.count == config.output }) else { throw fail("target is not \(steps.count) rows of \(config.output)") }
            target = .everyStep(Matrix(rows))
        case .crossEntropy:
            guard let c = json["target"]?.arrayValue?.compactMap(\.intValue), c.count == steps.count,
                  c.allSatisfy({ (0..<config.output).contains($0) }) else { throw fail("target is not \(steps.count) class indices") }
            target = .classes(c)
        }
        guard let total = json["loss"]?.doubleValue else { throw fail("no \"loss\"") }  // (its type is checked above)
        return Trace(config: config, settings: settings, parameters: parameters, steps: steps, target: target,
                     loss: total, gradients: try parameterSet(json["gradients"], gradient: true, label: "gradients"),
                     clippedGradients: try parameterSet(json["clipped"], gradient: true, label: "clipped"))
    }
}

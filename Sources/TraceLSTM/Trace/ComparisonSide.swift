/// Why a file cannot be compared, in one line naming the key and what was expected (the
/// command line puts the file's path in front).
public struct ComparisonInputError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// One file of a comparison, whatever its layout, as arrays by trace key: whole arrays
/// (parameters, gradients, target, L) and per-step vectors by t.
///
/// Layouts read:
/// - the trace's JSON (`parameters`, `forward` and `backward` lists of steps, each with its
///   `t`, in any order, `target`, `loss`, `gradients`, `clipped`);
/// - flat JSON or `.npz`: one key per quantity, per-step ones stacked T × … (T × H or
///   T × H × 1), as `lstm-trace step --format npz` writes and a learner's numpy saves.
/// Names are read through `LearnerNames`; each array is converted once and kept once.
public struct ComparisonSide: Sendable {
    /// The file's `config` object, if it has one.
    public var config: JSONValue?
    /// Whole arrays: parameters, gradients, the target, L.
    public var tensors: [TraceKey: NumpyArray] = [:]
    /// Per-step vectors, by quantity and t.
    public var steps: [Quantity: [Int: NumpyArray]] = [:]
    /// Names read as another trace key, with that key.
    public var matched: [(name: String, key: TraceKey)] = []
    /// Names that are none of the trace's.
    public var ignored: [String] = []

    /// The steps this file has (the t of any per-step quantity), in order.
    public var stepNumbers: [Int] { Array(Set(steps.values.flatMap(\.keys))).sorted() }

    /// Whether the file has the key (at some step, for a per-step quantity).
    public func has(_ key: TraceKey) -> Bool {
        if case .quantity(let q) = key { return !(steps[q]?.isEmpty ?? true) }
        return tensors[key] != nil
    }

    /// The config's string value for `key` (`concat`, `head`, `loss`).
    public func setting(_ key: String) -> String? { config?[key]?.stringValue }

    // MARK: Reading

    /// A JSON file: the trace's layout, a flat one, or both mixed.
    public init(json: JSONValue) throws {
        guard case .object(let pairs) = json else { throw ComparisonInputError("the file is \(ArrayText.describe(json)), not a JSON object") }
        var names: [String: String] = [:]  // trace key's flat name → the name that gave it, for duplicates
        for (name, value) in pairs {
            switch name {
            case "format":
                try Self.checkFormat(value.stringValue, described: ArrayText.describe(value))
            case "config":
                guard case .object = value else { throw ComparisonInputError("config is \(ArrayText.describe(value)); expected an object") }
                config = value
            case "parameters", "gradients", "clipped":
                guard case .object(let members) = value else {
                    throw ComparisonInputError("\(name) is \(ArrayText.describe(value)); expected an object of arrays (\(name == "parameters" ? "\"W_f\"" : "\"dW_f\""): […], …)")
                }
                for (k, v) in members {
                    guard let p = Self.parameter(of: LearnerNames.resolve(k)) else {
                        ignored.append("\(name).\(k)")
                        continue
                    }
                    let key: TraceKey = name == "parameters" ? .parameter(p) : name == "gradients" ? .gradient(p) : .clipped(p)
                    let canonical = Head.allCases.contains { (name == "parameters" ? p.key(head: $0) : p.gradientKey(head: $0)) == k }
                    try store(key, try Self.array(v, "\(name).\(k)"), as: k, names: &names, canonical: canonical)
                }
            case "forward", "backward":
                guard case .array(let list) = value else {
                    throw ComparisonInputError("\(name) is \(ArrayText.describe(value)); expected an array of steps ({\"t\": 1, …}, …)")
                }
                guard !list.isEmpty else {
                    throw ComparisonInputError("\(name) is an empty list; expected one object per step ({\"t\": 1, …}, …)")
                }
                try readSteps(list, section: name, names: &names)
            default:
                guard let key = LearnerNames.resolve(name) else {
                    ignored.append(name)
                    continue
                }
                try storeFlat(key, try Self.array(value, name), as: name, names: &names)
            }
        }
    }

    /// An `.npz` (or any named arrays): flat layout, with `format` and `config` as strings.
    public init(npz members: [(key: String, item: NumpyItem)]) throws {
        var names: [String: String] = [:]
        for (name, item) in members {
            switch (name, item) {
            case ("format", .text(let s)): try Self.checkFormat(s, described: "a string")
            case ("config", .text(let s)):
                guard let c = try? JSONParser.parse(s), case .object = c else {
                    throw ComparisonInputError("config is not a JSON object in a string (as step --format npz writes it)")
                }
                config = c
            case (_, .text):
                throw ComparisonInputError("\(name) holds text; expected numbers")
            case (_, .numbers(let a)):
                guard let key = LearnerNames.resolve(name) else {
                    ignored.append(name)
                    continue
                }
                try storeFlat(key, a, as: name, names: &names)
            }
        }
    }

    private static func checkFormat(_ format: String?, described: String) throws {
        guard let format else { throw ComparisonInputError("format is \(described); expected the string \"\(TraceJSON.format)\"") }
        guard format == TraceJSON.format else {
            throw ComparisonInputError("its format is \"\(format)\", this version reads \"\(TraceJSON.format)\"")
        }
    }

    private static func parameter(of key: TraceKey?) -> ParameterName? {
        switch key {
        case .parameter(let p), .gradient(let p), .clipped(let p): return p
        default: return nil
        }
    }

    /// Whether a name is exactly one of the trace's own (not read through another name).
    static func isCanonical(_ name: String) -> Bool {
        guard let key = LearnerNames.resolve(name) else { return false }
        if case .quantity(let q) = key, q.key == name { return true }
        return Head.allCases.contains { key.flatName(head: $0) == name }
    }

    private static func array(_ v: JSONValue, _ name: String) throws -> NumpyArray {
        do { return try ArrayText.array(v) } catch let e as NumpyFileError {
            throw ComparisonInputError("\(name): \(e.description)")
        }
    }

    /// Keeps an array, refusing a second name for the same key.
    private mutating func store(_ key: TraceKey, _ a: NumpyArray, as name: String, names: inout [String: String], canonical: Bool) throws {
        let id = key.flatName(head: .linear)
        if let other = names[id] { throw ComparisonInputError("\(other) and \(name) both name \(id)") }
        names[id] = name
        if !canonical { matched.append((name, key)) }
        tensors[key] = a
    }

    /// A flat key: per-step quantities are stacked T × …, the first axis over t = 1 … T.
    private mutating func storeFlat(_ key: TraceKey, _ a: NumpyArray, as name: String, names: inout [String: String]) throws {
        guard case .quantity(let q) = key else {
            try store(key, a, as: name, names: &names, canonical: Self.isCanonical(name))
            return
        }
        let id = key.flatName(head: .linear)
        if let other = names[id] { throw ComparisonInputError("\(other) and \(name) both name \(id)") }
        names[id] = name
        guard let T = a.shape.first, T > 0 else {
            throw ComparisonInputError("\(name) is \(a.shape.isEmpty ? "a single number" : "empty"); expected one row per step (T × …)")
        }
        if !Self.isCanonical(name) { matched.append((name, key)) }
        var byStep: [Int: NumpyArray] = [:]
        for t in 1...T { byStep[t] = a.slice(t - 1) }
        steps[q] = byStep
    }

    /// The trace's `forward` or `backward` list: objects with a `t` each, in any order.
    private mutating func readSteps(_ list: [JSONValue], section: String, names: inout [String: String]) throws {
        var seen: [Quantity: String] = [:]
        for (k, step) in list.enumerated() {
            guard case .object(let pairs) = step else {
                throw ComparisonInputError("\(section)[\(k)] is \(ArrayText.describe(step)); expected a step object {\"t\": …, …}")
            }
            guard let t = step["t"]?.intValue, t >= 1 else {
                throw ComparisonInputError("\(section)[\(k)] has no \"t\" (a step number from 1)")
            }
            for (name, value) in pairs where name != "t" {
                guard case .quantity(let q)? = LearnerNames.resolve(name, inStep: true) else {
                    if !ignored.contains("\(section)[].\(name)") { ignored.append("\(section)[].\(name)") }
                    continue
                }
                if let other = seen[q], other != name { throw ComparisonInputError("\(other) and \(name) both name \(q.key) in \(section)") }
                if seen[q] == nil {
                    seen[q] = name
                    if name != q.key { matched.append((name, .quantity(q))) }
                }
                if let other = names[TraceKey.quantity(q).flatName(head: .linear)] {
                    throw ComparisonInputError("\(other) and \(section)[].\(name) both name \(q.key)")
                }
                guard steps[q]?[t] == nil else { throw ComparisonInputError("\(section) has two steps with t = \(t) holding \(q.key)") }
                steps[q, default: [:]][t] = try Self.array(value, "\(section)[t=\(t)].\(name)")
            }
        }
        for (q, name) in seen { names[TraceKey.quantity(q).flatName(head: .linear)] = "\(section)[].\(name)" }
    }
}

import Foundation
import TraceLSTM
import Testing

/// `compare` finds a learner's bug: the first quantity in the order of the computation that
/// differs, with its equation and which of its inputs agree; steps aligned by t; shapes, step
/// counts and configs checked; learner names read through the symbol table.
@Suite struct CompareCommandTests {
    /// A trace of the learner's model (Fixtures/own_model), as check_my_lstm.py makes it.
    static func learnerTrace(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("trace.json").path
        let r = try runTool(OwnModelTests.stepArguments(.hFirst, .mseAll, weights: "npz") + ["--format", "json", "-o", path])
        #expect(r.status == 0, "\(r.stderr)")
        return path
    }

    static func firstDifference(_ r: ToolResult) -> String {
        r.stdout.split(separator: "\n").first { $0.hasPrefix("first difference") || $0.hasPrefix("No difference") }.map(String.init) ?? ""
    }

    /// The learner's own intermediates (check_my_lstm.py: its code, its names) agree with the
    /// trace; with each planted bug, compare names the line the bug is on, at the right step
    /// (bugs.json: dC_prev without f at t = T, σ' as σ at da_o, t = T, the concat order swapped
    /// at z, t = 1, dh without dh_next at t = T − 1).
    @Test func namesTheFirstLineOfEachPlantedBug() throws {
        let dir = try temporaryFolder()
        let trace = try Self.learnerTrace(in: dir)
        let correct = try runTool(["compare", trace, ReferenceFiles.path("own_model/mine_correct.npz")])
        #expect(correct.status == 0, "\(correct.stdout)\(correct.stderr)")
        #expect(Self.firstDifference(correct) == "No difference: every key in both files agrees.")
        #expect(correct.stdout.contains("B: read Wf as W_f"), "\(correct.stdout.prefix(800))")
        #expect(correct.stdout.contains("combined as z, C_bar as C_tilde, Ct as C, hidden as h, dC_bar as dC_tilde"))
        let bugs = try #require(try ReferenceFiles.json("own_model/bugs.json")["bugs"]?.objectValue)
        #expect(bugs.count == 4)
        for (bug, expected) in bugs {
            let section = try #require(expected["section"]?.stringValue), t = try #require(expected["t"]?.intValue)
            let key = try #require(expected["key"]?.stringValue)
            let r = try runTool(["compare", trace, ReferenceFiles.path("own_model/mine_\(bug).npz")])
            #expect(r.status == 1, "\(bug): \(r.stderr)")
            let line = Self.firstDifference(r)
            #expect(line.hasPrefix("first difference: \(section) t = \(t), \(key)["), "\(bug): \(line)")
            #expect(line.hasSuffix("agree here, so this line is where the two computations part."), "\(bug): \(line)")
        }
        let dCPrev = Self.firstDifference(try runTool(["compare", trace, ReferenceFiles.path("own_model/mine_dC_prev_without_f.npz")]))
        #expect(dCPrev.contains("; dC_{t−1}⁽ᵗ⁾ = f_t ⊙ dC_t, and f_t and dC_t agree here"), "\(dCPrev)")
    }

    /// README's "Check your own LSTM" shows compare's line for a planted bug: it is the line
    /// compare prints for that file.
    @Test func readmeExcerptIsRealOutput() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let open = try #require(readme.range(of: "<!-- compare excerpt: "))
        let nameEnd = try #require(readme.range(of: " -->\n```\n", range: open.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "\n```\n<!-- end compare excerpt -->", range: nameEnd.upperBound..<readme.endIndex))
        let name = String(readme[open.upperBound..<nameEnd.lowerBound])
        let trace = try Self.learnerTrace(in: try temporaryFolder())
        let r = try runTool(["compare", trace, ReferenceFiles.path(name)])
        #expect(Self.firstDifference(r) == String(readme[nameEnd.upperBound..<end.lowerBound]))
    }

    /// Steps are matched by t, in whatever order a file lists them (a backward list written
    /// from t = T down is the same trace).
    @Test func alignsStepsByT() throws {
        let dir = try temporaryFolder()
        let a = dir.appendingPathComponent("a.json").path
        #expect(try runTool(["step", "--steps", "4", "--format", "json", "-o", a]).status == 0)
        var json = try JSONParser.parse(String(contentsOfFile: a, encoding: .utf8))
        for section in ["forward", "backward"] { json = json.replacing(section, with: .array(json[section]!.arrayValue!.reversed())) }
        let b = try write(json, "b.json", in: dir)
        let r = try runTool(["compare", a, b])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("0 differ"))
    }

    @Test func namesShapesAndStepCounts() throws {
        let dir = try temporaryFolder()
        let a = dir.appendingPathComponent("a.json").path, short = dir.appendingPathComponent("short.json").path
        // The same weights and target; the inputs drawn for 2 steps are the first 2 of those for 4.
        let w = dir.appendingPathComponent("w.npz").path, y = try write(.numbers([0.5, -1]), "y.json", in: dir)
        #expect(try runTool(["weights", "-o", w]).status == 0)
        #expect(try runTool(["step", "--weights", w, "--target", y, "--steps", "4", "--format", "json", "-o", a]).status == 0)
        #expect(try runTool(["step", "--weights", w, "--target", y, "--steps", "2", "--format", "json", "-o", short]).status == 0)
        let steps = try runTool(["compare", a, short])
        #expect(steps.status == 1)
        #expect(Self.firstDifference(steps).hasPrefix("first difference: A has 4 steps, B has 2;"), "\(steps.stdout.prefix(500))")

        // W_f transposed: named with both shapes, before anything computed from it.
        let json = try JSONParser.parse(String(contentsOfFile: a, encoding: .utf8))
        let wf = try #require(json["parameters"]?["W_f"]?.arrayValue).map { $0.numberArray! }
        let transposed = JSONValue.array((0..<wf[0].count).map { c in .numbers(wf.map { $0[c] }) })
        let b = try write(json.replacing("parameters", with: json["parameters"]!.replacing("W_f", with: transposed)), "b.json", in: dir)
        let shape = try runTool(["compare", a, b])
        #expect(shape.status == 1)
        #expect(Self.firstDifference(shape) == "first difference: parameters, W_f: 5 × 8 in A, 8 × 5 in B.", "\(shape.stdout.prefix(500))")
        #expect(shape.stdout.contains("| parameters.W_f | 5 × 8 in A, 8 × 5 in B **differs** |"))
    }

    @Test func warnsWhenTheConfigsDiffer() throws {
        let dir = try temporaryFolder()
        let a = dir.appendingPathComponent("a.json").path, b = dir.appendingPathComponent("b.json").path
        #expect(try runTool(["step", "--steps", "2", "--format", "json", "-o", a]).status == 0)
        #expect(try runTool(["step", "--steps", "2", "--concat", "x-first", "--format", "json", "-o", b]).status == 0)
        let r = try runTool(["compare", a, b])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Warning: the concat orders differ: A's is h-first, B's is x-first."), "\(r.stdout.prefix(600))")
        // The same draws give the same H × Z matrices in either order, so the first quantity to
        // differ is z at t = 1, which puts h_0 and x_1 the other way round.
        #expect(Self.firstDifference(r).hasPrefix("first difference: forward t = 1, z["), "\(Self.firstDifference(r))")
    }

    /// --rtol is relative to the larger magnitude of each vector; --atol is a floor under it.
    @Test func relativeAndAbsoluteTolerances() throws {
        let dir = try temporaryFolder()
        let zero = try write(.object([("target", .numbers([0, 1]))]), "zero.json", in: dir)
        let tiny = try write(.object([("target", .numbers([1e-20, 1]))]), "tiny.json", in: dir)
        #expect(try runTool(["compare", zero, tiny]).status == 0, "1e-20 beside 1 is within rtol of the vector's scale")
        let zeros = try write(.object([("loss", .number(0))]), "z.json", in: dir)
        let tinyLoss = try write(.object([("loss", .number(1e-20))]), "t.json", in: dir)
        #expect(try runTool(["compare", zeros, tinyLoss]).status == 1, "0 against 1e-20 alone is a relative difference of 1")
        #expect(try runTool(["compare", zeros, tinyLoss, "--atol", "1e-15"]).status == 0)
        let near = try write(.object([("loss", .number(1 + 1e-7))]), "n.json", in: dir)
        let one = try write(.object([("loss", .number(1))]), "o.json", in: dir)
        #expect(try runTool(["compare", one, near]).status == 1)
        #expect(try runTool(["compare", one, near, "--rtol", "1e-6"]).status == 0)
        assertError(try runTool(["compare", one, near, "--atol", "-1"]), status: 64, contains: "'--atol <a>'")
    }

    /// NaN (null in JSON) never equals a number; NaN equals NaN, as both runs failed alike.
    @Test func nanAndInfinity() throws {
        let dir = try temporaryFolder()
        let null = try write(.object([("target", .array([.null, .number(1)]))]), "null.json", in: dir)
        let number = try write(.object([("target", .numbers([0, 1]))]), "number.json", in: dir)
        #expect(try runTool(["compare", null, number]).status == 1)
        #expect(try runTool(["compare", null, null]).status == 0)
        #expect(try runTool(["compare", null, number, "--atol", "1e100"]).status == 1, "no floor makes NaN a number")
    }

    /// A learner's flat JSON (their names, T × H × 1 arrays) reads like their .npz.
    @Test func readsFlatJSONWithLearnerNames() throws {
        let dir = try temporaryFolder()
        let a = dir.appendingPathComponent("a.json").path
        #expect(try runTool(["step", "--steps", "3", "--format", "json", "-o", a]).status == 0)
        let json = try JSONParser.parse(String(contentsOfFile: a, encoding: .utf8))
        let steps = try #require(json["forward"]?.arrayValue)
        func stacked(_ key: String) -> JSONValue { .array(steps.map { .array($0[key]!.numberArray!.map { .array([.number($0)]) }) }) }
        let mine = try write(.object([("C_bar", stacked("C_tilde")), ("Ct", stacked("C")), ("hidden", stacked("h")),
                                       ("Wf", json["parameters"]!["W_f"]!), ("my_notes", .string("ignored"))]), "mine.json", in: dir)
        let r = try runTool(["compare", a, mine])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("B: read C_bar as C_tilde, Ct as C, hidden as h, Wf as W_f"), "\(r.stdout.prefix(600))")
        #expect(r.stdout.contains("B: ignored my_notes (none of the trace's names)"))
        #expect(r.stdout.contains("4 keys compared, 0 differ"), "\(r.stdout.suffix(300))")
    }

    /// A learner's h list that starts with h_0 has one step too many: compare names that list by
    /// the learner's name and says why; the notebook's `dC_next` is left unread with a reason.
    @Test func namesTheListWithAnExtraStep() throws {
        let dir = try temporaryFolder()
        let a = dir.appendingPathComponent("a.json").path
        #expect(try runTool(["step", "--steps", "3", "--format", "json", "-o", a]).status == 0)
        let json = try JSONParser.parse(String(contentsOfFile: a, encoding: .utf8))
        func rows(_ section: String, _ key: String) throws -> [JSONValue] {
            try #require(json[section]?.arrayValue).map { $0[key]! }
        }
        let withH0 = try write(.object([("hidden", .array([.numbers([Double](repeating: 0, count: 5))] + rows("forward", "h")))]), "h0.json", in: dir)
        let r = try runTool(["compare", a, withH0])
        #expect(r.status == 1)
        #expect(Self.firstDifference(r).hasPrefix("first difference: A has 3 steps, B has 4: B's hidden (h) has 4, A's 3; a list that starts with h_0"),
                "\(r.stdout.prefix(500))")
        // Beside a list of the right length, the list with a row too many is named.
        let extraRow = try write(.object([("ft", .array(try rows("forward", "f"))), ("it", .array(try rows("forward", "i") + [.numbers([0, 0, 0, 0, 0])]))]),
                                 "extra.json", in: dir)
        let e = try runTool(["compare", a, extraRow])
        #expect(Self.firstDifference(e) == "first difference: A has 3 steps, B has 4: B's it (i) has 4, A's 3; the two files are not runs of the same sequence.",
                "\(e.stdout.prefix(500))")
        // The notebook's dC_next names two things one step apart: not guessed, and said why.
        let next = try write(.object([("dC_next", .array(try rows("backward", "dC_prev"))), ("hidden", .array(try rows("forward", "h")))]),
                             "next.json", in: dir)
        let n = try runTool(["compare", a, next])
        #expect(n.status == 0 && n.stdout.contains("B: dC_next is what step t receives and, in the notebook, also what it returns: "
                                                   + "save what backward returns at step t as dC_prev"), "\(n.stdout.prefix(500))")
        let only = try write(.object([("dC_next", .array(try rows("backward", "dC_prev")))]), "only.json", in: dir)
        assertError(try runTool(["compare", a, only]), status: 65, contains: "save what backward returns at step t as dC_prev")
    }
}

/// Writes a JSON value to `name` in `dir`; returns its path.
func write(_ value: JSONValue, _ name: String, in dir: URL) throws -> String {
    let path = dir.appendingPathComponent(name).path
    try JSONWriter.string(value).write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

extension JSONValue {
    /// The object with `key`'s value replaced.
    func replacing(_ key: String, with value: JSONValue) -> JSONValue {
        guard case .object(let pairs) = self else { return self }
        return .object(pairs.map { $0.0 == key ? ($0.0, value) : $0 })
    }
}

import Foundation
import TraceLSTM
import Testing

/// `lstm-trace weights` and `step --format npz`: what they write reads back as the trace's own
/// numbers, bit for bit, in either layout.
@Suite struct WeightsCommandTests {
    @Test func oursRoundTripsThroughWeights() throws {
        let dir = try temporaryFolder()
        let trace = dir.appendingPathComponent("t.json").path
        #expect(try runTool(["step", "--steps", "3", "--concat", "x-first", "--format", "json", "-o", trace]).status == 0)
        for name in ["w.npz", "w.json"] {
            let w = dir.appendingPathComponent(name).path
            let r = try runTool(["weights", "--steps", "3", "--concat", "x-first", "-o", w])
            #expect(r.status == 0, "\(r.stderr)")
            let back = dir.appendingPathComponent("back.json").path
            #expect(try runTool(["step", "--steps", "3", "--concat", "x-first", "--weights", w, "--format", "json", "-o", back]).status == 0)
            let (a, b) = (try ReferenceFiles.trace(trace), try ReferenceFiles.trace(back))
            expectIdentical(b.parameters.values, a.parameters.values, "\(name)")
            #expect(a.steps == b.steps && a.loss == b.loss && a.gradients == b.gradients, "\(name): the same run")
        }
        let npz = ReferenceFiles.arrays(try NPZ.read(Array(try Data(contentsOf: dir.appendingPathComponent("w.npz")))))
        #expect(npz["W_f"]?.shape == [5, 8] && npz["b_f"]?.shape == [5, 1] && npz["W_y"]?.shape == [2, 5])
    }

    /// PyTorch's layout: the gate blocks in the order i, f, g, o; W_hh the h-columns, W_ih the
    /// x-columns; the biases as b_ih = b, b_hh = 0; and, for gradients, each bias gradient db.
    @Test func pytorchLayoutHoldsTheBlocks() throws {
        let dir = try temporaryFolder()
        let trace = dir.appendingPathComponent("t.json").path, w = dir.appendingPathComponent("w.json").path
        let g = dir.appendingPathComponent("g.npz").path
        #expect(try runTool(["step", "--steps", "2", "--forget-bias", "1", "--format", "json", "-o", trace]).status == 0)
        #expect(try runTool(["weights", "--from", trace, "--layout", "pytorch", "-o", w]).status == 0)
        #expect(try runTool(["weights", "--from", trace, "--layout", "pytorch", "--gradients", "-o", g]).status == 0)
        let t = try ReferenceFiles.trace(trace)
        let json = try JSONParser.parse(String(contentsOfFile: w, encoding: .utf8))
        let wih = try #require(json["lstm.weight_ih_l0"]?.arrayValue).map { $0.numberArray! }
        let whh = try #require(json["lstm.weight_hh_l0"]?.arrayValue).map { $0.numberArray! }
        let (H, X) = (5, 3)
        #expect(wih.count == 4 * H && wih[0].count == X && whh.count == 4 * H && whh[0].count == H)
        for (block, name) in [ParameterName.wi, .wf, .wc, .wo].enumerated() {
            let m = t.parameters[name]
            for r in 0..<H {
                #expect(whh[block * H + r] == Array(m.row(r)[0..<H]), "\(name) h-columns, row \(r)")
                #expect(wih[block * H + r] == Array(m.row(r)[H...]), "\(name) x-columns, row \(r)")
            }
        }
        let bih = try #require(json["lstm.bias_ih_l0"]?.numberArray), bhh = try #require(json["lstm.bias_hh_l0"]?.numberArray)
        #expect(Array(bih[H..<(2 * H)]) == [Double](repeating: 1, count: H), "b_f (--forget-bias 1) is the second block")
        #expect(bhh == [Double](repeating: 0, count: 4 * H))
        let grads = ReferenceFiles.arrays(try NPZ.read(Array(try Data(contentsOf: URL(fileURLWithPath: g)))))
        let db = [ParameterName.bi, .bf, .bc, .bo].flatMap { t.gradients![$0].storage }
        #expect(grads["lstm.bias_ih_l0"]?.values == db && grads["lstm.bias_hh_l0"]?.values == db,
                "each of PyTorch's two bias gradients is db, not half of it")
    }

    /// A state_dict with its own module names (rnn, fc) gets its parameters and gradients back
    /// under those names, from --weights and from a trace of it: a newcomer's `fc.weight` came
    /// back as `head.weight`, which `load_state_dict` refuses.
    @Test func pytorchKeepsTheModuleNames() throws {
        let dir = try temporaryFolder()
        let drawn = dir.appendingPathComponent("drawn.json").path, own = dir.appendingPathComponent("own.json").path
        #expect(try runTool(["weights", "--layout", "pytorch", "-o", drawn]).status == 0)
        guard case .object(let entries) = try JSONParser.parse(String(contentsOfFile: drawn, encoding: .utf8)) else {
            Issue.record("weights -o drawn.json is not an object"); return
        }
        func renamed(_ key: String) -> String {
            key.replacingOccurrences(of: "lstm.", with: "rnn.").replacingOccurrences(of: "head.", with: "fc.")
        }
        try JSONWriter.string(.object(entries.map { (renamed($0.0), $0.1) })).write(toFile: own, atomically: true, encoding: .utf8)
        let expected = entries.map { renamed($0.0) }
        #expect(expected.contains("fc.weight") && expected.contains("rnn.weight_ih_l0"))
        let trace = dir.appendingPathComponent("t.json").path
        #expect(try runTool(["step", "--weights", own, "--format", "json", "-o", trace]).status == 0)
        for (label, args) in [("--weights", ["--weights", own]), ("--from", ["--from", trace]), ("--from --gradients", ["--from", trace, "--gradients"])] {
            let out = dir.appendingPathComponent("out.npz").path
            let r = try runTool(["weights"] + args + ["--layout", "pytorch", "-o", out])
            #expect(r.status == 0, "\(label): \(r.stderr)")
            let names = try NPZ.read(Array(try Data(contentsOf: URL(fileURLWithPath: out)))).map(\.key)
            #expect(names == expected, "\(label) writes the state_dict's own keys")
        }
    }

    @Test func stepWritesNpz() throws {
        let dir = try temporaryFolder()
        let npz = dir.appendingPathComponent("t.npz").path, json = dir.appendingPathComponent("t.json").path
        let args = ["step", "--steps", "4", "--loss", "cross-entropy", "--output", "3"]
        #expect(try runTool(args + ["--format", "npz", "-o", npz]).status == 0)
        #expect(try runTool(args + ["--format", "json", "-o", json]).status == 0)
        let members = try NPZ.read(Array(try Data(contentsOf: URL(fileURLWithPath: npz))))
        let arrays = ReferenceFiles.arrays(members)
        let trace = try ReferenceFiles.trace(json)
        #expect(members.first?.item == .text(TraceJSON.format))
        for q in trace.forwardQuantities + trace.backwardQuantities {
            let key = TraceKey.quantity(q).flatName(head: trace.head)
            let a = try #require(arrays[key], "\(key)")
            #expect(a.shape.first == 4 && a.values == trace.steps.flatMap { $0[q]! }, "\(key): T × … stacked")
        }
        guard case .classes(let classes) = trace.target else {
            Issue.record("a cross-entropy trace has class targets")
            return
        }
        #expect(arrays["target"]?.shape == [4] && arrays["target"]?.values == classes.map(Double.init))
        #expect(arrays["loss"]?.shape == [] && arrays["loss"]?.values == [trace.loss])
        #expect(arrays["dW_v"]?.values == trace.gradients?[.wy].storage)
        assertError(try runTool(args + ["--format", "npz"]), status: 64, contains: "--format npz writes a binary file: give -o FILE.npz.")
    }

    @Test func refusals() throws {
        let dir = try temporaryFolder()
        assertError(try runTool(["weights"]), status: 64, contains: "Missing expected argument '-o <file>'")
        assertError(try runTool(["weights", "-o", dir.appendingPathComponent("w.txt").path]), status: 64,
                    contains: "expected a name ending in .npz or .json")
        let trace = dir.appendingPathComponent("t.json").path
        #expect(try runTool(["step", "--no-backward", "--format", "json", "-o", trace]).status == 0)
        assertError(try runTool(["weights", "--from", trace, "--gradients", "-o", dir.appendingPathComponent("g.npz").path]),
                    status: 65, contains: "has no gradients")
        assertError(try runTool(["weights", "--from", trace, "--hidden", "4", "-o", dir.appendingPathComponent("g.npz").path]),
                    status: 64, contains: "--hidden describes a model to trace")
    }
}

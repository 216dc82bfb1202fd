import Foundation
import TraceLSTM
import Testing

/// `step --weights --inputs --target --h0 --c0` on a learner's own model (Fixtures/own_model:
/// weights drawn with numpy's default_rng, non-zero biases, a given h0 and C0), as .npz and as
/// JSON, in both concat orders and with all three losses.
///
/// The trace must hold exactly the numbers given, and agree with lstm_reference.py run on them
/// in 80-bit longdouble (reference.json, check_own_weights.py --fixture): forward values within
/// 1e-12 and gradients within 1e-10, normwise relative, the bars of StepFixtureTests (float64
/// lands about 1e-15 from the reference here, as check_own_weights.py prints).
@Suite struct OwnModelTests {
    static let losses: [LossKind] = [.mseLast, .mseAll, .crossEntropy]
    static let targets: [LossKind: String] = [.mseLast: "target_last.npy", .mseAll: "target.csv", .crossEntropy: "target_classes.json"]

    static func stepArguments(_ concat: ConcatOrder, _ loss: LossKind, weights format: String) -> [String] {
        let f = { ReferenceFiles.path("own_model/" + $0) }
        return ["step", "--weights", f((loss == .crossEntropy ? "weights_softmax." : "weights.") + format),
                "--inputs", f("inputs.npy"), "--target", f(targets[loss]!), "--h0", f("h0.npy"), "--c0", f("c0.json"),
                "--concat", concat.rawValue, "--loss", loss.rawValue]
    }

    @Test func traceHoldsTheGivenNumbersAndAgreesWithNumpy() throws {
        let references = try #require(try ReferenceFiles.json("own_model/reference.json")["traces"]?.arrayValue)
        #expect(references.count == 6)
        let given = ReferenceFiles.arrays(try NPZ.read(Array(try Data(contentsOf: ReferenceFiles.directory.appendingPathComponent("own_model/weights.npz")))))
        let inputs = try #require(try NPY.read(Array(try Data(contentsOf: ReferenceFiles.directory.appendingPathComponent("own_model/inputs.npy"))))
                                    .numbersOrNil)
        let h0 = try #require(try NPY.read(Array(try Data(contentsOf: ReferenceFiles.directory.appendingPathComponent("own_model/h0.npy")))).numbersOrNil)
        let c0 = try ArrayText.array(JSONParser.parse(String(contentsOfFile: ReferenceFiles.path("own_model/c0.json"), encoding: .utf8)))
        let dir = try temporaryFolder()
        var checked = 0
        for json in references {
            let expected = try TraceJSON.decode(json)
            let c = expected.config
            for format in ["npz", "json"] {
                let label = "\(c.concat.rawValue) \(c.loss.rawValue) weights.\(format)"
                let path = dir.appendingPathComponent("t.json").path
                let r = try runTool(Self.stepArguments(c.concat, c.loss, weights: format) + ["--format", "json", "-o", path])
                #expect(r.status == 0, "\(label): \(r.stderr)")
                let trace = try ReferenceFiles.trace(path)
                // Exactly the numbers given, bit for bit (W_y is read as W_v under cross-entropy).
                for name in ParameterName.allCases {
                    let a = try #require(given[name.key(head: .linear)])
                    expectIdentical(trace.parameters[name].storage, a.values, "\(label): \(name.key(head: .linear))")
                }
                expectIdentical(trace.steps.flatMap { $0.forward[.x]! }, inputs.values, "\(label): x")
                expectIdentical(trace.steps[0].forward[.hPrev]!, h0.values, "\(label): h0")
                expectIdentical(trace.steps[0].forward[.cPrev]!, c0.values, "\(label): C0")
                #expect(trace.target == expected.target, "\(label): target")
                // Against the 80-bit reference.
                for (a, e) in zip(trace.steps, expected.steps) {
                    for q in trace.forwardQuantities where e.forward[q] != nil {
                        expectClose(try #require(a.forward[q]), e.forward[q]!, 1e-12, "\(label) \(q.key)_\(e.t)")
                    }
                    for q in trace.backwardQuantities {
                        expectClose(try #require(a.backward[q]), try #require(e.backward[q]), 1e-10, "\(label) \(q.key)_\(e.t)")
                    }
                }
                expectClose([trace.loss], [expected.loss], 1e-12, "\(label) loss")
                for name in ParameterName.allCases {
                    expectClose(try #require(trace.gradients)[name].storage, try #require(expected.gradients)[name].storage, 1e-10,
                                "\(label) \(name.gradientKey(head: c.head))")
                }
                checked += 1
            }
        }
        #expect(checked == 12)
    }

    /// The trace says where its numbers came from, and draws nothing it was given.
    @Test func traceRecordsItsSources() throws {
        let r = try runTool(Self.stepArguments(.hFirst, .mseAll, weights: "npz") + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let config = try #require(try JSONParser.parse(r.stdout)["config"])
        #expect(config["weights"]?.stringValue == ReferenceFiles.path("own_model/weights.npz"))
        #expect(config["weights_layout"]?.stringValue == "ours")
        #expect(config["inputs"]?.stringValue == ReferenceFiles.path("own_model/inputs.npy"))
        #expect(config["seed"] == nil && config["init"] == nil, "nothing was drawn")
        // Only the inputs given: the weights and target are drawn, as without --inputs.
        let drawn = try JSONParser.parse(try runTool(["step", "--input", "3", "--steps", "6", "--format", "json"]).stdout)
        let mixed = try JSONParser.parse(try runTool(["step", "--inputs", ReferenceFiles.path("own_model/inputs.npy"), "--format", "json"]).stdout)
        #expect(mixed["parameters"] == drawn["parameters"] && mixed["target"] == drawn["target"])
        #expect(mixed["config"]?["seed"]?.intValue == 0 && mixed["config"]?["init"]?.stringValue == "tutorial")
        #expect(mixed["forward"] != drawn["forward"])
    }

    @Test func gradcheckAndHtmlTakeTheSameFiles() throws {
        let g = try runTool(["gradcheck"] + Self.stepArguments(.xFirst, .crossEntropy, weights: "json").dropFirst() + ["--format", "json"])
        #expect(g.status == 0, "\(g.stderr)")
        #expect(try JSONParser.parse(g.stdout)["status"]?.stringValue == "OK", "\(g.stdout.prefix(400))")
        let dir = try temporaryFolder()
        let page = dir.appendingPathComponent("p.html").path
        let h = try runTool(["html"] + Self.stepArguments(.hFirst, .mseLast, weights: "npz").dropFirst() + ["-o", page])
        #expect(h.status == 0, "\(h.stderr)")
        let trace = dir.appendingPathComponent("t.json").path
        #expect(try runTool(Self.stepArguments(.hFirst, .mseLast, weights: "npz") + ["--format", "json", "-o", trace]).status == 0)
        assertError(try runTool(["html", "--from", trace, "--weights", ReferenceFiles.path("own_model/weights.npz")]), status: 64,
                    contains: "--weights describes a model to trace; with --from the trace file describes it.")
    }

    /// PyTorch's biases are summed, and the trace says so.
    @Test func pytorchWeightsShowTheirBiasesSummed() throws {
        let r = try runTool(["step", "--weights", ReferenceFiles.path("pytorch/state_dict.npz"), "--steps", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("weights_layout pytorch; biases b = b_ih + b_hh"), "\(r.stdout.prefix(600))")
        let sd = try ReferenceFiles.npz("pytorch/state_dict.npz")
        let trace = try JSONParser.parse(try runTool(["step", "--weights", ReferenceFiles.path("pytorch/state_dict.npz"), "--format", "json"]).stdout)
        let bf = try #require(trace["parameters"]?["b_f"]?.arrayValue).compactMap { $0.numberArray?.first }
        let (bih, bhh) = (try #require(sd["lstm.bias_ih_l0"]).values, try #require(sd["lstm.bias_hh_l0"]).values)
        #expect(bf == (6..<12).map { bih[$0] + bhh[$0] }, "b_f is PyTorch's f block (the second of i, f, g, o) of b_ih + b_hh")
    }
}

extension NumpyItem {
    var numbersOrNil: NumpyArray? {
        if case .numbers(let a) = self { return a }
        return nil
    }
}

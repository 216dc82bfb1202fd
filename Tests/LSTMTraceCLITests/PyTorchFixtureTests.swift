import Foundation
import TraceLSTM
import Testing

/// A PyTorch model traced with `--weights` (Fixtures/pytorch, written by
/// Examples/python/pytorch_fixture.py with torch: nn.LSTM(4, 6) + nn.Linear(6, 3) with PyTorch's
/// own initialisation in float64, its state_dict saved with np.savez, a given h0 and c0).
///
/// lstm-trace must agree with torch's own h_t, C_t, y_t, loss and every .grad: forward within
/// 1e-12, gradients within 1e-10, normwise relative. Both are float64 programs; the script
/// measured them about 4e-16 apart, so the bars leave three orders of magnitude for rounding
/// and none for a mistake in the layout (a swapped gate block moves values by 1e-2 or more).
@Suite struct PyTorchFixtureTests {
    static func f(_ name: String) -> String { ReferenceFiles.path("pytorch/" + name) }

    static func trace(_ loss: String, concat: String = "h-first", in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("\(loss)-\(concat).json").path
        let r = try runTool(["step", "--weights", f("state_dict.npz"), "--inputs", f("inputs.npy"), "--h0", f("h0.npy"),
                             "--c0", f("c0.npy"), "--target", f("target_\(loss).npy"), "--loss", loss, "--concat", concat,
                             "--format", "json", "-o", path])
        #expect(r.status == 0, "\(loss): \(r.stderr)")
        return path
    }

    @Test(arguments: ["mse-last", "mse-all", "cross-entropy"])
    func agreesWithTorch(_ loss: String) throws {
        let dir = try temporaryFolder()
        let torch = try ReferenceFiles.npz("pytorch/torch_\(loss).npz")
        for concat in ["h-first", "x-first"] {
            let path = try Self.trace(loss, concat: concat, in: dir)
            let trace = try ReferenceFiles.trace(path)
            let label = "\(loss) \(concat)"
            #expect(trace.config.input == 4 && trace.config.hidden == 6 && trace.config.output == 3 && trace.steps.count == 5)
            var quantities: [(Quantity, String)] = [(.h, "h"), (.c, "C"), (.y, "y")]
            if loss == "cross-entropy" { quantities.append((.v, "v")) }
            for (q, key) in quantities {
                expectClose(trace.steps.flatMap { $0.forward[q]! }, try #require(torch[key]).values, 1e-12, "\(label) \(key)")
            }
            expectClose([trace.loss], try #require(torch["loss"]).values, 1e-12, "\(label) loss")
            // The gradients in PyTorch's layout: each state_dict key's .grad.
            let grads = dir.appendingPathComponent("grads.npz").path
            let w = try runTool(["weights", "--from", path, "--gradients", "--layout", "pytorch", "-o", grads])
            #expect(w.status == 0, "\(w.stderr)")
            let ours = ReferenceFiles.arrays(try NPZ.read(Array(try Data(contentsOf: URL(fileURLWithPath: grads)))))
            let keys = ["lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0", "lstm.bias_hh_l0", "head.weight", "head.bias"]
            #expect(Set(ours.keys) == Set(keys))
            for key in keys {
                let theirs = try #require(torch["grad." + key], "torch's .grad of \(key)")
                let mine = try #require(ours[key])
                #expect(mine.shape == theirs.shape, "\(label) \(key): shape")
                expectClose(mine.values, theirs.values, 1e-10, "\(label) grad \(key)")
            }
        }
    }
}

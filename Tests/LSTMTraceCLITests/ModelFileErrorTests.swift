import Foundation
import TraceLSTM
import Testing

/// Bad model files: one line on stderr naming the file, the key and the shape expected, and
/// exit 65 (64 where an option disagrees with a file). Files numpy wrote come from
/// Fixtures/arrays (make_array_fixtures.py); the rest are written here with lstm-trace's codec.
@Suite struct ModelFileErrorTests {
    static let weights = ReferenceFiles.arrays(try! NPZ.read(Array(try! Data(contentsOf: ReferenceFiles.directory
        .appendingPathComponent("own_model/weights.npz")))))

    /// The learner's weights with some arrays changed (nil removes one), as an .npz.
    static func weightsFile(_ changes: [String: NumpyArray?], in dir: URL, name: String = "w.npz") throws -> String {
        var members: [(key: String, member: NPZ.Member)] = []
        for key in ["W_f", "b_f", "W_i", "b_i", "W_C", "b_C", "W_o", "b_o", "W_y", "b_y"] + changes.keys.sorted() where !members.contains(where: { $0.key == key }) {
            let a = changes.keys.contains(key) ? changes[key]! : weights[key]
            if let a { members.append((key, .numbers(a))) }
        }
        let path = dir.appendingPathComponent(name).path
        try Data(try NPZ.bytes(members)).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func weightsFiles() throws {
        let dir = try temporaryFolder()
        let missing = try Self.weightsFile(["b_i": nil], in: dir)
        assertError(try runTool(["step", "--weights", missing]), status: 65,
                    contains: "'\(missing)': b_i is missing; expected W_f, b_f, W_i, b_i, W_C, b_C, W_o, b_o, W_y, b_y")
        let unknown = try Self.weightsFile(["momentum": NumpyArray(vector: [1])], in: dir)
        assertError(try runTool(["step", "--weights", unknown]), status: 65, contains: "'\(unknown)': momentum is not a parameter")
        let wi = Self.weights["W_i"]!
        let transposed = NumpyArray(shape: [7, 4], values: (0..<28).map { wi.values[($0 % 4) * 7 + $0 / 4] })
        let shape = try Self.weightsFile(["W_i": transposed], in: dir)
        assertError(try runTool(["step", "--weights", shape]), status: 65,
                    contains: "'\(shape)': W_i has shape 7 × 4; expected 4 × 7, as H = 4, X = 3, K = 2 from W_f and W_y")
        var nan = Self.weights["W_f"]!
        nan.values[9] = .nan
        let bad = try Self.weightsFile(["W_f": nan], in: dir)
        assertError(try runTool(["step", "--weights", bad]), status: 65, contains: "'\(bad)': W_f[1][2] is nan; weights must be finite numbers")
        var inf = Self.weights["b_y"]!
        inf.values[1] = -.infinity
        let infinite = try Self.weightsFile(["b_y": inf], in: dir)
        assertError(try runTool(["step", "--weights", infinite]), status: 65, contains: "b_y[1][0] is -inf")
        let single = ReferenceFiles.path("arrays/f8.npy")
        assertError(try runTool(["step", "--weights", single]), status: 65, contains: "one array; weights are named arrays")
    }

    @Test func pytorchStateDicts() throws {
        let dir = try temporaryFolder()
        let sd = ReferenceFiles.arrays(try NPZ.read(Array(try Data(contentsOf: ReferenceFiles.directory.appendingPathComponent("pytorch/state_dict.npz")))))
        func file(_ changes: [String: NumpyArray?]) throws -> String {
            var members: [(key: String, member: NPZ.Member)] = []
            for (k, v) in sd.sorted(by: { $0.key < $1.key }) where !changes.keys.contains(k) { members.append((k, .numbers(v))) }
            for (k, v) in changes { if let v { members.append((k, .numbers(v))) } }
            let path = dir.appendingPathComponent("sd\(members.count)-\(changes.keys.sorted().joined()).npz").path
            try Data(try NPZ.bytes(members)).write(to: URL(fileURLWithPath: path))
            return path
        }
        assertError(try runTool(["step", "--weights", try file(["lstm.bias_hh_l0": nil])]), status: 65,
                    contains: "lstm.bias_hh_l0 is missing; expected 24 numbers beside the other bias")
        assertError(try runTool(["step", "--weights", try file(["lstm.weight_ih_l1": NumpyArray(shape: [24, 6], values: .init(repeating: 0, count: 144))])]),
                    status: 65, contains: "lstm.weight_ih_l1 belongs to a second layer; lstm-trace traces one layer")
        assertError(try runTool(["step", "--weights", try file(["head.bias": NumpyArray(vector: [0, 0])])]), status: 65,
                    contains: "head.bias has shape 2; expected K = 3 numbers")
        assertError(try runTool(["step", "--weights", try file(["head.weight": nil, "head.bias": nil])]), status: 65,
                    contains: "no output head: expected <name>.weight (K × 6) and <name>.bias (K)")
    }

    @Test func inputFiles() throws {
        let w = ReferenceFiles.path("own_model/weights.npz")
        let complex = ReferenceFiles.path("arrays/c16.npy")
        assertError(try runTool(["step", "--inputs", complex]), status: 65, contains: "'\(complex)': dtype '<c16' holds complex numbers")
        let inexact = ReferenceFiles.path("arrays/i8_inexact.npy")
        assertError(try runTool(["step", "--target", inexact]), status: 65, contains: "cannot be held exactly by a float64")
        let cut = ReferenceFiles.path("arrays/truncated.npy")
        assertError(try runTool(["step", "--inputs", cut]), status: 65, contains: "'\(cut)': shape 3 × 4 of <f8 needs 96 bytes of data")
        // f8.npy is 3 × 4 (T = 3, X = 4); the learner's weights have X = 3.
        let wide = ReferenceFiles.path("arrays/f8.npy")
        assertError(try runTool(["step", "--weights", w, "--inputs", wide]), status: 65,
                    contains: "'\(wide)': inputs has shape 3 × 4; expected T × 3 (X = 3 from W_f in '\(w)')")
        assertError(try runTool(["step", "--weights", w, "--h0", ReferenceFiles.path("own_model/inputs.npy")]), status: 65,
                    contains: "h0 has shape 6 × 3; expected 4 numbers")
        assertError(try runTool(["step", "--weights", w, "--target", ReferenceFiles.path("own_model/target.csv")]), status: 65,
                    contains: "target has shape 6 × 2; expected 2 numbers for mse-last (Y; one target per step is --loss mse-all)")
        assertError(try runTool(["step", "--weights", w, "--loss", "cross-entropy", "--target", ReferenceFiles.path("arrays/u1.npy")]),
                    status: 65, contains: "target[1] is 7.0; expected a class index, a whole number from 0 to 1 (K = 2 from W_y in '\(w)')")
        assertError(try runTool(["step", "--weights", w, "--hidden", "5"]), status: 64,
                    contains: "--hidden 5 disagrees with W_f in '\(w)', which gives H = 4. Leave --hidden out or make it 4.")
        assertError(try runTool(["step", "--weights", w, "--forget-bias", "1"]), status: 64, contains: "--forget-bias sets how the weights are drawn")
    }

    /// Fortran order and big-endian data are rearranged and converted, exactly; np.savez_compressed
    /// reads as np.savez does.
    @Test func convertsWhatNumpyWritesDifferently() throws {
        let expected = try #require(try ReferenceFiles.json("arrays/expected.json")["files"])
        for name in ["f8_fortran.npy", "f8_big_endian.npy", "f4.npy", "comma.csv"] {
            let r = try runTool(["step", "--inputs", ReferenceFiles.path("arrays/" + name), "--format", "json"])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            let x = try #require(try JSONParser.parse(r.stdout)["forward"]?.arrayValue).flatMap { $0["x"]!.numberArray! }
            #expect(x == expected[name]?["values"]?.numberArray, "\(name): numpy's own reading, bit for bit")
        }
        let plain = try runTool(["step", "--weights", ReferenceFiles.path("own_model/weights.npz"), "--format", "json"])
        let compressed = try runTool(["step", "--weights", ReferenceFiles.path("own_model/weights_compressed.npz"), "--format", "json"])
        #expect(compressed.status == 0, "\(compressed.stderr)")
        #expect(try JSONParser.parse(plain.stdout)["parameters"] == JSONParser.parse(compressed.stdout)["parameters"])
    }
}

import Foundation
import TraceLSTM
import Testing

/// The reference files that Examples/python writes into Tests/TraceLSTMTests/Fixtures, which
/// the command-line tests give to the built binary (own_model/: check_my_lstm.py and
/// check_own_weights.py; pytorch/: pytorch_fixture.py).
enum ReferenceFiles {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TraceLSTMTests/Fixtures")

    /// A fixture's path, for the command line.
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func json(_ name: String) throws -> JSONValue {
        try JSONParser.parse(bytes: Array(try Data(contentsOf: directory.appendingPathComponent(name))))
    }

    /// The arrays of an .npz fixture, by key (read with lstm-trace's codec, which
    /// NumpyCodecTests holds to numpy's own reading).
    static func npz(_ name: String) throws -> [String: NumpyArray] {
        try arrays(NPZ.read(Array(try Data(contentsOf: directory.appendingPathComponent(name)))))
    }

    static func arrays(_ members: [(key: String, item: NumpyItem)]) -> [String: NumpyArray] {
        var out: [String: NumpyArray] = [:]
        for (k, item) in members { if case .numbers(let a) = item { out[k] = a } }
        return out
    }

    /// A JSON trace the binary wrote.
    static func trace(_ path: String) throws -> Trace {
        try TraceJSON.decode(JSONParser.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
    }
}

/// Fails unless max_k |a_k − e_k| ≤ tolerance · max_k |e_k| (normwise relative, as
/// check_trace.py measures), naming the quantity, the worst index and both values.
func expectClose(_ actual: [Double], _ expected: [Double], _ tolerance: Double, _ name: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.count == expected.count else {
        Issue.record("\(name): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    let scale = expected.map(abs).max() ?? 0
    var worst = 0.0, at = 0
    for k in 0..<expected.count where !(abs(actual[k] - expected[k]) <= worst) {
        worst = abs(actual[k] - expected[k])
        at = k
    }
    if !(worst <= tolerance * scale) {
        Issue.record("\(name)[\(at)]: expected \(expected[at]), got \(actual[at]) (relative \(worst / scale) > \(tolerance))",
                     sourceLocation: sourceLocation)
    }
}

/// Fails unless the two are the same doubles bit for bit, naming the first entry that is not.
func expectIdentical(_ actual: [Double], _ expected: [Double], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.count == expected.count else {
        Issue.record("\(name): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    if let k = actual.indices.first(where: { actual[$0].bitPattern != expected[$0].bitPattern }) {
        Issue.record("\(name)[\(k)]: expected \(expected[k]), got \(actual[k]) (not bit-identical)", sourceLocation: sourceLocation)
    }
}

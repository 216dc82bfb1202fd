import Foundation
import TraceLSTM
import XCTest

/// Reads the reference fixtures that Examples/python/make_fixtures.py wrote.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func json(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONParser.parse(bytes: Array(data))
    }

    /// ../shared/data/shakespear.txt (or $TRACELSTM_SHAKESPEARE); the test is skipped when it is
    /// absent, unless $TRACELSTM_REQUIRE_DATA is set (CI sets it), which makes that a failure.
    static func shakespeare(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let env = ProcessInfo.processInfo.environment
        let url = env["TRACELSTM_SHAKESPEARE"].map(URL.init(fileURLWithPath:))
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("shared/data/shakespear.txt")
        if !FileManager.default.fileExists(atPath: url.path) {
            if env["TRACELSTM_REQUIRE_DATA"] != nil {
                XCTFail("the corpus is missing at \(url.path)", file: file, line: line)
            }
            throw XCTSkip("the corpus is not at \(url.path)")
        }
        return url
    }
}

/// Compares two vectors by the normwise relative error max_k |a_k − e_k| / max_k |e_k|, and
/// on failure names the quantity, the worst index, the expected and the actual value.
func assertClose(_ actual: [Double], _ expected: [Double], tolerance: Double, _ name: @autoclosure () -> String,
                 file: StaticString = #filePath, line: UInt = #line) {
    guard actual.count == expected.count else {
        XCTFail("\(name()): \(actual.count) values, expected \(expected.count)", file: file, line: line)
        return
    }
    var scale = 0.0, worst = 0.0, at = 0
    for k in 0..<expected.count {
        scale = max(scale, abs(expected[k]))
        let d = abs(actual[k] - expected[k])
        if d > worst || d.isNaN {
            worst = d
            at = k
        }
    }
    let rel = scale == 0 ? worst : worst / scale
    if !(rel <= tolerance) {
        XCTFail("\(name())[\(at)]: expected \(expected[at]), got \(actual[at]) (relative error \(rel) > \(tolerance))",
                file: file, line: line)
    }
}

/// Asserts two vectors are identical to the last bit.
func assertIdentical(_ actual: [Double], _ expected: [Double], _ name: @autoclosure () -> String,
                     file: StaticString = #filePath, line: UInt = #line) {
    guard actual.count == expected.count else {
        XCTFail("\(name()): \(actual.count) values, expected \(expected.count)", file: file, line: line)
        return
    }
    for k in 0..<expected.count where actual[k].bitPattern != expected[k].bitPattern {
        XCTFail("\(name())[\(k)]: expected \(expected[k]), got \(actual[k]) (not bit-identical)", file: file, line: line)
        return
    }
}

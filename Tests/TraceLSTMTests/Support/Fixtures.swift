import Foundation
import TraceLSTM
import Testing

/// Reads the reference fixtures that Examples/python/make_fixtures.py wrote.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func json(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONParser.parse(bytes: Array(data))
    }

    /// The repository's root folder.
    static let repository = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A JSON file of the repository, by its path from the root (the reference data that
    /// Examples/python writes).
    static func repositoryJSON(_ path: String) throws -> JSONValue {
        try JSONParser.parse(bytes: Array(Data(contentsOf: repository.appendingPathComponent(path))))
    }

    /// ../shared/data/shakespear.txt (or $TRACELSTM_SHAKESPEARE).
    static let shakespeareURL: URL = ProcessInfo.processInfo.environment["TRACELSTM_SHAKESPEARE"].map(URL.init(fileURLWithPath:))
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/data/shakespear.txt")

    /// Whether a test that needs the corpus runs: when the corpus is there, or when
    /// $TRACELSTM_REQUIRE_DATA is set (CI sets it), so that a missing corpus fails instead of
    /// skipping.
    static var shakespeareIsAvailable: Bool {
        FileManager.default.fileExists(atPath: shakespeareURL.path) || ProcessInfo.processInfo.environment["TRACELSTM_REQUIRE_DATA"] != nil
    }

    /// The corpus; records a failure and throws when it is missing.
    static func shakespeare(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(FileManager.default.fileExists(atPath: shakespeareURL.path),
                     "the corpus is missing at \(shakespeareURL.path)", sourceLocation: sourceLocation)
        return shakespeareURL
    }
}

/// Compares two vectors by the normwise relative error max_k |a_k − e_k| / max_k |e_k|, and
/// on failure names the quantity, the worst index, the expected and the actual value.
func assertClose(_ actual: [Double], _ expected: [Double], tolerance: Double, _ name: @autoclosure () -> String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.count == expected.count else {
        Issue.record("\(name()): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
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
        Issue.record("\(name())[\(at)]: expected \(expected[at]), got \(actual[at]) (relative error \(rel) > \(tolerance))", sourceLocation: sourceLocation)
    }
}

/// Asserts two vectors are identical to the last bit.
func assertIdentical(_ actual: [Double], _ expected: [Double], _ name: @autoclosure () -> String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.count == expected.count else {
        Issue.record("\(name()): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    for k in 0..<expected.count where actual[k].bitPattern != expected[k].bitPattern {
        Issue.record("\(name())[\(k)]: expected \(expected[k]), got \(actual[k]) (not bit-identical)", sourceLocation: sourceLocation)
        return
    }
}

import Foundation
import TraceLSTM
import Testing

/// `html --from` and the JSON reader under it: bad data is one line and exit 65, never an
/// abort, a trap, or a value taken for something it is not; memory grows with the file, by a
/// bounded amount per byte.
@Suite struct TraceInputTests {
    /// A trace of `step` with `edit` applied to its JSON object, written to a file.
    func trace(_ dir: URL, _ name: String, _ edit: (inout [(String, JSONValue)]) -> Void) throws -> String {
        let r = try runTool(["step", "--steps", "2", "--format", "json"])
        guard case .object(var pairs) = try JSONParser.parse(r.stdout) else { throw CLIFailure("not an object") }
        edit(&pairs)
        let path = dir.appendingPathComponent(name).path
        try JSONWriter.string(.object(pairs)).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func file(_ dir: URL, _ name: String, _ text: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    struct CLIFailure: Error { let text: String; init(_ t: String) { text = t } }

    /// A config claiming hidden 40,000 or 2^24 aborted allocating 51 GB.
    @Test func aConfigLargerThanItsArraysIsRefusedBeforeAllocating() throws {
        let dir = try temporaryFolder()
        for hidden in [40_000, 1 << 24] {
            let path = try trace(dir, "big-\(hidden).json") { pairs in
                guard let k = pairs.firstIndex(where: { $0.0 == "config" }), case .object(var c) = pairs[k].1 else { return }
                c[c.firstIndex { $0.0 == "hidden" }!].1 = .integer(hidden)
                pairs[k].1 = .object(c)
            }
            let r = try spawnTool(["html", "--from", path, "-o", dir.appendingPathComponent("x.html").path])
            #expect(r.status == 65, "exit \(String(describing: r.status)), signal \(String(describing: r.signal))")
            #expect(r.stderr.contains("parameters.W_f is not \(hidden)×"), "\(r.stderr)")
            #expect(r.peakBelow(200), "\(r.peakMegabytes) MB")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.html").path))
    }

    /// 1e400 was read as infinity and the page wrote the loss as null; `01` was accepted.
    @Test func numbersJSONDoesNotAllow() throws {
        let dir = try temporaryFolder()
        let good = try String(contentsOfFile: try trace(dir, "good.json") { _ in }, encoding: .utf8)
        let loss = try #require(good.range(of: "\"loss\": ", options: .backwards))
        let end = try #require(good[loss.upperBound...].firstIndex(where: { $0 == "," || $0 == "\n" }))
        for (number, message) in [("1e400", "a number out of float64's range"), ("-1e400", "a number out of float64's range"),
                                  ("01", "a number with a leading zero"), ("-007.5", "a number with a leading zero"),
                                  ("NaN", "expected a JSON value"), ("Infinity", "expected a JSON value")] {
            let path = try file(dir, "n.json", good.replacingCharacters(in: loss.upperBound..<end, with: number))
            assertError(try runTool(["html", "--from", path]), status: 65, contains: message)
        }
        // Small numbers round to zero or a subnormal, as float64 does: they are numbers.
        let tiny = try file(dir, "tiny.json", good.replacingCharacters(in: loss.upperBound..<end, with: "1e-400"))
        #expect(try runTool(["html", "--from", tiny, "-o", dir.appendingPathComponent("tiny.html").path]).status == 0)
    }

    /// A section of the wrong type was taken for a missing one (a trace without backward).
    @Test func aSectionOfTheWrongTypeIsNamed() throws {
        let dir = try temporaryFolder()
        let cases: [(String, JSONValue, String)] = [
            ("backward", .object([]), "\"backward\" is an object; expected an array"),
            ("gradients", .integer(5), "\"gradients\" is a number; expected an object"),
            ("clipped", .string("x"), "\"clipped\" is a string; expected an object"),
            ("loss", .string("4.3"), "\"loss\" is a string; expected a number"),
            ("target", .object([]), "\"target\" is an object; expected an array"),
            ("forward", .array([.integer(1), .integer(2)]), "forward[0] is a number; expected an object"),
            ("forward", .array([]), "no \"forward\" steps"),
            ("target", .array([]), "target is not 2 numbers"),
            ("parameters", .object([]), "parameters.W_f is missing"),
        ]
        for (k, (key, value, message)) in cases.enumerated() {
            let path = try trace(dir, "t\(k).json") { pairs in
                if let i = pairs.firstIndex(where: { $0.0 == key }) { pairs[i].1 = value } else { pairs.append((key, value)) }
            }
            assertError(try runTool(["html", "--from", path]), status: 65, contains: message)
        }
        let emptyF = try trace(dir, "f.json") { pairs in
            guard let k = pairs.firstIndex(where: { $0.0 == "forward" }), case .array(var steps) = pairs[k].1,
                  case .object(var first) = steps[0] else { return }
            first[first.firstIndex { $0.0 == "f" }!].1 = .array([])
            steps[0] = .object(first)
            pairs[k].1 = .array(steps)
        }
        assertError(try runTool(["html", "--from", emptyF]), status: 65, contains: "forward[0].f is not 5 numbers")
    }

    @Test func encodingsOtherThanUTF8() throws {
        let dir = try temporaryFolder()
        let good = try String(contentsOfFile: try trace(dir, "good.json") { _ in }, encoding: .utf8)
        let bom = dir.appendingPathComponent("bom.json").path
        try Data([0xEF, 0xBB, 0xBF] + Array(good.utf8)).write(to: URL(fileURLWithPath: bom))
        #expect(try runTool(["html", "--from", bom, "-o", dir.appendingPathComponent("bom.html").path]).status == 0,
                "a UTF-8 byte-order mark is skipped")
        let utf16 = dir.appendingPathComponent("utf16.json").path
        try good.data(using: .utf16)!.write(to: URL(fileURLWithPath: utf16))  // with a byte-order mark
        assertError(try runTool(["html", "--from", utf16]), status: 65, contains: "UTF-16 or UTF-32 text")
        let utf16be = dir.appendingPathComponent("utf16be.json").path
        try good.data(using: .utf16BigEndian)!.write(to: URL(fileURLWithPath: utf16be))  // without one
        assertError(try runTool(["html", "--from", utf16be]), status: 65, contains: "not text (it contains NUL bytes")
    }

    /// A file of `{"target":[0,0,…]}` took about 45 bytes of memory per number (a heap box each);
    /// now about 16 (an array slot), and a document of more than 2^25 values is refused.
    @Test func memoryPerNumberIsBounded() throws {
        let dir = try temporaryFolder()
        let count = 4_000_000
        let path = try file(dir, "zeros.json", "{\"target\":[" + String(repeating: "0,", count: count - 1) + "0]}")
        let r = try spawnTool(["html", "--from", path, "-o", dir.appendingPathComponent("zeros.html").path])
        #expect(r.status == 65, "\(r.stderr)")
        // At rest the program takes about 20 MB; 30 bytes a number above that is the bound.
        #expect(r.peakBelow(20 + 30 * Double(count) / 1_048_576), "peak \(r.peakMegabytes) MB for \(count) numbers")
    }
}

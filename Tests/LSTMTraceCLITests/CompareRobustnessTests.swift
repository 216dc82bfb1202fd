import Foundation
import Testing
import TraceLSTM

/// Issue #13's compare bugs, through the built binary. Each of these ran wrong before the fix:
/// an empty array trapped (index out of range), a 500 MB file took 19 GB, 1e400 (infinity)
/// equalled 1, shapes were never checked (1 × 4 against 2 × 2, ragged rows: no difference),
/// and a section of the wrong type read as missing. They use nothing but `compare A B`.
@Suite struct CompareRobustnessTests {
    static func file(_ text: String, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Exit 0, 1 or 65 with a message: never a trap.
    static func expectNoCrash(_ r: ToolResult, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect([0, 1, 65].contains(r.status), "\(label): exit \(r.status); \(r.stderr)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Fatal error"), "\(label): \(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func emptyArraysAreComparedNotTrappedOn() throws {
        let dir = try temporaryFolder()
        let emptyLoss = try Self.file("{\"loss\": []}", "a.json", in: dir)
        Self.expectNoCrash(try runTool(["compare", emptyLoss, emptyLoss]), "empty loss in both")
        let emptyTarget = try Self.file("{\"target\": []}", "b.json", in: dir)
        let target = try Self.file("{\"target\": [1.5, 2]}", "c.json", in: dir)
        let r = try runTool(["compare", emptyTarget, target])
        Self.expectNoCrash(r, "empty target against two numbers")
        #expect(r.status == 1 || r.status == 65, "an empty target is not two numbers")
        let emptyF = try Self.file("{\"forward\": [{\"t\": 1, \"f\": []}]}", "d.json", in: dir)
        Self.expectNoCrash(try runTool(["compare", emptyF, emptyF]), "empty f in both")
        // A trace whose forward list is empty holds no step: bad data, not "no difference"
        // (the fuzz suite found it exiting 0 against a whole trace).
        let whole = dir.appendingPathComponent("whole.json").path
        #expect(try runTool(["step", "--steps", "2", "--format", "json", "-o", whole]).status == 0)
        let noSteps = try write(JSONParser.parse(String(contentsOfFile: whole, encoding: .utf8)).replacing("forward", with: .array([])),
                                "e.json", in: dir)
        assertError(try runTool(["compare", whole, noSteps]), status: 65, contains: "forward is an empty list")
    }

    /// 1e400 reads as infinity, which is no finite number.
    @Test func infinityIsNotOne() throws {
        let dir = try temporaryFolder()
        let huge = try Self.file("{\"loss\": 1e400}", "a.json", in: dir)
        let one = try Self.file("{\"loss\": 1}", "b.json", in: dir)
        let r = try runTool(["compare", huge, one])
        #expect(r.status == 1 || r.status == 65, "exit \(r.status): \(r.stdout)")
    }

    @Test func shapesAreChecked() throws {
        let dir = try temporaryFolder()
        let row = try Self.file("{\"target\": [[1, 2, 3, 4]]}", "a.json", in: dir)
        let square = try Self.file("{\"target\": [[1, 2], [3, 4]]}", "b.json", in: dir)
        let r = try runTool(["compare", row, square])
        #expect(r.status == 1, "1 × 4 against 2 × 2: \(r.stdout)")
        #expect(r.stdout.contains("1 × 4 in A, 2 × 2 in B"), "\(r.stdout)")
        let ragged = try Self.file("{\"target\": [[1, 2], [3]]}", "c.json", in: dir)
        assertError(try runTool(["compare", square, ragged]), status: 65, contains: "target: ragged rows: [1] has 1 entries, [0] has 2")
    }

    @Test func sectionsOfTheWrongTypeAreBadData() throws {
        let dir = try temporaryFolder()
        let good = dir.appendingPathComponent("good.json").path
        #expect(try runTool(["step", "--format", "json", "-o", good]).status == 0)
        let forward = try Self.file("{\"forward\": {\"t\": 1, \"f\": [1]}}", "a.json", in: dir)
        assertError(try runTool(["compare", good, forward]), status: 65, contains: "forward is an object; expected an array of steps")
        let parameters = try Self.file("{\"parameters\": [1, 2]}", "b.json", in: dir)
        assertError(try runTool(["compare", good, parameters]), status: 65, contains: "parameters is an array; expected an object")
        let step = try Self.file("{\"backward\": [[1, 2]]}", "c.json", in: dir)
        assertError(try runTool(["compare", good, step]), status: 65, contains: "backward[0] is an array; expected a step object")
    }

    /// A file of more numbers than any trace is refused at once with one line (a 60 MB file of
    /// zeros here; 500 MB took 19 GB and then aborted), reading it once without parsing it.
    @Test func aHugeFileIsRefusedEarly() throws {
        let dir = try temporaryFolder()
        let path = dir.appendingPathComponent("zeros.json").path
        let count = 30_000_000
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: 2 * count + 12)
        bytes.replaceSubrange(0..<11, with: Array("{\"target\":[".utf8))
        for k in stride(from: 12, to: 2 * count + 10, by: 2) { bytes[k] = UInt8(ascii: ",") }
        bytes[bytes.count - 1] = UInt8(ascii: "}")
        bytes[bytes.count - 2] = UInt8(ascii: "]")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let one = try Self.file("{\"target\": [0]}", "one.json", in: dir)
        let start = Date()
        let r = try runTool(["compare", one, path])
        assertError(r, status: 65, contains: "'\(path)' holds more than")
        #expect(Date().timeIntervalSince(start) < 60, "refused in \(Date().timeIntervalSince(start)) s")
    }
}

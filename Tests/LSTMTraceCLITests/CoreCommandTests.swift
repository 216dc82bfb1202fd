import Foundation
import TraceLSTM
import XCTest

/// The core commands end to end through the built binary.
final class CoreCommandTests: XCTestCase {
    func testFirstCommandWritesEveryEquationForEveryStep() throws {
        let r = try runTool(["step", "--input", "3", "--hidden", "5", "--steps", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = r.stdout
        for t in 1...2 {
            for eq in Equations.forward(LSTMConfiguration(input: 3, hidden: 5, output: 2)) {
                XCTAssertTrue(md.contains("$$\(eq.latex(t: t))$$"), "forward equation \(eq.label) at t=\(t)")
            }
            for eq in Equations.backward(LSTMConfiguration(input: 3, hidden: 5, output: 2)) {
                XCTAssertTrue(md.contains("$$\(eq.latex(t: t))$$"), "backward equation \(eq.label) at t=\(t)")
            }
        }
        XCTAssertTrue(md.contains("## Parameter gradients"))
    }

    /// Every number in the Markdown tables equals the JSON trace's at display precision.
    func testMarkdownNumbersAreTheTraceNumbersRounded() throws {
        let dir = try temporaryFolder(self)
        let json = dir.appendingPathComponent("t.json").path, md = dir.appendingPathComponent("t.md").path
        for args in [["--steps", "3"], ["--steps", "2", "--concat", "x-first", "--loss", "cross-entropy", "--output", "4"]] {
            XCTAssertEqual(try runTool(["step"] + args + ["--format", "json", "-o", json]).status, 0)
            XCTAssertEqual(try runTool(["step"] + args + ["--precision", "5", "-o", md]).status, 0)
            let trace = try TraceJSON.decode(JSONParser.parse(String(contentsOfFile: json, encoding: .utf8)))
            let text = try String(contentsOfFile: md, encoding: .utf8)
            var checked = 0
            // Each equation block: its header names the columns; rows follow.
            for step in trace.steps {
                for eq in Equations.forward(trace.config) + Equations.backward(trace.config) {
                    let header = "| " + (eq.rows == .concat ? "entry" : eq.rows == .output ? "k" : "j") + " | "
                        + eq.columns.map { "$\($0.latex(t: step.t, loss: trace.config.loss))$" }.joined(separator: " | ") + " |"
                    let block = try XCTUnwrap(text.components(separatedBy: "$$\(eq.latex(t: step.t))$$\n\n").dropFirst().first,
                                              "block \(eq.label) t=\(step.t)")
                    let lines = block.split(separator: "\n").map(String.init)
                    XCTAssertEqual(lines.first, header)
                    for (r, line) in lines.dropFirst(2).prefix(while: { $0.hasPrefix("|") }).enumerated() {
                        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                        for (c, col) in eq.columns.enumerated() {
                            guard case .value(let q) = col, let v = step[q] else { continue }
                            XCTAssertEqual(cells[c + 1], NumberFormat.display(v[r], digits: 5), "\(q.key)_\(step.t)[\(r)]")
                            checked += 1
                        }
                    }
                }
            }
            XCTAssertGreaterThan(checked, 200)
        }
    }

    func testCSVHasOneValueARowForEveryKey() throws {
        let r = try runTool(["step", "--steps", "2", "--format", "csv"])
        XCTAssertEqual(r.status, 0)
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, "phase,t,quantity,row,col,value")
        XCTAssertTrue(lines.contains { $0.hasPrefix("forward,2,C_tilde,4,0,") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("gradient,,dW_f,4,7,") })
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 6 })
        // Full precision: every value reads back as the JSON trace's double.
        let json = try JSONParser.parse(try runTool(["step", "--steps", "2", "--format", "json"]).stdout)
        let f = try XCTUnwrap(json["forward"]?.arrayValue?[1]["f"]?.numberArray)
        let csvF = lines.filter { $0.hasPrefix("forward,2,f,") }.map { Double($0.split(separator: ",").last!)! }
        XCTAssertEqual(csvF, f)
    }

    func testGradcheckPassesAndReportsEveryEntry() throws {
        let r = try runTool(["gradcheck", "--steps", "4", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.count, 1 + 4 * 5 * 8 + 4 * 5 + 2 * 5 + 2, "header and every parameter entry")
        XCTAssertFalse(r.stdout.contains("NOT OK"))
        let md = try runTool(["gradcheck"]).stdout
        XCTAssertTrue(md.contains("**Result: OK**"))
    }

    func testCompareFindsAgreementAndDifference() throws {
        let dir = try temporaryFolder(self)
        let a = dir.appendingPathComponent("a.json").path, b = dir.appendingPathComponent("b.json").path
        XCTAssertEqual(try runTool(["step", "--steps", "3", "--format", "json", "-o", a]).status, 0)
        let same = try runTool(["compare", a, a])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertTrue(same.stdout.contains("0 over the tolerance"))
        // Change one gradient entry a little: compare must name it and fail.
        var text = try String(contentsOfFile: a, encoding: .utf8)
        let json = try JSONParser.parse(text)
        let v = try XCTUnwrap(json["backward"]?.arrayValue?[1]["dC"]?.numberArray?[2])
        text = text.replacingOccurrences(of: JSONWriter.number(v), with: JSONWriter.number(v * (1 + 1e-6)))
        try text.write(toFile: b, atomically: true, encoding: .utf8)
        let diff = try runTool(["compare", a, b])
        XCTAssertEqual(diff.status, 1)
        XCTAssertTrue(diff.stdout.contains("| backward.dC |"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("t=2 [2]"), diff.stdout)
        XCTAssertEqual(try runTool(["compare", a, b, "--tolerance", "1e-5"]).status, 0)
    }

    func testOutputFileIsWrittenWhole() throws {
        let dir = try temporaryFolder(self)
        let path = dir.appendingPathComponent("trace.json").path
        let r = try runTool(["step", "--format", "json", "-o", path])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "")
        XCTAssertNoThrow(try TraceJSON.decode(JSONParser.parse(String(contentsOfFile: path, encoding: .utf8))))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["trace.json"])
    }

    func testHelpAndVersion() throws {
        let root = try runTool(["--help"])
        XCTAssertEqual(root.status, 0)
        XCTAssertTrue(root.stdout.hasPrefix("OVERVIEW: "))
        XCTAssertTrue(root.stdout.contains("SUBCOMMANDS:"))
        XCTAssertEqual(try runTool(["--version"]).stdout, "0.1.0\n")
        XCTAssertEqual(try runTool(["help", "step"]).stdout, try runTool(["step", "--help"]).stdout)
    }
}

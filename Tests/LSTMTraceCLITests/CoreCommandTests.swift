import Foundation
import TraceLSTM
import Testing

/// The core commands end to end through the built binary.
@Suite struct CoreCommandTests {
    @Test func firstCommandWritesEveryEquationForEveryStep() throws {
        let r = try runTool(["step", "--input", "3", "--hidden", "5", "--steps", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let md = r.stdout
        for t in 1...2 {
            for eq in Equations.forward(LSTMConfiguration(input: 3, hidden: 5, output: 2)) {
                #expect(md.contains("$$\(eq.latex(t: t))$$"), "forward equation \(eq.label) at t=\(t)")
            }
            for eq in Equations.backward(LSTMConfiguration(input: 3, hidden: 5, output: 2)) {
                #expect(md.contains("$$\(eq.latex(t: t))$$"), "backward equation \(eq.label) at t=\(t)")
            }
        }
        #expect(md.contains("## Parameter gradients"))
    }

    /// Every number in the Markdown tables equals the JSON trace's at display precision.
    @Test func markdownNumbersAreTheTraceNumbersRounded() throws {
        let dir = try temporaryFolder()
        let json = dir.appendingPathComponent("t.json").path, md = dir.appendingPathComponent("t.md").path
        for args in [["--steps", "3"], ["--steps", "2", "--concat", "x-first", "--loss", "cross-entropy", "--output", "4"]] {
            #expect(try runTool(["step"] + args + ["--format", "json", "-o", json]).status == 0)
            #expect(try runTool(["step"] + args + ["--precision", "5", "-o", md]).status == 0)
            let trace = try TraceJSON.decode(JSONParser.parse(String(contentsOfFile: json, encoding: .utf8)))
            let text = try String(contentsOfFile: md, encoding: .utf8)
            var checked = 0
            // Each equation block: its header names the columns; rows follow.
            for step in trace.steps {
                for eq in Equations.forward(trace.config) + Equations.backward(trace.config) {
                    let header = "| " + (eq.rows == .concat ? "entry" : eq.rows == .output ? "k" : "j") + " | "
                        + eq.columns.map { "$\($0.latex(t: step.t, loss: trace.config.loss))$" }.joined(separator: " | ") + " |"
                    let block = try #require(text.components(separatedBy: "$$\(eq.latex(t: step.t))$$\n\n").dropFirst().first, "block \(eq.label) t=\(step.t)")
                    let lines = block.split(separator: "\n").map(String.init)
                    #expect(lines.first == header)
                    for (r, line) in lines.dropFirst(2).prefix(while: { $0.hasPrefix("|") }).enumerated() {
                        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                        for (c, col) in eq.columns.enumerated() {
                            guard case .value(let q) = col, let v = step[q] else { continue }
                            #expect(cells[c + 1] == NumberFormat.display(v[r], digits: 5), "\(q.key)_\(step.t)[\(r)]")
                            checked += 1
                        }
                    }
                }
            }
            #expect(checked > 200)
        }
    }

    @Test func cSVHasOneValueARowForEveryKey() throws {
        let r = try runTool(["step", "--steps", "2", "--format", "csv"])
        #expect(r.status == 0)
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "phase,t,quantity,row,col,value")
        #expect(lines.contains { $0.hasPrefix("forward,2,C_tilde,4,0,") })
        #expect(lines.contains { $0.hasPrefix("gradient,,dW_f,4,7,") })
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 6 })
        // Full precision: every value reads back as the JSON trace's double.
        let json = try JSONParser.parse(try runTool(["step", "--steps", "2", "--format", "json"]).stdout)
        let f = try #require(json["forward"]?.arrayValue?[1]["f"]?.numberArray)
        let csvF = lines.filter { $0.hasPrefix("forward,2,f,") }.map { Double($0.split(separator: ",").last!)! }
        #expect(csvF == f)
    }

    @Test func gradcheckPassesAndReportsEveryEntry() throws {
        let r = try runTool(["gradcheck", "--steps", "4", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 1 + 4 * 5 * 8 + 4 * 5 + 2 * 5 + 2, "header and every parameter entry")
        #expect(!(r.stdout.contains("NOT OK")))
        let md = try runTool(["gradcheck"]).stdout
        #expect(md.contains("**Result: OK**"))
    }

    @Test func compareFindsAgreementAndDifference() throws {
        let dir = try temporaryFolder()
        let a = dir.appendingPathComponent("a.json").path, b = dir.appendingPathComponent("b.json").path
        #expect(try runTool(["step", "--steps", "3", "--format", "json", "-o", a]).status == 0)
        let same = try runTool(["compare", a, a])
        #expect(same.status == 0, "\(same.stdout + same.stderr)")
        #expect(same.stdout.contains("keys compared, 0 differ"))
        // Change one gradient entry a little: compare must name it and fail.
        var text = try String(contentsOfFile: a, encoding: .utf8)
        let json = try JSONParser.parse(text)
        let v = try #require(json["backward"]?.arrayValue?[1]["dC"]?.numberArray?[2])
        text = text.replacingOccurrences(of: JSONWriter.number(v), with: JSONWriter.number(v * (1 + 1e-6)))
        try text.write(toFile: b, atomically: true, encoding: .utf8)
        let diff = try runTool(["compare", a, b])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("| backward.dC |"), "\(diff.stdout)")
        #expect(diff.stdout.contains("t=2 [2]"), "\(diff.stdout)")
        #expect(try runTool(["compare", a, b, "--rtol", "1e-5"]).status == 0)
    }

    @Test func outputFileIsWrittenWhole() throws {
        let dir = try temporaryFolder()
        let path = dir.appendingPathComponent("trace.json").path
        let r = try runTool(["step", "--format", "json", "-o", path])
        #expect(r.status == 0)
        #expect(r.stdout == "")
        #expect(throws: Never.self) { try TraceJSON.decode(JSONParser.parse(String(contentsOfFile: path, encoding: .utf8))) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["trace.json"])
    }

    @Test func helpAndVersion() throws {
        let root = try runTool(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.hasPrefix("OVERVIEW: "))
        #expect(root.stdout.contains("SUBCOMMANDS:"))
        #expect(try runTool(["--version"]).stdout == "0.1.0\n")
        let helpPage = try runTool(["help", "step"]).stdout, stepHelp = try runTool(["step", "--help"]).stdout
        #expect(helpPage == stepHelp)
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TraceLSTM
import Testing

/// `lstm-trace toy` end to end: tables, traces, plots and its refusals.
@Suite struct ToyCommandTests {
    @Test func badValuesAreUsageErrors() throws {
        assertError(try runTool(["toy", "--epochs", "0"]), status: 64, contains: "'--epochs <n>': expected a whole number from 1 to 100000")
        assertError(try runTool(["toy", "--learning-rate", "-0.1"]), status: 64, contains: "'--learning-rate <r>'")
        assertError(try runTool(["toy", "--learning-rate", "NaN"]), status: 64, contains: "The value 'NaN' is invalid for '--learning-rate <r>'")
        assertError(try runTool(["toy", "--learning-rate", "0"]), status: 64, contains: "greater than 0")
        assertError(try runTool(["toy", "--clip", "-1"]), status: 64, contains: "'--clip <c>'")
        assertError(try runTool(["toy", "--sequences", "0"]), status: 64, contains: "'--sequences <n>'")
        assertError(try runTool(["toy", "--epochs", "2", "--trace", "3:1", "-o", "/tmp/x.json"]), status: 64,
                    contains: "expected EPOCH:SEQUENCE with EPOCH from 1 to 2 and SEQUENCE from 1 to 100")
        assertError(try runTool(["toy", "--epochs", "2", "--trace", "1:101", "-o", "/tmp/x.json"]), status: 64, contains: "'--trace <epoch:sequence>'")
        assertError(try runTool(["toy", "--epochs", "2", "--trace", "one", "-o", "/tmp/x.json"]), status: 64, contains: "'--trace <epoch:sequence>'")
        assertError(try runTool(["toy", "--epochs", "2", "--trace", "1:1"]), status: 64, contains: "add -o FILE")
        assertError(try runTool(["toy", "--epochs", "2", "--plot", "/tmp/loss.png"]), status: 64, contains: "a file name ending in .svg")
    }

    @Test func divergenceIsReportedNotPrinted() throws {
        let r = try runTool(["toy", "--epochs", "30", "--learning-rate", "1000000", "--sequences", "10"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: training diverged at epoch "), "\(r.stderr)")
        #expect(r.stdout == "")
    }

    @Test func jSONTableAndTraceOfOneSequence() throws {
        let dir = try temporaryFolder()
        let tablePath = dir.appendingPathComponent("losses.json").path
        #expect(try runTool(["toy", "--epochs", "3", "--format", "json", "-o", tablePath]).status == 0)
        let table = try JSONParser.parse(String(contentsOfFile: tablePath, encoding: .utf8))
        let losses = try #require(table["epoch_losses"]?.numberArray)
        #expect(losses.count == 3)

        // The trace of sequence 1 at epoch 2 is the pass of the library's own trainer at that point.
        let tracePath = dir.appendingPathComponent("trace.json").path
        let r = try runTool(["toy", "--epochs", "3", "--trace", "2:1", "--format", "json", "-o", tracePath])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "", "no progress bar when stderr is not a terminal")
        #expect(r.stdout.contains("| 3 | \(NumberFormat.display(losses[2]))"), "the epoch table on stdout")
        let trace = try TraceJSON.decode(JSONParser.parse(String(contentsOfFile: tracePath, encoding: .utf8)))
        var options = ToyRegressionOptions()
        options.epochs = 3
        var toy = ToyRegression(options: options)
        _ = toy.trainEpoch()
        let expected = try #require(toy.trainEpoch(traceSequence: 0).trace)
        #expect(trace.parameters == expected.parameters)
        #expect(trace.gradients == expected.gradients)
        #expect(trace.steps.count == 10)
        #expect(trace.settings.first { $0.0 == "epoch" }?.1 == .integer(2))

        for format in ["md", "csv"] {
            let p = dir.appendingPathComponent("trace.\(format)").path
            #expect(try runTool(["toy", "--epochs", "2", "--trace", "2:5", "--format", format, "-o", p]).status == 0)
            #expect(try String(contentsOfFile: p, encoding: .utf8).count > 1000)
        }
    }

    @Test func plotIsAnSVGWithAxes() throws {
        let dir = try temporaryFolder()
        let svg = dir.appendingPathComponent("loss.svg").path
        #expect(try runTool(["toy", "--epochs", "5", "--plot", svg, "--format", "csv"]).status == 0)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(text.contains("<polyline"))
        #expect(text.contains(">epoch</text>"))
        #expect(text.contains("Toy regression: loss per epoch"))
        #expect(throws: Never.self, "well-formed XML") { try XMLDocument(xmlString: text) }
    }

    @Test func helpSaysWhatTheExampleCanLearn() throws {
        let help = try runTool(["toy", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(help.contains("Y is noise drawn independently of X"))
        #expect(help.contains("memorising 100 (sequence, target) pairs"))
    }
}

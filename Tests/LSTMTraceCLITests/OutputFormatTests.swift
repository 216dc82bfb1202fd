import Foundation
import Testing

/// The format of `-o FILE`: `--format` when given, else what FILE's extension names, else md;
/// the same rule in every command that has both.
@Suite struct OutputFormatTests {
    func read(_ dir: URL, _ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func theExtensionChoosesTheFormat() throws {
        let dir = try temporaryFolder()
        func run(_ args: [String]) throws {
            let r = try runTool(args, currentDirectory: dir)
            #expect(r.status == 0 || (args[0] == "gradcheck" && r.status == 1), "\(args): \(r.stderr)")
        }
        // The README's own command.
        try run(["toy", "--epochs", "2", "--trace", "2:1", "-o", "trace.json"])
        #expect(try read(dir, "trace.json").hasPrefix("{"), "toy --trace -o trace.json writes JSON")
        try run(["toy", "--epochs", "2", "-o", "losses.CSV"])
        #expect(try read(dir, "losses.CSV").hasPrefix("epoch,loss"))
        try run(["step", "-o", "x.npz"])
        #expect(try Data(contentsOf: dir.appendingPathComponent("x.npz")).prefix(2) == Data("PK".utf8), "step -o x.npz writes npz")
        try run(["step", "-o", "x.csv"])
        #expect(!(try read(dir, "x.csv").hasPrefix("#")), "step -o x.csv writes CSV")
        try run(["step", "-o", "x.markdown"])
        #expect(try read(dir, "x.markdown").hasPrefix("# LSTM trace"))
        try run(["step", "-o", "x.txt"])
        #expect(try read(dir, "x.txt").hasPrefix("# LSTM trace"), "another extension: the default, md")
        try run(["step", "--format", "json", "-o", "x"])
        #expect(try read(dir, "x").hasPrefix("{"), "--format without an extension")
        try run(["gradcheck", "-o", "g.json"])
        #expect(try read(dir, "g.json").hasPrefix("{"))
        try run(["train", "--iterations", "2", "--report-every", "1", "--trace-iteration", "1", "-o", "t.json"])
        #expect(try read(dir, "t.json").hasPrefix("{"), "train --trace-iteration -o t.json writes JSON")
        let stdout = try runTool(["step", "-o", "-"])
        #expect(stdout.stdout.hasPrefix("# LSTM trace"), "standard output: the default")
    }

    @Test func aFormatThatContradictsTheNameIsRefused() throws {
        let dir = try temporaryFolder()
        let r = try runTool(["step", "--format", "csv", "-o", "y.json"], currentDirectory: dir)
        assertError(r, status: 64, contains: "'-o y.json' names a JSON file but --format is csv; drop --format or use -o y.csv")
        #expect(r.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }.count == 1)
        assertError(try runTool(["toy", "--format", "md", "-o", "t.csv"], currentDirectory: dir), status: 64,
                    contains: "names a CSV file but --format is md; drop --format or use -o t.md")
        assertError(try runTool(["gradcheck", "--format", "json", "-o", "g.md"], currentDirectory: dir), status: 64,
                    contains: "'-o g.md' names a Markdown file but --format is json")
        assertError(try runTool(["train", "--iterations", "2", "--format", "md", "--trace-iteration", "1", "-o", "t.json"], currentDirectory: dir),
                    status: 64, contains: "names a JSON file but --format is md")
        assertError(try runTool(["toy", "-o", "t.npz"], currentDirectory: dir), status: 64,
                    contains: "'-o t.npz' names an .npz file, but toy writes md, csv or json")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "nothing written")
    }

    @Test func theHelpSaysWhereTheDefaultComesFrom() throws {
        for command in ["step", "toy", "gradcheck", "train"] {
            // The help wraps at 80 columns: compare it with its line breaks and indents as spaces.
            let help = try runTool([command, "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(help.contains("(default: from -o's extension, else md)"), "\(command) --help")
        }
    }
}

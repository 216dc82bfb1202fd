import Foundation
import Testing

/// Every error path of the core commands, through the built binary: one clear line on
/// stderr naming the flag or file and what is accepted, and the promised exit code.
@Suite struct ErrorPathTests {
    @Test func unknownOptionSuggestsTheNearestOne() throws {
        let r = try runTool(["step", "--hiden", "5"])
        assertError(r, status: 64, contains: "Unknown option '--hiden'. Did you mean '--hidden'?")
        #expect(r.stderr.contains("Usage: lstm-trace step"))
        #expect(r.stderr.contains("See 'lstm-trace step --help' for more information."))
    }

    @Test func unknownSubcommand() throws {
        assertError(try runTool(["stpe"]), status: 64, contains: "Unknown subcommand 'stpe'. Did you mean 'step'?")
    }

    @Test func valuesThatAreNotNumbers() throws {
        let r = try runTool(["step", "--hidden", "abc"])
        assertError(r, status: 64, contains: "The value 'abc' is invalid for '--hidden <n>': expected a whole number from 1 to 4096")
        #expect(r.stderr.contains("Help:  --hidden <n>"), "the option's help line follows")
        assertError(try runTool(["step", "--steps", "2.5"]), status: 64, contains: "'--steps <n>'")
        assertError(try runTool(["gradcheck", "--epsilon", "nan"]), status: 64, contains: "The value 'nan' is invalid for '--epsilon <eps>'")
        assertError(try runTool(["gradcheck", "--epsilon", "inf"]), status: 64, contains: "'--epsilon <eps>'")
        assertError(try runTool(["step", "--seed", "-1"]), status: 64, contains: "expected a whole number from 0 to 4294967295")
        assertError(try runTool(["step", "--seed", "4294967296"]), status: 64, contains: "'--seed <n>'")
        assertError(try runTool(["step", "--concat", "z-first"]), status: 64, contains: "expected one of h-first, x-first")
        assertError(try runTool(["step", "--format", "xml"]), status: 64, contains: "expected one of md, csv, json")
        assertError(try runTool(["step", "--precision", "0"]), status: 64, contains: "'--precision <digits>'")
        assertError(try runTool(["gradcheck", "--samples", "0"]), status: 64, contains: "'--samples <n>'")
    }

    @Test func missingValueAndStrayArguments() throws {
        assertError(try runTool(["step", "--hidden"]), status: 64, contains: "Missing value for '--hidden <n>'")
        assertError(try runTool(["step", "--hidden", "--input", "3"]), status: 64, contains: "Missing value for '--hidden <n>'")
        assertError(try runTool(["step", "extra"]), status: 64, contains: "Unexpected argument 'extra'")
        assertError(try runTool(["step", "--no-backward=yes"]), status: 64, contains: "The flag '--no-backward' takes no value")
        assertError(try runTool(["compare", "only-one.json"]), status: 64, contains: "Missing expected argument '<b>'")
    }

    @Test func sizesTheToolIsNotFor() throws {
        assertError(try runTool(["step", "--hidden", "4097"]), status: 64, contains: "from 1 to 4096")
        assertError(try runTool(["step", "--steps", "10001"]), status: 64, contains: "from 1 to 10000")
        assertError(try runTool(["step", "--hidden", "4000", "--input", "4000"]), status: 64,
                    contains: "lstm-trace writes at most 20000000 in one trace. Make one of --steps, --hidden, --input")
        assertError(try runTool(["gradcheck", "--hidden", "100", "--input", "62"]), status: 64,
                    contains: "Pass --samples n")
        // Training commands refuse a model they cannot hold, before allocating it.
        for command in [["train", "--hidden", "4096", "--steps", "10000"], ["bench", "--hidden", "4096"],
                        ["toy", "--hidden", "4096", "--length", "10000"]] {
            assertError(try runTool(command), status: 64, contains: "lstm-trace trains models of at most 100000000")
        }
        assertError(try runTool(["toy", "--hidden", "1000", "--input", "1000", "--length", "100", "--trace", "1:1", "-o", "/tmp/x.json"]),
                    status: 64, contains: "lstm-trace writes at most 20000000 in one trace. Make one of --length, --hidden")
        assertError(try runTool(["train", "--hidden", "1500", "--trace-iteration", "0", "-o", "/tmp/x.json"]),
                    status: 64, contains: "lstm-trace writes at most 20000000 in one trace")
    }

    @Test func unwritableOutputLeavesNoFile() throws {
        let dir = try temporaryFolder()
        let missing = dir.appendingPathComponent("no-such-folder/trace.md").path
        // (The path is longer than the 80 characters an error echoes: its middle is cut.)
        assertError(try runTool(["step", "-o", missing]), status: 73, contains: "cannot write '\(missing.prefix(40))")
        assertError(try runTool(["step", "-o", missing]), status: 73, contains: "no-such-folder/trace.md'")
        assertError(try runTool(["step", "-o", dir.path]), status: 73, contains: "it is a folder")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [], "no file, no temporary left behind")
    }

    @Test func compareRefusesBadFiles() throws {
        let dir = try temporaryFolder()
        let good = dir.appendingPathComponent("good.json").path
        #expect(try runTool(["step", "--format", "json", "-o", good]).status == 0)
        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let p = dir.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: p))
            return p
        }
        let missing = dir.appendingPathComponent("missing.json").path
        assertError(try runTool(["compare", good, missing]), status: 66, contains: "cannot read '\(missing)': no such file")
        assertError(try runTool(["compare", good, dir.path]), status: 66, contains: "it is a folder")
        let empty = try file("empty.json", [])
        assertError(try runTool(["compare", good, empty]), status: 65, contains: "the file is empty")
        let binary = try file("binary.json", [0x7B, 0x00, 0x01, 0x7D])
        assertError(try runTool(["compare", good, binary]), status: 65, contains: "not text")
        let latin1 = try file("latin1.json", [0x22, 0xE9, 0x22])
        assertError(try runTool(["compare", good, latin1]), status: 65, contains: "not valid UTF-8")
        let broken = try file("broken.json", Array("{\"format\": \"lstm-trace/1\",\n \"loss\": }".utf8))
        assertError(try runTool(["compare", good, broken]), status: 65, contains: "is not valid JSON: line 2, column 10")
        let foreign = try file("foreign.json", Array("{\"format\": \"other/2\"}".utf8))
        assertError(try runTool(["compare", good, foreign]), status: 65, contains: "this version reads \"lstm-trace/1\"")
        let unrelated = try file("unrelated.json", Array("{\"hello\": [1, 2]}".utf8))
        assertError(try runTool(["compare", good, unrelated]), status: 65, contains: "no key of the trace format in common")
        let deep = try file("deep.json", Array(String(repeating: "[", count: 100_000).utf8))
        assertError(try runTool(["compare", good, deep]), status: 65, contains: "nested more than 256 levels deep")
    }
}

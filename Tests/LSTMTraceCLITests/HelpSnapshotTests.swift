import Foundation
import Testing

/// The help pages against snapshot files (Snapshots/*.txt). Set RECORD_SNAPSHOTS=1 to
/// rewrite them after an intended change, and review the diff.
@Suite struct HelpSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test func helpPages() throws {
        var pages: [(String, [String])] = [("root", ["--help"])]
        for name in try runTool(["--help"]).stdout.components(separatedBy: "SUBCOMMANDS:\n")[1]
            .split(separator: "\n").compactMap({ $0.hasPrefix("  ") && !$0.hasPrefix("   ") ? $0.split(separator: " ").first.map(String.init) : nil })
            where name != "See" {
            pages.append((name, [name, "--help"]))
        }
        #expect(pages.count >= 4)
        for (name, args) in pages {
            let r = try runTool(args)
            #expect(r.status == 0)
            #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(name): lines within 80 columns")
            let file = Self.directory.appendingPathComponent("help-\(name).txt")
            if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
                try r.stdout.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(r.stdout == expected, "help of \(name) changed; re-record with RECORD_SNAPSHOTS=1 if intended")
        }
    }
}

import Foundation
import XCTest

/// README.md's excerpts are what the tool prints: each block between
/// `<!-- excerpt: COMMAND -->` and `<!-- end excerpt -->` must appear verbatim in COMMAND's output.
final class ReadmeTests: XCTestCase {
    func testExcerptsAreRealOutput() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let parts = text.components(separatedBy: "<!-- excerpt: lstm-trace ").dropFirst()
        XCTAssertFalse(parts.isEmpty, "README has an excerpt")
        for part in parts {
            let headerEnd = try XCTUnwrap(part.range(of: " -->\n"))
            let header = String(part[..<headerEnd.lowerBound])
            let rest = part[headerEnd.upperBound...]
            let body = String(rest[..<(try XCTUnwrap(rest.range(of: "<!-- end excerpt -->")).lowerBound)])
            let r = try runTool(header.split(separator: " ").map(String.init))
            XCTAssertEqual(r.status, 0)
            XCTAssertTrue(r.stdout.contains(body), "README excerpt of 'lstm-trace \(header)' is not in its output")
        }
    }
}

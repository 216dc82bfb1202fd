// swift-tools-version:6.0
import Foundation
import PackageDescription

/// On Linux, a release `lstm-trace` links the Swift runtime and Foundation statically when the
/// toolchain found on PATH ships its static libraries (swift.org's Linux toolchains do): its
/// SIGINT and SIGTERM handlers are then in place about 5 ms after exec instead of 10 to 20
/// (loading and starting a dozen shared libraries), so a signal in a run's first milliseconds is
/// caught, not fatal, and the binary runs without the toolchain. The numbers are bit for bit the
/// same either way. A toolchain without them (or one this lookup cannot find) builds as usual.
let linksStatically: Bool = {
    #if os(Linux)
    let fm = FileManager.default
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let swiftc = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
        guard fm.isExecutableFile(atPath: swiftc.path) else { continue }
        let prefix = swiftc.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        let foundation = prefix.appendingPathComponent("lib/swift_static/linux/libFoundation.a")
        return fm.fileExists(atPath: foundation.path)
    }
    #endif
    return false
}()

let package = Package(
    name: "TraceLSTM",
    products: [
        .library(name: "TraceLSTM", targets: ["TraceLSTM"]),
        .executable(name: "lstm-trace", targets: ["lstm-trace"]),
    ],
    // No package dependencies: the toolchain's Foundation and Swift Testing only.
    dependencies: [],
    targets: [
        // MARK: Library

        .target(
            name: "TraceLSTM",
            exclude: ["TraceLSTM.docc"],
            // The diagram's style sheet and the explorer page, in files of their own languages,
            // embedded at build time.
            resources: [
                .embedInCode("Render/Diagram/cell-diagram.css"),
                .embedInCode("Render/Explorer/explorer.html"),
                .embedInCode("Render/Explorer/explorer.css"),
                .embedInCode("Render/Explorer/explorer-errors.js"),
                .embedInCode("Render/Explorer/explorer-format.js"),
                .embedInCode("Render/Explorer/explorer-trace.js"),
                .embedInCode("Render/Explorer/explorer-colour.js"),
                .embedInCode("Render/Explorer/explorer-diagram.js"),
                .embedInCode("Render/Explorer/explorer-formula.js"),
                .embedInCode("Render/Explorer/explorer-heatmap.js"),
                .embedInCode("Render/Explorer/explorer-text.js"),
                .embedInCode("Render/Explorer/explorer-equations.js"),
                .embedInCode("Render/Explorer/explorer-main.js"),
            ]
        ),

        // MARK: Command line

        .target(
            name: "LSTMTraceCLI",
            dependencies: ["TraceLSTM"]
        ),
        .executableTarget(
            name: "lstm-trace",
            dependencies: ["LSTMTraceCLI"],
            // Compiled and linked with -static-stdlib where the toolchain allows (see linksStatically):
            // the compiler's autolink then names the static libraries.
            swiftSettings: linksStatically ? [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))] : [],
            linkerSettings: linksStatically ? [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))] : []
        ),

        // MARK: Examples

        .executableTarget(
            name: "ToyRegression",
            dependencies: ["TraceLSTM"],
            path: "Examples/ToyRegression"
        ),

        // MARK: Tests

        .testTarget(
            name: "TraceLSTMTests",
            dependencies: ["TraceLSTM"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "LSTMTraceCLITests",
            dependencies: ["LSTMTraceCLI", "TraceLSTM"],
            exclude: ["Snapshots"]
        ),
    ]
)

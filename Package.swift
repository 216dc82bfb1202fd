// swift-tools-version:6.0
import PackageDescription

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
            // A release build on Linux carries the Swift runtime and Foundation inside it (the
            // toolchain's static libraries; the compiler's autolink names them). Its SIGINT and SIGTERM
            // handlers are in place about 5 ms after exec instead of 10 to 20 (loading and starting a
            // dozen shared libraries), so a signal in a run's first milliseconds is caught, not fatal;
            // and the binary runs on a machine without the toolchain. Numbers are bit for bit the same.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
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

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
            dependencies: ["LSTMTraceCLI"]
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

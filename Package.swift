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
            // The cell diagram's style sheet, in a file of its own language, embedded at build time.
            resources: [
                .embedInCode("Render/Diagram/cell-diagram.css"),
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

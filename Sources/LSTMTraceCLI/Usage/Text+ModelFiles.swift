import TraceLSTM

/// The words of `--weights`, `--inputs`, `--target`, `--h0`, `--c0`, `weights` and `compare`.
extension Text {
    static func badArrayFile(_ path: String, _ reason: String) -> String {
        "'\(path)': \(reason)"
    }

    static func wrongShape(_ path: String, _ what: String, _ shape: [Int], expected: String) -> String {
        "'\(path)': \(what) has shape \(NumpyArray.describe(shape)); expected \(expected)"
    }

    static func drawOptionWithWeights(_ option: String) -> String {
        "\(option) sets how the weights are drawn, and --weights gives them."
    }

    static let seedDrawsNothing = "--seed draws the weights, the inputs or the target, and --weights, --inputs and --target give all three."

    static func sizeOptionDisagrees(_ option: String, _ value: Int, symbol: String, _ actual: Int, source: String) -> String {
        "\(option) \(value) disagrees with \(source), which gives \(symbol) = \(actual). Leave \(option) out or make it \(actual)."
    }

    static func sizeTooLarge(_ symbol: String, _ value: Int, max: Int, source: String) -> String {
        "\(source) gives \(symbol) = \(value), more than lstm-trace traces (at most \(max))"
    }

    /// What a trace from PyTorch weights says about its biases.
    static let pytorchBiasesSummed = "b = b_ih + b_hh (each gate's blocks of PyTorch's bias_ih_l0 and bias_hh_l0, summed: "
        + "the cell uses only their sum)"

    static let npzNeedsFile = "--format npz writes a binary file: give -o FILE.npz."

    static func weightsOutputName(_ path: String) -> String {
        "The value '\(path)' is invalid for '-o <file>': expected a name ending in .npz or .json."
    }

    static let fromWithModelOption = "describes a model to trace; with --from the trace file describes it."

    static func traceHasNoGradients(_ path: String) -> String {
        "'\(path)' has no gradients (it was written with --no-backward); --gradients needs a trace with the backward pass"
    }

    static func compareTooManyNumbers(_ path: String, limit: Int) -> String {
        "'\(path)' holds more than \(limit) numbers, more than any trace lstm-trace writes; compare reads files of at most that many"
    }

    static func compareNothingInCommon(_ a: String, _ b: String) -> String {
        "'\(a)' and '\(b)' have no key of the trace format in common (keys and their names: docs/trace-format.md)"
    }
}

/// Help text of the commands that build a model from options: step, gradcheck, html, and of compare.
enum ModelSpecs {
    /// The options that fix the model and its data, shared by step, gradcheck and html.
    static let modelOptions: [OptionSpec] = [
        OptionSpec("--input", value: "n", help: "Size X of each input x_t.", default: "3"),
        OptionSpec("--hidden", value: "n", help: "Number H of hidden units (the size of h_t and C_t).", default: "5"),
        OptionSpec("--output", value: "n", help: "Size K of each output y_t.", default: "2"),
        OptionSpec("--steps", value: "n", help: "Number T of time steps.", default: "1"),
        OptionSpec("--seed", value: "n", help: "Seed for numpy's np.random.seed (0 to 4294967295).", default: "0"),
        OptionSpec("--concat", value: "order", help: "Order of z_t: h-first is [h_{t-1}, x_t] (the tutorial, the notebook); "
                   + "x-first is [x_t, h_{t-1}] (the Medium post).", default: "h-first", values: ["h-first", "x-first"]),
        OptionSpec("--init", value: "scheme", help: "Weights: tutorial draws randn for every W; notebook draws "
                   + "W_f, W_i, W_o as randn*0.1+0.5 and W_C, W_y as randn*0.1. Biases are zero.",
                   default: "tutorial", values: ["tutorial", "notebook"]),
        OptionSpec("--loss", value: "loss", help: "mse-last: the last output against Y (the tutorial); mse-all: every "
                   + "output against its own target; cross-entropy: a softmax head and a class per step (the notebook).",
                   default: "mse-last", values: ["mse-last", "mse-all", "cross-entropy"]),
        OptionSpec("--forget-bias", value: "b", help: "Set every entry of b_f to b after the draw (b_f near +1 or more keeps the forget gate open).", default: "0"),
    ]

    /// A learner's own model and data, taken instead of drawn: step, gradcheck, html and weights.
    static let ownModelOptions: [OptionSpec] = [
        OptionSpec("--weights", value: "file", help: "Your weights instead of drawn ones: an .npz (np.savez) or JSON of W_f, b_f, W_i, "
                   + "b_i, W_C, b_C, W_o, b_o and W_y, b_y (or W_v, b_v, which make cross-entropy the default loss), or a whole "
                   + "trace; or a PyTorch state_dict saved with "
                   + "np.savez (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 and <name>.weight, <name>.bias). The sizes "
                   + "come from the shapes."),
        OptionSpec("--inputs", value: "file", help: "Your inputs x_1 ... x_T: T x X as .npy, CSV (one row a step) or JSON (an "
                   + "array of T arrays); T follows from it."),
        OptionSpec("--target", value: "file", help: "Your target: K values (mse-last), T x K (mse-all) or T class indices "
                   + "(cross-entropy), as .npy, CSV or JSON."),
        OptionSpec("--h0", value: "file", help: "Initial hidden state h_0: H values (.npy, CSV or JSON).", default: "zeros"),
        OptionSpec("--c0", value: "file", help: "Initial cell state C_0: H values (.npy, CSV or JSON).", default: "zeros"),
    ]

    /// --format's default, as `ParsedArguments.outputFormat` chooses it.
    static let formatDefault = "from -o's extension, else md"
    static let format = OptionSpec("--format", value: "format", help: "Output format.", default: formatDefault, values: ["md", "csv", "json"])
    static let outputFile = OptionSpec("--output-file", short: "-o", value: "file", help: "Write to this file (atomically) instead of standard output.")
    static let precision = OptionSpec("--precision", value: "digits", help: "Significant digits shown in Markdown (display only: JSON and CSV keep every digit).", default: "6")

    static let step = CommandSpec(
        name: "step",
        abstract: "Trace a short sequence: every value forward, every gradient backward.",
        discussion: "Draws inputs, target and weights exactly as this Python does for any sizes, then runs "
            + "the cell forward for T steps and backpropagation through time:\n\n"
            + "  np.random.seed(S)\n  X = np.random.randn(T, input)       # x_t = X[t-1]\n"
            + "  Y = np.random.randn(output, 1)      # the mse-last target\n"
            + "  W_f = np.random.randn(hidden, hidden + input)   # then W_i, W_C, W_o\n"
            + "  W_y = np.random.randn(output, hidden)           # biases zero\n\n"
            + "With --weights, --inputs, --target, --h0 and --c0 it traces your own model and data instead; what is "
            + "not given is drawn as above.\n\n"
            + "Markdown shows each equation in LaTeX with its values under it; CSV, JSON and npz carry every number at "
            + "full precision (npz: every key as an array, per-step ones stacked T x ..., so np.load(FILE)[\"f\"] is f "
            + "over time). Keys, equations and shapes: docs/trace-format.md.",
        options: modelOptions + ownModelOptions + [
            OptionSpec("--format", value: "format", help: "Output format (npz needs -o).", default: formatDefault, values: ["md", "csv", "json", "npz"]),
            outputFile, precision,
            OptionSpec("--no-backward", help: "Record the forward pass only."),
        ])

    static let gradcheck = CommandSpec(
        name: "gradcheck",
        abstract: "Check every gradient of backpropagation against central differences.",
        discussion: "For each parameter entry w: (L(w+eps) - L(w-eps)) / (2 eps) against dL/dw from BPTT, with the "
            + "notebook's relative error |a - n| / (|a + n| + 1e-9). OK: at most 1e-6, or both below the rounding "
            + "floor of the differences; WARNING: at most 1e-3; NOT OK: above. Exits with 1 when any entry is NOT OK.",
        options: modelOptions + ownModelOptions + [
            OptionSpec("--epsilon", value: "eps", help: "Step of the central differences.", default: "1e-05"),
            OptionSpec("--samples", value: "n", help: "Check n entries of each parameter, drawn with --seed, instead of all (for large models)."),
            format, outputFile,
        ])

    static let compareNeedsTwo = "compare needs two files, A and B (e.g. lstm-trace's trace and your own)"

    static let compare = CommandSpec(
        name: "compare",
        abstract: "Compare two traces and name the first line where they part (the tracer's against your code's).",
        discussion: "Reads JSON in the trace's layout or a flat one, and .npz (np.savez): per-step values stacked T x ... "
            + "(T x H or T x H x 1), steps aligned by t in any order. The names learners use (C_bar, c_tilde, Ct, combined, "
            + "hidden, ...) are read as the trace's keys, and the report lists what it matched and what it ignored. The "
            + "configs are compared first (a warning when the concat orders, heads or losses differ), then each key's shape "
            + "and values: a vector agrees when max|a - b| <= atol + rtol * max(|a|, |b|); NaN and infinities never equal a "
            + "finite number. Above the table, one line names the first quantity that differs in the order of the "
            + "computation (the parameters and the target, forward t = 1 ... T, the loss, backward t = T ... 1, the "
            + "parameter gradients), with its step, "
            + "index, both values, its equation and which of its inputs agree. Keys in one file only are listed, not "
            + "counted. Exits with 1 when anything differs. Keys, names and shapes: docs/trace-format.md.",
        arguments: [ArgumentSpec(name: "a", help: "A trace (JSON or .npz).", whenMissing: compareNeedsTwo),
                    ArgumentSpec(name: "b", help: "Another, or your code's values (JSON or .npz).", whenMissing: compareNeedsTwo)],
        options: [
            OptionSpec("--rtol", value: "r", help: "Relative tolerance: the part of the larger magnitude a difference may be.", default: "1e-09"),
            OptionSpec("--atol", value: "a", help: "Absolute floor added to it, so that --atol 1e-12 lets 0 against 1e-20 agree.", default: "0"),
        ])

    static let html = CommandSpec(
        name: "html",
        abstract: "Write an interactive HTML explorer of a trace: the cell, the steps, the gradients.",
        discussion: "One self-contained page, which works opened from disk and fetches nothing. It shows the LSTM cell "
            + "as a diagram with the chosen unit's values, a time-step control (slider, buttons, the left and right "
            + "arrow keys; the step is kept in the URL), a switch between forward values and backward gradients, and "
            + "heatmaps of the gates, the states and their gradients over units and time. Hovering or focusing a "
            + "heatmap shows the exact value, its equation and its indices. Clicking a box of the diagram (or Enter "
            + "on it) shows its arithmetic with the trace's numbers: the weighted sum and activation forward, the "
            + "chain rule backward. For a character model the page also colours the input text by a unit's value "
            + "and shows each step's top predictions.\n\n"
            + "Trace a model from the options of step, or give --from a trace that lstm-trace wrote as JSON (step, "
            + "toy --trace, train --trace-iteration).",
        options: modelOptions + ownModelOptions + [
            OptionSpec("--from", value: "trace.json", help: "Show this JSON trace instead of tracing a model."),
            OptionSpec("--title", value: "text", help: "The page's title.", default: "LSTM trace"),
            outputFile,
        ])
}

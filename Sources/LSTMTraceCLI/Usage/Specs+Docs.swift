/// Help text of `lstm-trace docs`.
enum DocsSpecs {
    /// Where the repository keeps the numpy runs char-lstm.md is measured against.
    static let defaultReference = "Examples/python/reference/notebook-smooth-loss.json"

    static let docs = CommandSpec(
        name: "docs",
        abstract: "Write the worked-example docs, or check that they are what the code writes.",
        discussion: "Writes README.md, forward.md, backward.md, toy-regression.md, char-lstm.md, concat-order.md, "
            + "vanishing-gradients.md, trace-format.md and their SVG plots. Every number comes from a trace or a run of this tool. "
            + "char-lstm.md trains the notebook's model for 5000 iterations on --data and shows numpy's smooth losses "
            + "beside its own, read from --reference. With --check FOLDER, it writes everything to memory, compares "
            + "it with FOLDER, and exits with 1 and a short summary if anything differs.",
        options: [
            OptionSpec("--out", value: "folder", help: "Write the docs here (created if needed)."),
            OptionSpec("--check", value: "folder", help: "Compare the docs in this folder with what the code writes."),
            OptionSpec("--data", value: "file", help: "The text char-lstm.md trains on (../shared/data/shakespear.txt for the notebook's numbers). Without it, --out trains on a small corpus lstm-trace generates itself and says so on the page, and --check leaves char-lstm.md out."),
            OptionSpec("--reference", value: "file", help: "The 80-bit and float64 numpy runs that char-lstm.md measures lstm-trace against (notebook.py --reference).", default: defaultReference),
            OptionSpec("--pages", value: "names", help: "Only these pages, comma-separated (for example forward.md,backward.md)."),
            TrainingSpecs.threads,
        ])
}

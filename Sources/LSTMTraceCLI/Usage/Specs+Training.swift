/// Help text of the commands that train: toy, train, sample, bench.
enum TrainingSpecs {
    static let toy = CommandSpec(
        name: "toy",
        abstract: "Train the tutorial's toy regression for real: its data, BPTT and SGD.",
        discussion: "The \"LSTM from scratch\" tutorial stops at \"Backpropagation and weight updates would go here\", "
            + "and its code does not run. This command finishes it. It uses the same data: np.random.seed(0), 100 "
            + "sequences of randn(10, 3) and 100 targets of randn(2, 1), with the network (3, 5, 2) drawn after "
            + "them. Each sequence's loss is mean((y_10 - Y)^2), taken before that sequence's update; BPTT "
            + "follows, then a plain SGD step (batch size 1). The epoch loss is the mean over the sequences.\n\n"
            + "What it can learn: Y is noise drawn independently of X, so there is no rule to find. A falling "
            + "loss means the network is memorising 100 (sequence, target) pairs, not learning to predict.\n\n"
            + "Without --trace, the output is the epoch-loss table. With --trace EPOCH:SEQUENCE, the output is the "
            + "full forward and backward trace of that sequence's pass in that epoch (both counted from 1); it "
            + "goes to -o FILE in --format, and the epoch-loss table is printed as Markdown.",
        options: [
            OptionSpec("--sequences", value: "n", help: "Number of training sequences.", default: "100"),
            OptionSpec("--length", value: "n", help: "Steps T of each sequence.", default: "10"),
            OptionSpec("--input", value: "n", help: "Size X of each input x_t.", default: "3"),
            OptionSpec("--hidden", value: "n", help: "Number H of hidden units.", default: "5"),
            OptionSpec("--output", value: "n", help: "Size K of each target.", default: "2"),
            OptionSpec("--seed", value: "n", help: "Seed for np.random.seed (0 to 4294967295).", default: "0"),
            OptionSpec("--learning-rate", value: "r", help: "SGD step size.", default: "0.01"),
            OptionSpec("--epochs", value: "n", help: "Passes over all sequences.", default: "100"),
            OptionSpec("--clip", value: "c", help: "Clip each gradient entry to [-c, c] before the update (default: no clipping)."),
            OptionSpec("--trace", value: "epoch:sequence", help: "Trace one sequence's forward and backward pass at one epoch, e.g. 100:1."),
            ModelSpecs.format, ModelSpecs.outputFile, ModelSpecs.precision,
            OptionSpec("--plot", value: "file.svg", help: "Also draw the loss curve as an SVG file."),
        ])
}

extension TrainingSpecs {
    static let threads = OptionSpec("--threads", value: "n", help: "1, or 2 to share each pass with a helper thread; the numbers are the same either way. (default: 2 on a machine with two cores or more)")

    static let data = OptionSpec("--data", value: "file", help: "The text to train on (UTF-8). Without it, a small corpus that lstm-trace generates itself (about 30,000 characters).")

    static let train = CommandSpec(
        name: "train",
        abstract: "Train the notebook's character-level LSTM, number for number.",
        discussion: "Varuna Jayasiri's \"Vanilla LSTM with numpy\" notebook: H = 100, T = 25, z = [h_prev, x] with x "
            + "one-hot, a softmax over the characters, loss sum_t -log y_t[target_t], BPTT, every gradient clipped to "
            + "[-1, 1], Adagrad (m += d^2; w -= lr d / sqrt(m + 1e-8)). The weights are drawn after np.random.seed(--seed) "
            + "in the notebook's order, and the vocabulary is sorted (the notebook's list(set(data)) order depends on "
            + "Python's hash seed). Every --report-every iterations it prints the smooth loss and a sample drawn with "
            + "np.random.choice, as the notebook does.\n\n"
            + "--iterations counts from the start of training, so a run resumed from a checkpoint at iteration 500 "
            + "with --iterations 1000 does 500 more, and prints what a straight run of 1000 prints from there. "
            + "Ctrl-C (or SIGTERM) finishes the current iteration, saves a checkpoint to --save FILE, writes the log "
            + "and plot so far, and exits with 130; a second Ctrl-C stops at once, without saving.",
        options: [
            data,
            OptionSpec("--iterations", value: "n", help: "Train until this many iterations are done in all.", default: "5000"),
            OptionSpec("--hidden", value: "n", help: "Hidden units H.", default: "100"),
            OptionSpec("--steps", value: "n", help: "Characters T per training sequence.", default: "25"),
            OptionSpec("--learning-rate", value: "r", help: "Adagrad's learning rate.", default: "0.1"),
            OptionSpec("--weight-sd", value: "s", help: "Standard deviation of the initial weights.", default: "0.1"),
            OptionSpec("--clip", value: "c", help: "Clip every gradient entry to [-c, c].", default: "1"),
            OptionSpec("--seed", value: "n", help: "np.random.seed before the weights are drawn (it also drives the samples).", default: "0"),
            OptionSpec("--report-every", value: "n", help: "Print the smooth loss and a sample every n iterations.", default: "100"),
            OptionSpec("--sample-length", value: "n", help: "Characters per sample.", default: "200"),
            OptionSpec("--log", value: "file.csv", help: "Write one row per iteration: iteration, loss, smooth loss, elapsed seconds."),
            OptionSpec("--plot", value: "file.svg", help: "Draw the loss and the smooth loss per iteration."),
            OptionSpec("--trace-iteration", value: "n", help: "Write the full trace of iteration n (0-based, as the notebook counts) to -o FILE, gradients before and after clipping."),
            ModelSpecs.format, ModelSpecs.outputFile, ModelSpecs.precision,
            OptionSpec("--save", value: "file", help: "Save a checkpoint here every --save-every iterations, at the end, and on Ctrl-C."),
            OptionSpec("--save-every", value: "n", help: "Iterations between checkpoints.", default: "1000"),
            OptionSpec("--resume", value: "file", help: "Continue from a checkpoint (its sizes, rates and random state; the same --data)."),
            threads,
        ])

    static let sample = CommandSpec(
        name: "sample",
        abstract: "Generate text from a trained checkpoint.",
        discussion: "Starts from h = C = 0, reads --prime through the network, then draws --length characters one at a "
            + "time with np.random.choice(range(X), p=y) after np.random.seed(--seed), each fed back as the next input. "
            + "Every character of --prime must be in the checkpoint's vocabulary. The output is the prime followed by "
            + "the generated text.",
        options: [
            OptionSpec("--checkpoint", value: "file", help: "A checkpoint written by lstm-trace train --save.", required: true),
            OptionSpec("--length", value: "n", help: "Characters to generate.", default: "200"),
            OptionSpec("--prime", value: "text", help: "Text to start from (default: a newline, or the first character of the vocabulary)."),
            OptionSpec("--seed", value: "n", help: "np.random.seed for the draws.", default: "0"),
        ])

    static let bench = CommandSpec(
        name: "bench",
        abstract: "Time the notebook's model: ms per iteration, tracing off and on.",
        discussion: "Runs the training loop of lstm-trace train (same model, same data) and reports milliseconds per "
            + "iteration with tracing off and with every iteration traced, and what one iteration traced and written as "
            + "JSON (--trace-iteration) adds to a run of 5000 iterations. It also reports the resident memory after the "
            + "first and the last third of the run, to show that it stays flat. Build with -c release for real "
            + "figures; Examples/python/bench.py runs this beside the numpy notebook and prints the ratio.",
        options: [
            data,
            OptionSpec("--iterations", value: "n", help: "Iterations per timing.", default: "1000"),
            OptionSpec("--hidden", value: "n", help: "Hidden units H.", default: "100"),
            OptionSpec("--steps", value: "n", help: "Characters T per sequence.", default: "25"),
            OptionSpec("--repeat", value: "n", help: "Repeat each timing n times and report the fastest.", default: "3"),
            threads,
            OptionSpec("--format", value: "format", help: "Output format.", default: "text", values: ["text", "json"]),
        ])
}

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

/// Help text of `lstm-trace weights`.
enum WeightsSpecs {
    static let weights = CommandSpec(
        name: "weights",
        abstract: "Write the parameters a run uses (or its gradients), in our layout or PyTorch's.",
        discussion: "So that your numpy code, or nn.LSTM and nn.Linear, start from exactly the numbers a trace uses. "
            + "--layout ours writes W_f, b_f, W_i, b_i, W_C, b_C, W_o, b_o and W_y, b_y (W_v, b_v for cross-entropy) as "
            + "the trace holds them: each W is H x Z with its columns in the concat order, each b is H x 1. --layout "
            + "pytorch writes a state_dict of a module with self.lstm = nn.LSTM(X, H) and self.head = nn.Linear(H, K): "
            + "lstm.weight_ih_l0 (4H x X), lstm.weight_hh_l0 (4H x H), lstm.bias_ih_l0 and lstm.bias_hh_l0 (4H), with "
            + "the gates in PyTorch's order i, f, g, o (g is C~), then head.weight (K x H) and head.bias (K). PyTorch adds "
            + "its two biases, so they are written as bias_ih = b and bias_hh = 0. Weights read from your own state_dict "
            + "(--weights, or a trace of them with --from) keep its module names: rnn.weight_ih_l0 and fc.weight stay so.\n\n"
            + "With --gradients it writes the run's gradients instead, in the same layout (our dW_f, ..., or PyTorch's "
            + ".grad of each key, where each of the two bias gradients equals db).\n\n"
            + "The model comes from the options of step (drawn, or --weights and the other files), or from --from "
            + "TRACE.json. -o FILE.npz writes numpy's .npz (np.load(FILE)[\"W_f\"]); -o FILE.json writes JSON.",
        options: ModelSpecs.modelOptions + ModelSpecs.ownModelOptions + [
            OptionSpec("--from", value: "trace.json", help: "Take the parameters (and gradients) of this JSON trace instead of a model's options."),
            OptionSpec("--layout", value: "layout", help: "Names and shapes to write.", default: "ours", values: ["ours", "pytorch"]),
            OptionSpec("--gradients", help: "Write the gradients of the run instead of the parameters."),
            OptionSpec("--output-file", short: "-o", value: "file", help: "Write to this file (atomically): .npz or .json.", required: true),
        ])
}

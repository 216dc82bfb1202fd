import TraceLSTM

/// docs/trace-format.md: every key of a trace, its equation, shape and place in JSON, CSV and
/// npz, written from the symbol table (`Quantity`, `ParameterName`, `LearnerNames`,
/// `Equations`), so the page cannot drift from what the tool writes and reads.
enum TraceFormatPage {
    static func render(_ f: DocsFormat) -> String {
        let config = LSTMConfiguration(input: 3, hidden: 5, output: 2)
        var s = f.header("The trace: keys, equations and shapes")
        s += "What `lstm-trace step` writes (`--format json`, `csv`, `npz`), what `compare` and `--weights` read, and the "
            + "names they also understand. Sizes: X inputs, H hidden units, K outputs, T steps, Z = H + X. Steps count "
            + "from 1, indices from 0. Every table below is written from the symbol table that the renderers use "
            + "(`Sources/TraceLSTM/Trace/Symbols.swift`).\n\n"
        s += "## Where each key sits\n\n"
        s += "| kind | JSON (`--format json`) | CSV (`--format csv`, one value a row) | npz (`--format npz`) |\n|---|---|---|---|\n"
        s += "| forward value q at step t | `forward[k].q`, the step object with `\"t\": t` | `forward,t,q,j,0,value` | `q`, T × size: row t − 1 |\n"
        s += "| gradient dq at step t | `backward[k].dq`, the step object with `\"t\": t` | `backward,t,dq,j,0,value` | `dq`, T × size |\n"
        s += "| parameter P | `parameters.P`, an array of rows | `parameter,,P,row,col,value` | `P`, rows × cols |\n"
        s += "| gradient dP (summed over t) | `gradients.dP` | `gradient,,dP,row,col,value` | `dP` |\n"
        s += "| after clipping (training) | `clipped.dP` | `clipped,,dP,row,col,value` | `clipped_dP` |\n"
        s += "| the target | `target` | `target,t,target,k,0,value` (t empty for mse-last; cross-entropy: `target,t,target,0,0,class`) | `target` (class indices as int64) |\n"
        s += "| L, the loss of the sequence | `loss` | `total,,loss,0,0,value` | `loss`, a 0-d array |\n"
        s += "| each step's term of L | `forward[k].loss`, a number (mse-last: at t = T only) | `forward,t,loss,0,0,value` | `step_loss`, T (mse-all, cross-entropy) |\n"
        s += "| the model and the run | `config` (below); `format` is `\"\(TraceJSON.format)\"` | (none) | `config` and `format`, strings |\n\n"
        s += "JSON vectors are flat arrays of numbers; matrices are arrays of rows; NaN is written `null`. CSV is RFC 4180 "
            + "with the header `\(TraceCSV.header)`. In the npz, `np.load(\"trace.npz\")[\"f\"]` is f over time, one row a "
            + "step. All three carry every number at full precision.\n\n"

        s += "## Forward values, at each step\n\n"
        s += table(Quantity.forwardOrder, config)
        s += "`v` is written for the softmax head only, where $y_t = \\operatorname{softmax}(v_t)$.\n\n"
        s += "## Gradients, at each step (backpropagation through time)\n\n"
        s += "d stands for ∂L/∂: the total gradient, with what flows back from later steps. The backward pass runs from "
            + "t = T down to 1; `dh_prev` and `dC_prev` of step t, $dh_{t-1}^{(t)}$ and $dC_{t-1}^{(t)}$, are what it hands back to step t − 1 "
            + "(the notebook's `dh_next` and `dC_next`), where they are added into $dh_{t-1}$ and $dC_{t-1}$.\n\n"
        s += table(Quantity.backwardOrder, config)
        s += "The gradient at the head's output depends on the loss:\n\n"
        for loss in LossKind.allCases {
            let head = Equations.backward(LSTMConfiguration(input: 3, hidden: 5, output: 2, loss: loss))[0]
            s += "- \(loss.rawValue): `\(head.text)`\n"
        }
        s += "\n## Parameters and their gradients\n\n"
        s += "| key | gradient | symbol | what it is | shape |\n|---|---|---|---|---|\n"
        for p in ParameterName.allCases {
            let (rows, cols) = shapeText(p)
            let keys = p.isHead ? "`\(p.key(head: .linear))` / `\(p.key(head: .softmax))`" : "`\(p.key(head: .linear))`"
            let grads = p.isHead ? "`\(p.gradientKey(head: .linear))` / `\(p.gradientKey(head: .softmax))`" : "`\(p.gradientKey(head: .linear))`"
            s += "| \(keys) | \(grads) | $\(p.latex(head: .linear))$ | \(p.meaning) | \(rows) × \(cols) |\n"
        }
        s += "\nEach W's columns follow the concat order: with h-first the first H meet $h_{t-1}$, with x-first the first X "
            + "meet $x_t$. The head's names are `W_y, b_y` (linear) or `W_v, b_v` (softmax). "
            + "The gradients are summed over the steps:\n\n$$\(Equations.parameterGradients(config).latex)$$\n\n"

        s += "## Target, loss and config\n\n"
        s += "| loss | target | L |\n|---|---|---|\n"
        for loss in LossKind.allCases {
            let target: String
            switch loss {
            case .mseLast: target = "K numbers (Y)"
            case .mseAll: target = "T × K (one row $Y_t$ a step)"
            case .crossEntropy: target = "T class indices, 0 … K − 1"
            }
            s += "| \(loss.rawValue) | \(target) | $\(Equations.loss(LSTMConfiguration(input: 3, hidden: 5, output: 2, loss: loss)).latex)$ |\n"
        }
        s += "\n`config` holds `input`, `hidden`, `output`, `steps`, `concat` (`h-first`: $z_t = [h_{t-1}, x_t]$; `x-first`: "
            + "$[x_t, h_{t-1}]$), `head` (`linear`, `softmax`) and `loss`, then what the run records: `seed` and `init` where "
            + "anything was drawn, `forget_bias`, and for your own files `weights`, `weights_layout` (`ours`, `pytorch`), "
            + "`biases` (PyTorch's, summed), `pytorch_lstm` and `pytorch_head` (a state_dict's module names), `inputs`, `target`, `h0`, `c0`.\n\n"

        s += "## Your own model in: `--weights`, `--inputs`, `--target`, `--h0`, `--c0`\n\n"
        s += "Each file may be `.npy`, `.npz` (np.savez; np.savez_compressed is read too), CSV (one row a line) or JSON; "
            + "they are told apart by their first bytes. Any dtype numpy converts to float64 exactly is read (float64, "
            + "float32, float16, integers up to 2^53, booleans, either byte order, Fortran order); anything else is "
            + "refused with one line naming the file, the key and the shape expected.\n\n"
        s += "| option | holds | shape |\n|---|---|---|\n"
        s += "| `--weights` | the parameters by the keys above (or a whole trace, or a PyTorch state_dict) | as above |\n"
        s += "| `--inputs` | $x_1, \\dots, x_T$ | T × X (or T × X × 1) |\n"
        s += "| `--target` | the target | as in the table of losses |\n"
        s += "| `--h0`, `--c0` | $h_0$, $C_0$ (zero when not given) | H |\n\n"
        s += "The sizes come from the shapes; an option or a file that disagrees is refused.\n\n"

        s += "## PyTorch's layout\n\n"
        s += "`nn.LSTM(X, H)` stacks the four gates in one matrix per input, in the order i, f, g, o (g is our C̃), and has two "
            + "biases where we have one. `--weights` reads a state_dict saved as "
            + "`np.savez(f, **{k: v.detach().numpy() for k, v in model.state_dict().items()})`; "
            + "`lstm-trace weights --layout pytorch` writes one (`\(PyTorchModules.standard.lstmPrefix)…`, "
            + "`\(PyTorchModules.standard.headPrefix)weight`, `\(PyTorchModules.standard.headPrefix)bias`; for weights read from your "
            + "state_dict, under its own module names, which the trace keeps as `pytorch_lstm` and `pytorch_head`).\n\n"
        s += "| ours | PyTorch (rows of each) |\n|---|---|\n"
        for (block, gate) in ParameterArrays.pytorchGateOrder.enumerated() {
            func multiple(_ n: Int) -> String { n == 0 ? "0" : n == 1 ? "H" : "\(n)H" }
            let rows = "[\(multiple(block)):\(multiple(block + 1))]"
            s += "| $\(gate.latex(head: .linear))$, columns that meet $x_t$ | `weight_ih_l0\(rows)` |\n"
            s += "| $\(gate.latex(head: .linear))$, columns that meet $h_{t-1}$ | `weight_hh_l0\(rows)` |\n"
            s += "| $\(ParameterArrays.bias(of: gate).latex(head: .linear))$ | `bias_ih_l0\(rows) + bias_hh_l0\(rows)` |\n"
        }
        s += "| $W_y$, $b_y$ (or $W_v$, $b_v$) | `<name>.weight` (K × H), `<name>.bias` (K) of the `nn.Linear(H, K)` |\n\n"
        s += "The gradient of each of PyTorch's two biases equals ours: $b_{ih}$ and $b_{hh}$ enter only through their sum, so "
            + "`bias_ih_l0.grad` and `bias_hh_l0.grad` are both db (block by block), not halves of it, and not to be "
            + "added. `lstm-trace weights --from TRACE --gradients --layout pytorch` writes the gradients that way; its "
            + "parameters are written with bias_ih = b and bias_hh = 0.\n\n"

        s += "## Names `compare` and `--weights` also read\n\n"
        s += "A name is matched as written, then ignoring case, underscores and a trailing `_t` (`C_t`, `ct`, `Ct` → `C`). "
            + "`compare` lists what it matched and what it ignored. Learners' per-step arrays are stacked T × … (T × H or "
            + "T × H × 1), as `np.stack` of column vectors gives them.\n\n"
        s += "| key | also read as |\n|---|---|\n"
        for q in Quantity.allCases where !q.learnerNames.isEmpty {
            let key = TraceKey.quantity(q).flatName(head: .linear)
            let others = ([q.symbol.swiftName] + q.learnerNames).filter { $0 != q.key && $0 != key }
            s += "| `\(q.key)`\(key != q.key ? " (flat: `\(key)`)" : "") | \(others.map { "`\($0)`" }.joined(separator: ", ")) |\n"
        }
        s += "| `W_f`, `b_f`, …, `dW_f`, … | `Wf`, `bf`, `dWf`, … (any case, with or without underscores) |\n"
        s += "| `target` | `Y`, `targets`, `y_true`, `labels` |\n| `loss` | `total_loss`, `L` |\n"
        return s
    }

    /// A table of per-step quantities: key, symbol, meaning, equation, size.
    static func table(_ quantities: [Quantity], _ config: LSTMConfiguration) -> String {
        var s = "| key | symbol | what it is | computed by | size |\n|---|---|---|---|---|\n"
        for q in quantities {
            let sym = q.symbol
            let softmax = LSTMConfiguration(input: config.input, hidden: config.hidden, output: config.output, loss: .crossEntropy)
            let equation = TraceKey.quantity(q).equation(config)
                ?? TraceKey.quantity(q).equation(softmax).map { $0 + " (softmax head)" } ?? "an input"
            s += "| `\(q.key)` | $\(sym.latex)$ | \(sym.meaning) | \(equation == "an input" ? equation : "`\(equation)`") | \(size(sym.size)) |\n"
        }
        return s + "\n"
    }

    static func size(_ size: SymbolSize) -> String {
        switch size {
        case .input: return "X"
        case .hidden: return "H"
        case .concat: return "Z"
        case .output: return "K"
        case .scalar: return "1"
        }
    }

    /// A parameter's shape in symbols: H × Z, H × 1, K × H, K × 1.
    static func shapeText(_ p: ParameterName) -> (String, String) {
        (p.isHead ? "K" : "H", p.isBias ? "1" : p.isHead ? "H" : "Z")
    }
}

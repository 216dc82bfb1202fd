import TraceLSTM

/// docs/README.md: the index, the notation, and the map from each document's names to ours
/// and to PyTorch's nn.LSTM.
enum IndexPage {
    static func render(_ f: DocsFormat) -> String {
        var s = f.header("TraceLSTM docs")
        s += "Every number on these pages was written by `lstm-trace docs --out docs`, and CI regenerates them and "
            + "fails if a single character differs. Timings are not here; they change from run to run. "
            + "`python3 Examples/python/bench.py .build/release/lstm-trace DATA --markdown docs/benchmarks.md` writes them "
            + "to [benchmarks.md](benchmarks.md). Each page gives the "
            + "`lstm-trace html` command that opens its example in the explorer, one HTML file that shows the cell, "
            + "every step, forward and backward.\n\n"
        s += "| page | what it shows |\n|---|---|\n"
        s += "| [forward.md](forward.md) | one LSTM step, every equation in LaTeX, one unit worked by hand, the full tables |\n"
        s += "| [backward.md](backward.md) | backpropagation through time for the same example: each gradient as a chain rule with its numbers, and the gradient check |\n"
        s += "| [toy-regression.md](toy-regression.md) | the tutorial's toy regression, finished: what its code lacked, the loss per epoch |\n"
        s += "| [char-lstm.md](char-lstm.md) | the numpy notebook's character model: the smooth loss beside numpy's, generated text |\n"
        s += "| [concat-order.md](concat-order.md) | [h, x] against [x, h]: what changes and what does not |\n"
        s += "| [vanishing-gradients.md](vanishing-gradients.md) | how far back the gradient reaches: the forget gate set three ways, and a plain RNN beside it |\n"
        s += "| [trace-format.md](trace-format.md) | every key of a trace: its equation, its shape, where it sits in JSON, CSV and npz; the names and PyTorch's layout that `--weights` and `compare` read |\n\n"

        s += "## Notation\n\n"
        s += "One step of the cell, as the \"LSTM from scratch\" tutorial writes it ($\\sigma$ is the logistic sigmoid, "
            + "$\\odot$ the elementwise product, the tutorial's `*`):\n\n"
        let config = LSTMConfiguration(input: 3, hidden: 5, output: 2)
        s += f.aligned(Equations.forward(config).map { $0.latex.replacingOccurrences(of: " = ", with: " &= ") })
        s += "Vectors are columns: $x_t$ has X entries, $h_t$ and $C_t$ have H, $z_t$ has Z = H + X, and each gate "
            + "matrix $W_f, W_i, W_C, W_o$ is H × Z. A gradient $\\partial L / \\partial q$ is written $dq$, as the "
            + "notebook's code does (`dh`, `dC`, `df`), and $da_f$ is the gradient at the forget gate's "
            + "pre-activation $a_f = W_f z_t + b_f$. What step t hands back to step t − 1 is written $dh_{t-1}^{(t)}$ and "
            + "$dC_{t-1}^{(t)}$ (the notebook's `dh_next`, `dC_next`), apart from the totals $dh_{t-1}$ and $dC_{t-1}$. "
            + "Indices are 0-based, as in numpy. Steps count from 1; $h_0 = C_0 = 0$.\n\n"
        s += "The trace files (JSON, CSV) use these keys, from one symbol table that every page and file is written from:\n\n"
        s += "| key | symbol | Swift name | meaning |\n|---|---|---|---|\n"
        for q in Quantity.allCases {
            let sym = q.symbol
            s += "| `\(q.key)` | $\(sym.latex)$ | `\(sym.swiftName)` | \(sym.meaning) |\n"
        }
        for p in ParameterName.allCases {
            s += "| `\(p.key(head: .linear))`\(p.isHead ? " / `\(p.key(head: .softmax))`" : "") | $\(p.latex(head: .linear))$ | `\(p.swiftName)` | \(p.meaning) |\n"
        }
        s += "\n## The documents' names for the same things\n\n"
        s += "| ours | the tutorial (`001_…`) | the Medium post (`002_…`) | the notebook (`000_…`) |\n|---|---|---|---|\n"
        s += "| $z_t$ = `z` | `concat` = `np.vstack((h_prev, x_t))` | `mixed` (\"combined\") = `np.vstack((x, prev_h))` | `z` = `np.row_stack((h_prev, x))` |\n"
        s += "| order of $z_t$ | [h, x] (h-first) | [x, h] (x-first) | [h, x] (h-first) |\n"
        s += "| $\\tilde{C}_t$ = `C_tilde` | `C_tilde` | `c_tilde` | `C_bar` |\n"
        s += "| $C_t$ = `C` | `C_t` | `c` | `C` |\n"
        s += "| $W_f, W_i, W_C, W_o$ | `W_f, W_i, W_C, W_o`, drawn in that order | `Wf, Wi, Wo, Wc`, drawn f, i, o, c | `W_f, W_i, W_C, W_o`, drawn in that order |\n"
        s += "| $b_f, \\dots$ | `b_f, …` | `bf, bi, bo, bc` | `b_f, …` |\n"
        s += "| output head | `W_y, b_y`; $y_t = W_y h_t + b_y$ | (none) | `W_v, b_v`; $v_t = W_v h_t + b_v$, $y_t = \\operatorname{softmax}(v_t)$ |\n"
        s += "| loss | `np.mean((outputs[-1] - Y[i])**2)` (mse-last) | (none) | $\\sum_t -\\log y_t[\\text{target}_t]$ (cross-entropy) |\n"
        s += "| gradients | (not written: the tutorial stops before backpropagation) | (not written) | `dh`, `dC`, `do`, `dC_bar`, `di`, `df`, `dz`, `dh_prev`, `dC_prev` |\n\n"
        s += "`lstm-trace step --concat x-first` uses the Medium post's order. [concat-order.md](concat-order.md) shows that it "
            + "changes only the order of $z_t$, of $dz_t$ and of the columns of W.\n\n"
        s += "## PyTorch's nn.LSTM\n\n"
        s += "`torch.nn.LSTM(input_size=X, hidden_size=H)` keeps the four gates stacked in one matrix per input, in the order "
            + "**i, f, g, o** (its g is our $\\tilde{C}$), and it has two bias vectors where we have one:\n\n"
        s += "| ours | PyTorch (layer 0) |\n|---|---|\n"
        s += "| $W_i$, columns that meet $x_t$ | `weight_ih_l0[0:H]` |\n"
        s += "| $W_f$, columns that meet $x_t$ | `weight_ih_l0[H:2H]` |\n"
        s += "| $W_C$, columns that meet $x_t$ | `weight_ih_l0[2H:3H]` |\n"
        s += "| $W_o$, columns that meet $x_t$ | `weight_ih_l0[3H:4H]` |\n"
        s += "| $W_i, W_f, W_C, W_o$, columns that meet $h_{t-1}$ | `weight_hh_l0[0:H]`, `[H:2H]`, `[2H:3H]`, `[3H:4H]` |\n"
        s += "| $b_i, b_f, b_C, b_o$ | `bias_ih_l0[k] + bias_hh_l0[k]` for the same four blocks |\n\n"
        s += "So with h-first, our $W_f$ is `torch.cat([weight_hh_l0[H:2H], weight_ih_l0[H:2H]], dim=1)` (H × (H + X)). "
            + "PyTorch's weight gradients come in the same blocks. Its bias gradients do not add up: $b_{ih}$ and $b_{hh}$ "
            + "enter the cell only through their sum, so `bias_ih_l0.grad` and `bias_hh_l0.grad` each equal our $db$ "
            + "(block by block), and either one, not their sum, is what to compare with `db_f`, … "
            + "`lstm-trace step --weights state_dict.npz` traces a PyTorch model as it is, and "
            + "`lstm-trace weights --layout pytorch` writes a trace's parameters or gradients in this layout; "
            + "[trace-format.md](trace-format.md) has the whole map.\n\n"
        s += "## Reproducing a page\n\n"
        s += "```sh\nswift build -c release\n.build/release/lstm-trace docs --out docs --data ../shared/data/shakespear.txt\n"
            + ".build/release/lstm-trace docs --check docs --data ../shared/data/shakespear.txt   # what CI runs\n```\n"
        return s
    }
}

// The names learners give the trace's quantities in their own code, beside the symbol table:
// `lstm-trace compare` and `--weights` read a file's names through these, so `C_bar` (the
// notebook), `c_tilde` (the Medium post), `combined` and `Ct` find `C_tilde`, `z` and `C`.

/// What a name in a file stands for: a quantity at each step, a parameter or its gradient,
/// the target or the sequence's loss.
public enum TraceKey: Hashable, Sendable {
    /// A value or gradient recorded at every step (stacked T × … in flat files).
    case quantity(Quantity)
    case parameter(ParameterName)
    case gradient(ParameterName)
    /// A gradient after clipping (training traces).
    case clipped(ParameterName)
    case target
    /// L, the loss of the whole sequence.
    case loss

    /// The name a flat file (`.npz`, flat JSON) uses: the trace key, except that the per-step
    /// loss terms are `step_loss` (a flat `loss` is L) and clipped gradients `clipped_dW_f`.
    public func flatName(head: Head) -> String {
        switch self {
        case .quantity(let q): return q == .loss ? "step_loss" : q.key
        case .parameter(let p): return p.key(head: head)
        case .gradient(let p): return p.gradientKey(head: head)
        case .clipped(let p): return "clipped_" + p.gradientKey(head: head)
        case .target: return "target"
        case .loss: return "loss"
        }
    }
}

extension Quantity {
    /// Other names for this quantity in learners' code and the documents (the trace key, the
    /// Swift name, and forms that differ only in case, underscores or a `_t` suffix are
    /// understood without being listed).
    public var learnerNames: [String] {
        switch self {
        case .x: return ["xt", "xs", "inputs", "input"]
        case .hPrev: return ["prev_h", "h_tm1", "h_last"]
        case .cPrev: return ["prev_c", "c_tm1", "c_last"]
        case .z: return ["combined", "concat", "mixed", "hx", "xh", "stacked"]
        case .aF: return ["f_pre", "f_raw", "zf"]
        case .f: return ["ft", "forget", "forget_gate", "f_gate"]
        case .aI: return ["i_pre", "i_raw", "zi"]
        case .i: return ["it", "input_gate", "i_gate"]
        case .aC: return ["c_pre", "g_pre", "a_g", "c_tilde_pre", "c_bar_pre", "zc"]
        case .cTilde: return ["C_bar", "c_bar", "Cbar", "C_hat", "c_hat", "g", "gt", "candidate", "cand", "ct_tilde"]
        case .c: return ["Ct", "cell", "cell_state", "c_state", "next_c", "cs"]
        case .aO: return ["o_pre", "o_raw", "zo"]
        case .o: return ["ot", "output_gate", "o_gate"]
        case .tanhC: return ["tanh_ct", "tanh_cell", "c_tanh"]
        case .h: return ["ht", "hidden", "hidden_state", "h_state", "next_h", "hs"]
        case .v: return ["logits", "scores", "vt"]
        case .y: return ["yt", "y_hat", "yhat", "outputs", "output", "out", "pred", "prediction", "probs", "ps"]
        case .loss: return ["step_loss", "loss_t", "losses", "step_losses"]
        case .dy: return ["dout", "dy_hat", "doutput"]
        case .dv: return ["dlogits", "dscores"]
        case .dh: return ["dht", "dhidden"]
        case .dO: return ["do_gate", "doutput_gate"]
        case .daO: return ["do_pre", "do_raw"]
        case .dC: return ["dct", "dcell"]
        case .dCTilde: return ["dC_bar", "dc_bar", "dCbar", "dC_hat", "dg", "dcandidate"]
        case .daC: return ["dc_pre", "dg_pre", "dc_bar_pre"]
        case .dI: return ["di_gate", "dinput_gate"]
        case .daI: return ["di_pre", "di_raw"]
        case .dF: return ["df_gate", "dforget"]
        case .daF: return ["df_pre", "df_raw"]
        case .dz: return ["dcombined", "dconcat", "dmixed", "dhx"]
        case .dhPrev: return ["dprev_h", "dh_tm1"]
        case .dCPrev: return ["dprev_c", "dc_tm1"]
        }
    }
}

/// Resolves the names of a learner's file to trace keys.
public enum LearnerNames {
    /// Names matched as written, case and all, before any folding: `Y` is the tutorial's
    /// target, while `y` is the output.
    static let exact: [String: TraceKey] = ["Y": .target, "Y_t": .target]

    /// Every spelling, folded (lowercase, letters and digits only), to what it stands for.
    /// Outside a step, `loss` is L; inside a step object it is that step's term.
    static let folded: [String: TraceKey] = {
        var table: [String: TraceKey] = [:]
        func add(_ name: String, _ key: TraceKey) {
            let f = fold(name)
            precondition(table[f] == nil || table[f] == key, "LearnerNames: '\(name)' means two things")
            table[f] = key
        }
        for q in Quantity.allCases where q != .loss {
            add(q.key, .quantity(q))
            add(q.symbol.swiftName, .quantity(q))
        }
        for q in Quantity.allCases { for name in q.learnerNames { add(name, .quantity(q)) } }
        for p in ParameterName.allCases {
            for head in Head.allCases {
                add(p.key(head: head), .parameter(p))
                add(p.gradientKey(head: head), .gradient(p))
                add("clipped_" + p.gradientKey(head: head), .clipped(p))
            }
            add(p.swiftName, .parameter(p))
            add("d" + p.swiftName, .gradient(p))
        }
        for name in ["target", "targets", "y_true", "labels", "label"] { add(name, .target) }
        for name in ["loss", "total_loss", "L"] { add(name, .loss) }
        return table
    }()

    /// Lowercase letters and digits only: `C_tilde`, `c-tilde` and `Ctilde` fold alike.
    static func fold(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
    }

    /// Why a name that is none of the trace's is left unread, where a learner would expect it
    /// read: the notebook's `dh_next` and `dC_next` name both what step t receives from t + 1
    /// and what its backward returns for t − 1, one step apart, so neither is guessed.
    public static func whyNotRead(_ name: String) -> String? {
        switch fold(name) {
        case "dhnext", "dcnext":
            let q: Quantity = fold(name) == "dhnext" ? .dhPrev : .dCPrev
            return "\(name) is what step t receives and, in the notebook, also what it returns: save what backward returns "
                + "at step t as \(q.key)"
        default: return nil
        }
    }

    /// What `name` stands for, or nil when it is none of the trace's names. `inStep` is true
    /// for a key inside one step's object (`forward[k]`), where only per-step quantities
    /// belong and `loss` is the step's term.
    public static func resolve(_ name: String, inStep: Bool = false) -> TraceKey? {
        let key = lookup(name) ?? (name.hasSuffix("_t") ? lookup(String(name.dropLast(2))) : nil)
        guard inStep else { return key }
        if key == .loss { return .quantity(.loss) }
        if case .quantity = key { return key }
        return nil
    }

    private static func lookup(_ name: String) -> TraceKey? {
        exact[name] ?? folded[fold(name)]
    }
}

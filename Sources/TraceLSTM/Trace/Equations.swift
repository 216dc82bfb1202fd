/// A column of an equation's table of values.
public enum EquationColumn: Equatable, Sendable {
    /// A quantity at the step shown.
    case value(Quantity)
    /// What step t + 1 handed back (its `dh_prev` or `dC_prev`; zero at the last step):
    /// the notebook's `dh_next` and `dC_next`, written dh_t^(t+1) and dC_t^(t+1) so that the
    /// part handed back never shares a name with the total dh_t or dC_t.
    case next(Quantity)
    /// The target at this step (Y, Y_t, or the one-hot of the class).
    case target

    /// LaTeX for the column header at step t (`t` substituted), in a model with this loss.
    public func latex(t: Int, loss: LossKind) -> String {
        switch self {
        case .value(let q): return q.symbol.latex(t: t)
        case .next(let q): return Symbol.substitute(q == .dhPrev ? "dh_{t}^{(t+1)}" : "dC_{t}^{(t+1)}", t: t)
        case .target:
            switch loss {
            case .mseLast: return "Y"
            case .mseAll: return Symbol.substitute("Y_{t}", t: t)
            case .crossEntropy: return Symbol.substitute("\\text{onehot}(\\text{target}_{t})", t: t)
            }
        }
    }

    /// The trace key behind the column.
    public var key: String {
        switch self {
        case .value(let q): return q.key
        case .next(let q): return q == .dhPrev ? "dh_next" : "dC_next"
        case .target: return "target"
        }
    }
}

/// One equation of the forward or backward pass, as every renderer shows it: LaTeX for
/// Markdown, plain text for HTML and terminals, and the columns of its table of values.
public struct Equation: Sendable {
    /// The label: the spec's number for forward equations ("1", "2a"), "B1"… backwards.
    public let label: String
    /// A short title ("Forget gate").
    public let title: String
    /// LaTeX with the step as `{t}` (see `Symbol.substitute`); ⊙ is `\odot`.
    public let latex: String
    /// The same in plain Unicode text.
    public let text: String
    /// What the table's rows run over.
    public let rows: SymbolSize
    /// The table's columns, inputs first, results last.
    public let columns: [EquationColumn]
    /// The quantities it produces (the last columns).
    public let results: [Quantity]

    /// LaTeX at step t.
    public func latex(t: Int) -> String { Symbol.substitute(latex, t: t) }
}

/// The equations of the spec (forward 0–4 and the head, and their derivatives backwards),
/// the one list that the Markdown, the docs and the HTML explorer all render.
public enum Equations {
    /// The forward equations of one step, in order.
    public static func forward(_ config: LSTMConfiguration) -> [Equation] {
        let hFirst = config.concat == .hFirst
        var list = [
            Equation(label: "0", title: "Concatenation",
                     latex: hFirst ? "z_{t} = [h_{t-1}, x_{t}]" : "z_{t} = [x_{t}, h_{t-1}]",
                     text: hFirst ? "z_t = [h_{t−1}, x_t]" : "z_t = [x_t, h_{t−1}]",
                     rows: .concat, columns: [.value(.z)], results: [.z]),
            Equation(label: "1", title: "Forget gate", latex: "f_{t} = \\sigma(W_f \\cdot z_{t} + b_f)",
                     text: "f_t = σ(W_f · z_t + b_f)", rows: .hidden, columns: [.value(.aF), .value(.f)], results: [.aF, .f]),
            Equation(label: "2a", title: "Input gate", latex: "i_{t} = \\sigma(W_i \\cdot z_{t} + b_i)",
                     text: "i_t = σ(W_i · z_t + b_i)", rows: .hidden, columns: [.value(.aI), .value(.i)], results: [.aI, .i]),
            Equation(label: "2b", title: "Candidate cell state", latex: "\\tilde{C}_{t} = \\tanh(W_C \\cdot z_{t} + b_C)",
                     text: "C̃_t = tanh(W_C · z_t + b_C)", rows: .hidden, columns: [.value(.aC), .value(.cTilde)],
                     results: [.aC, .cTilde]),
            Equation(label: "3", title: "Cell state", latex: "C_{t} = f_{t} \\odot C_{t-1} + i_{t} \\odot \\tilde{C}_{t}",
                     text: "C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t", rows: .hidden,
                     columns: [.value(.f), .value(.cPrev), .value(.i), .value(.cTilde), .value(.c)], results: [.c]),
            Equation(label: "4a", title: "Output gate", latex: "o_{t} = \\sigma(W_o \\cdot z_{t} + b_o)",
                     text: "o_t = σ(W_o · z_t + b_o)", rows: .hidden, columns: [.value(.aO), .value(.o)], results: [.aO, .o]),
            Equation(label: "4b", title: "Hidden state", latex: "h_{t} = o_{t} \\odot \\tanh(C_{t})",
                     text: "h_t = o_t ⊙ tanh(C_t)", rows: .hidden,
                     columns: [.value(.o), .value(.c), .value(.tanhC), .value(.h)], results: [.tanhC, .h]),
        ]
        switch config.head {
        case .linear:
            list.append(Equation(label: "5", title: "Output", latex: "y_{t} = W_y \\cdot h_{t} + b_y",
                                 text: "y_t = W_y · h_t + b_y", rows: .output, columns: [.value(.y)], results: [.y]))
        case .softmax:
            list.append(Equation(label: "5", title: "Output", latex: "v_{t} = W_v \\cdot h_{t} + b_v, \\quad y_{t} = \\operatorname{softmax}(v_{t})",
                                 text: "v_t = W_v · h_t + b_v,  y_t = softmax(v_t)", rows: .output,
                                 columns: [.value(.v), .value(.y)], results: [.v, .y]))
        }
        return list
    }

    /// The loss, as LaTeX and text (the whole sequence's L).
    public static func loss(_ config: LSTMConfiguration) -> (latex: String, text: String) {
        switch config.loss {
        case .mseLast: return ("L = \\frac{1}{K} \\sum_{k} (y_{T,k} - Y_k)^2", "L = mean_k (y_T,k − Y_k)²")
        case .mseAll: return ("L = \\frac{1}{TK} \\sum_{t} \\sum_{k} (y_{t,k} - Y_{t,k})^2", "L = mean over t, k of (y_t,k − Y_t,k)²")
        case .crossEntropy: return ("L = \\sum_{t} -\\log y_{t}[\\text{target}_{t}]", "L = Σ_t −log y_t[target_t]")
        }
    }

    /// The backward equations of one step, in the order they are computed.
    public static func backward(_ config: LSTMConfiguration) -> [Equation] {
        let head: Equation
        switch config.loss {
        case .mseLast:
            head = Equation(label: "B1", title: "Output gradient",
                            latex: "dy_{t} = \\tfrac{2}{K}(y_{t} - Y) \\text{ at } t = T, \\text{ else } 0",
                            text: "dy_t = 2(y_t − Y)/K at t = T, else 0", rows: .output,
                            columns: [.value(.y), .target, .value(.dy)], results: [.dy])
        case .mseAll:
            head = Equation(label: "B1", title: "Output gradient", latex: "dy_{t} = \\tfrac{2}{TK}(y_{t} - Y_{t})",
                            text: "dy_t = 2(y_t − Y_t)/(T·K)", rows: .output,
                            columns: [.value(.y), .target, .value(.dy)], results: [.dy])
        case .crossEntropy:
            head = Equation(label: "B1", title: "Score gradient",
                            latex: "dv_{t} = y_{t} - \\text{onehot}(\\text{target}_{t})",
                            text: "dv_t = y_t − onehot(target_t)", rows: .output,
                            columns: [.value(.y), .target, .value(.dv)], results: [.dy, .dv])
        }
        let w = config.head == .softmax ? "W_v^\\top dv_{t}" : "W_y^\\top dy_{t}"
        let wText = config.head == .softmax ? "W_vᵀ dv_t" : "W_yᵀ dy_t"
        return [
            head,
            Equation(label: "B2", title: "Hidden state gradient", latex: "dh_{t} = \(w) + dh_{t}^{(t+1)}",
                     text: "dh_t = \(wText) + dh_t⁽ᵗ⁺¹⁾", rows: .hidden, columns: [.next(.dhPrev), .value(.dh)], results: [.dh]),
            Equation(label: "B3", title: "Output gate gradient",
                     latex: "do_{t} = dh_{t} \\odot \\tanh(C_{t}), \\quad da_{o,t} = o_{t} \\odot (1 - o_{t}) \\odot do_{t}",
                     text: "do_t = dh_t ⊙ tanh(C_t),  da_o = o_t ⊙ (1 − o_t) ⊙ do_t", rows: .hidden,
                     columns: [.value(.dh), .value(.tanhC), .value(.o), .value(.dO), .value(.daO)], results: [.dO, .daO]),
            Equation(label: "B4", title: "Cell state gradient",
                     latex: "dC_{t} = dC_{t}^{(t+1)} + dh_{t} \\odot o_{t} \\odot (1 - \\tanh^2(C_{t}))",
                     text: "dC_t = dC_t⁽ᵗ⁺¹⁾ + dh_t ⊙ o_t ⊙ (1 − tanh²(C_t))", rows: .hidden,
                     columns: [.next(.dCPrev), .value(.dh), .value(.o), .value(.tanhC), .value(.dC)], results: [.dC]),
            Equation(label: "B5", title: "Candidate gradient",
                     latex: "d\\tilde{C}_{t} = dC_{t} \\odot i_{t}, \\quad da_{C,t} = (1 - \\tilde{C}_{t}^2) \\odot d\\tilde{C}_{t}",
                     text: "dC̃_t = dC_t ⊙ i_t,  da_C = (1 − C̃_t²) ⊙ dC̃_t", rows: .hidden,
                     columns: [.value(.dC), .value(.i), .value(.cTilde), .value(.dCTilde), .value(.daC)], results: [.dCTilde, .daC]),
            Equation(label: "B6", title: "Input gate gradient",
                     latex: "di_{t} = dC_{t} \\odot \\tilde{C}_{t}, \\quad da_{i,t} = i_{t} \\odot (1 - i_{t}) \\odot di_{t}",
                     text: "di_t = dC_t ⊙ C̃_t,  da_i = i_t ⊙ (1 − i_t) ⊙ di_t", rows: .hidden,
                     columns: [.value(.dC), .value(.cTilde), .value(.i), .value(.dI), .value(.daI)], results: [.dI, .daI]),
            Equation(label: "B7", title: "Forget gate gradient",
                     latex: "df_{t} = dC_{t} \\odot C_{t-1}, \\quad da_{f,t} = f_{t} \\odot (1 - f_{t}) \\odot df_{t}",
                     text: "df_t = dC_t ⊙ C_{t−1},  da_f = f_t ⊙ (1 − f_t) ⊙ df_t", rows: .hidden,
                     columns: [.value(.dC), .value(.cPrev), .value(.f), .value(.dF), .value(.daF)], results: [.dF, .daF]),
            Equation(label: "B8", title: "Concatenation gradient",
                     latex: "dz_{t} = W_f^\\top da_{f,t} + W_i^\\top da_{i,t} + W_C^\\top da_{C,t} + W_o^\\top da_{o,t}",
                     text: "dz_t = W_fᵀ da_f + W_iᵀ da_i + W_Cᵀ da_C + W_oᵀ da_o", rows: .concat,
                     columns: [.value(.dz)], results: [.dz]),
            Equation(label: "B9", title: "Handed to step t − 1",
                     latex: "dh_{t-1}^{(t)} = dz_{t}[h], \\quad dC_{t-1}^{(t)} = f_{t} \\odot dC_{t}",
                     text: "dh_{t−1}⁽ᵗ⁾ = dz_t[h part],  dC_{t−1}⁽ᵗ⁾ = f_t ⊙ dC_t", rows: .hidden,
                     columns: [.value(.dhPrev), .value(.f), .value(.dC), .value(.dCPrev)], results: [.dhPrev, .dCPrev]),
        ]
    }

    /// The parameter gradients, summed over the steps.
    public static func parameterGradients(_ config: LSTMConfiguration) -> (latex: String, text: String) {
        let head = config.head == .softmax ? "dW_v = \\sum_{t} dv_{t}\\thinspace h_{t}^\\top" : "dW_y = \\sum_{t} dy_{t}\\thinspace h_{t}^\\top"
        let headText = config.head == .softmax ? "dW_v = Σ_t dv_t h_tᵀ" : "dW_y = Σ_t dy_t h_tᵀ"
        return ("dW_g = \\sum_{t=1}^{T} da_{g,t}\\thinspace z_{t}^\\top, \\quad db_g = \\sum_{t=1}^{T} da_{g,t} \\quad (g = f, i, C, o), \\qquad \(head)",
                "dW_g = Σ_t da_g,t z_tᵀ,  db_g = Σ_t da_g,t  (g = f, i, C, o);  \(headText)")
    }
}

import Foundation

/// What a quantity's vector runs over, which fixes its length and how its rows are labelled.
public enum SymbolSize: Sendable {
    /// X entries (x_t, dz's x-part): the inputs.
    case input
    /// H entries: one per hidden unit.
    case hidden
    /// Z = H + X entries, in the concat order.
    case concat
    /// K entries: one per output.
    case output
    /// One number.
    case scalar
}

/// One row of the symbol table: a quantity's names in the Swift code, the equations, the
/// trace files and plain text. Every renderer (Markdown, CSV, JSON, HTML, docs) reads these,
/// so no table can disagree with the text.
public struct Symbol: Sendable {
    /// The trace key (JSON, CSV): `C_tilde`.
    public let key: String
    /// The Swift name in the math code: `cTilde`.
    public let swiftName: String
    /// LaTeX for step t: `\tilde{C}_t`.
    public let latex: String
    /// Plain text (Unicode) for step t: `C̃_t`; a gradient ∂L/∂q is written dq (`dh_t`), as in the LaTeX.
    public let unicode: String
    /// One line on what it is.
    public let meaning: String
    /// The length of its vector.
    public let size: SymbolSize

    /// The LaTeX for step t: `f_{t}` → `f_{3}`, `h_{t-1}` → `h_{2}`, `a_{f,t}` → `a_{f,3}`.
    public func latex(t: Int) -> String { Symbol.substitute(latex, t: t) }

    /// Puts step t into a LaTeX template that marks the step as `{t}`, `{t-1}`, `{t+1}`, `,t}`,
    /// or, in a superscript naming the step that hands a gradient back, `{(t)}` and `{(t+1)}`.
    public static func substitute(_ template: String, t: Int) -> String {
        template.replacingOccurrences(of: "{(t+1)}", with: "{(\(t + 1))}")
            .replacingOccurrences(of: "{(t)}", with: "{(\(t))}")
            .replacingOccurrences(of: "{t-1}", with: "{\(t - 1)}")
            .replacingOccurrences(of: "{t+1}", with: "{\(t + 1)}")
            .replacingOccurrences(of: "{t}", with: "{\(t)}")
            .replacingOccurrences(of: ",t}", with: ",\(t)}")
    }
}

/// The quantities a trace records at each step: the forward values (spec equations 0–4,
/// the head, the loss) and their gradients.
public enum Quantity: String, CaseIterable, Sendable {
    // Forward, in the order of the equations.
    case x, hPrev = "h_prev", cPrev = "C_prev", z
    case aF = "a_f", f, aI = "a_i", i, aC = "a_C", cTilde = "C_tilde", c = "C"
    case aO = "a_o", o, tanhC = "tanh_C", h, v, y, loss
    // Backward, in the order they are computed.
    case dy, dv, dh, dO = "do", daO = "da_o", dC, dCTilde = "dC_tilde", daC = "da_C"
    case dI = "di", daI = "da_i", dF = "df", daF = "da_f", dz, dhPrev = "dh_prev", dCPrev = "dC_prev"

    /// The forward quantities, in trace order.
    public static let forwardOrder: [Quantity] = [.x, .hPrev, .cPrev, .z, .aF, .f, .aI, .i, .aC, .cTilde, .c,
                                                   .aO, .o, .tanhC, .h, .v, .y, .loss]
    /// The backward quantities, in trace order.
    public static let backwardOrder: [Quantity] = [.dy, .dv, .dh, .dO, .daO, .dC, .dCTilde, .daC, .dI, .daI,
                                                    .dF, .daF, .dz, .dhPrev, .dCPrev]

    /// Whether this is a gradient (recorded by the backward pass).
    public var isGradient: Bool { Quantity.backwardOrder.contains(self) }

    /// The trace key.
    public var key: String { rawValue }

    /// The quantity with this trace key, if any.
    public init?(key: String) { self.init(rawValue: key) }

    /// This quantity's row of the symbol table (for a softmax head, y and v read as the
    /// notebook names them).
    public var symbol: Symbol {
        switch self {
        case .x: return Symbol(key: key, swiftName: "x", latex: "x_{t}", unicode: "x_t", meaning: "input at step t", size: .input)
        case .hPrev: return Symbol(key: key, swiftName: "hPrev", latex: "h_{t-1}", unicode: "h_{t−1}", meaning: "hidden state from the step before", size: .hidden)
        case .cPrev: return Symbol(key: key, swiftName: "cPrev", latex: "C_{t-1}", unicode: "C_{t−1}", meaning: "cell state from the step before", size: .hidden)
        case .z: return Symbol(key: key, swiftName: "z", latex: "z_{t}", unicode: "z_t", meaning: "the hidden state from the step before, stacked with the input", size: .concat)
        case .aF: return Symbol(key: key, swiftName: "aF", latex: "a_{f,t}", unicode: "a_f", meaning: "forget gate before its sigmoid (its pre-activation)", size: .hidden)
        case .f: return Symbol(key: key, swiftName: "f", latex: "f_{t}", unicode: "f_t", meaning: "forget gate", size: .hidden)
        case .aI: return Symbol(key: key, swiftName: "aI", latex: "a_{i,t}", unicode: "a_i", meaning: "input gate before its sigmoid (its pre-activation)", size: .hidden)
        case .i: return Symbol(key: key, swiftName: "i", latex: "i_{t}", unicode: "i_t", meaning: "input gate", size: .hidden)
        case .aC: return Symbol(key: key, swiftName: "aC", latex: "a_{C,t}", unicode: "a_C", meaning: "candidate before its tanh (its pre-activation)", size: .hidden)
        case .cTilde: return Symbol(key: key, swiftName: "cTilde", latex: "\\tilde{C}_{t}", unicode: "C̃_t", meaning: "candidate cell state", size: .hidden)
        case .c: return Symbol(key: key, swiftName: "c", latex: "C_{t}", unicode: "C_t", meaning: "cell state", size: .hidden)
        case .aO: return Symbol(key: key, swiftName: "aO", latex: "a_{o,t}", unicode: "a_o", meaning: "output gate before its sigmoid (its pre-activation)", size: .hidden)
        case .o: return Symbol(key: key, swiftName: "o", latex: "o_{t}", unicode: "o_t", meaning: "output gate", size: .hidden)
        case .tanhC: return Symbol(key: key, swiftName: "tanhC", latex: "\\tanh(C_{t})", unicode: "tanh(C_t)", meaning: "squashed cell state", size: .hidden)
        case .h: return Symbol(key: key, swiftName: "h", latex: "h_{t}", unicode: "h_t", meaning: "hidden state", size: .hidden)
        case .v: return Symbol(key: key, swiftName: "v", latex: "v_{t}", unicode: "v_t", meaning: "scores before the softmax", size: .output)
        case .y: return Symbol(key: key, swiftName: "y", latex: "y_{t}", unicode: "y_t", meaning: "output", size: .output)
        case .loss: return Symbol(key: key, swiftName: "loss", latex: "L_{t}", unicode: "L_t", meaning: "this step's term of the loss", size: .scalar)
        case .dy: return Symbol(key: key, swiftName: "dy", latex: "dy_{t}", unicode: "dy_t", meaning: "gradient at the output", size: .output)
        case .dv: return Symbol(key: key, swiftName: "dv", latex: "dv_{t}", unicode: "dv_t", meaning: "gradient at the softmax scores", size: .output)
        case .dh: return Symbol(key: key, swiftName: "dh", latex: "dh_{t}", unicode: "dh_t", meaning: "gradient at the hidden state: from the head and from the step after", size: .hidden)
        case .dO: return Symbol(key: key, swiftName: "dO", latex: "do_{t}", unicode: "do_t", meaning: "gradient at the output gate", size: .hidden)
        case .daO: return Symbol(key: key, swiftName: "daO", latex: "da_{o,t}", unicode: "da_o", meaning: "gradient at the output gate's pre-activation", size: .hidden)
        case .dC: return Symbol(key: key, swiftName: "dC", latex: "dC_{t}", unicode: "dC_t", meaning: "gradient at the cell state: through the hidden state and from the step after", size: .hidden)
        case .dCTilde: return Symbol(key: key, swiftName: "dCTilde", latex: "d\\tilde{C}_{t}", unicode: "dC̃_t", meaning: "gradient at the candidate", size: .hidden)
        case .daC: return Symbol(key: key, swiftName: "daC", latex: "da_{C,t}", unicode: "da_C", meaning: "gradient at the candidate's pre-activation", size: .hidden)
        case .dI: return Symbol(key: key, swiftName: "dI", latex: "di_{t}", unicode: "di_t", meaning: "gradient at the input gate", size: .hidden)
        case .daI: return Symbol(key: key, swiftName: "daI", latex: "da_{i,t}", unicode: "da_i", meaning: "gradient at the input gate's pre-activation", size: .hidden)
        case .dF: return Symbol(key: key, swiftName: "dF", latex: "df_{t}", unicode: "df_t", meaning: "gradient at the forget gate", size: .hidden)
        case .daF: return Symbol(key: key, swiftName: "daF", latex: "da_{f,t}", unicode: "da_f", meaning: "gradient at the forget gate's pre-activation", size: .hidden)
        case .dz: return Symbol(key: key, swiftName: "dz", latex: "dz_{t}", unicode: "dz_t", meaning: "gradient at the concatenation", size: .concat)
        case .dhPrev: return Symbol(key: key, swiftName: "dhPrev", latex: "dh_{t-1}^{(t)}", unicode: "dh_{t−1}⁽ᵗ⁾", meaning: "the part of the gradient at the previous hidden state that this step hands back", size: .hidden)
        case .dCPrev: return Symbol(key: key, swiftName: "dCPrev", latex: "dC_{t-1}^{(t)}", unicode: "dC_{t−1}⁽ᵗ⁾", meaning: "the part of the gradient at the previous cell state that this step hands back", size: .hidden)
        }
    }
}

extension ParameterName {
    /// The trace key for a model with this head: `W_f`, …, and `W_y`/`b_y` (linear) or
    /// `W_v`/`b_v` (softmax, the notebook's names).
    public func key(head: Head) -> String {
        switch self {
        case .wf: return "W_f"
        case .bf: return "b_f"
        case .wi: return "W_i"
        case .bi: return "b_i"
        case .wc: return "W_C"
        case .bc: return "b_C"
        case .wo: return "W_o"
        case .bo: return "b_o"
        case .wy: return head == .softmax ? "W_v" : "W_y"
        case .by: return head == .softmax ? "b_v" : "b_y"
        }
    }

    /// The gradient's trace key: `dW_f`, ….
    public func gradientKey(head: Head) -> String { "d" + key(head: head) }

    /// LaTeX: `W_f`, `b_C`, ….
    public func latex(head: Head) -> String {
        let k = key(head: head)
        return k.prefix(1) + "_" + k.dropFirst(2)
    }

    /// The Swift name in the math code: `wf`, `bc`, ….
    public var swiftName: String { String(describing: self) }

    /// One line on what it is.
    public var meaning: String {
        switch self {
        case .wf: return "forget gate weights"
        case .bf: return "forget gate bias"
        case .wi: return "input gate weights"
        case .bi: return "input gate bias"
        case .wc: return "candidate weights"
        case .bc: return "candidate bias"
        case .wo: return "output gate weights"
        case .bo: return "output gate bias"
        case .wy: return "output head weights"
        case .by: return "output head bias"
        }
    }

    /// The gate's activation gradient whose outer products make this parameter's gradient.
    public var preactivationGradient: Quantity {
        switch self {
        case .wf, .bf: return .daF
        case .wi, .bi: return .daI
        case .wc, .bc: return .daC
        case .wo, .bo: return .daO
        case .wy, .by: return .dy
        }
    }

    /// The parameter with this trace key (either head's names), if any.
    public init?(key: String) {
        for name in ParameterName.allCases where name.key(head: .linear) == key || name.key(head: .softmax) == key {
            self = name
            return
        }
        return nil
    }
}

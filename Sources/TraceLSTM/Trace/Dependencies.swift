// What each quantity of the trace is computed from, in the order of the computation: the map
// that lets `lstm-trace compare` name the first line where two computations part, and say
// which of that line's inputs still agree. Read beside `Equations.swift`, whose text it quotes.

/// Which step an input of a quantity at step t is taken from.
public enum StepReference: Hashable, Sendable {
    /// The same step t.
    case same
    /// Step t − 1 (h_{t−1}, C_{t−1}; at t = 1 the initial state, which no step computes).
    case previous
    /// Step t + 1 (dh_next, dC_next; zero at t = T).
    case next
    /// Every step (sums over t).
    case every
    /// Not a per-step quantity (a parameter, the target).
    case none
}

/// One input of a quantity's equation.
public struct Dependency: Hashable, Sendable {
    public let key: TraceKey
    public let step: StepReference

    init(_ key: TraceKey, _ step: StepReference = .same) {
        self.key = key
        self.step = step
    }

    /// How the equations write it: `f_t`, `C_{t−1}`, `dh_t⁽ᵗ⁺¹⁾` (what step t + 1 hands back, the
    /// notebook's dh_next; keep in sync with `Equations.backward`), `W_f`, `da_f (every t)`.
    public func text(head: Head) -> String {
        switch key {
        case .quantity(let q):
            switch step {
            case .next: return q == .dhPrev ? "dh_t⁽ᵗ⁺¹⁾" : q == .dCPrev ? "dC_t⁽ᵗ⁺¹⁾" : q.symbol.unicode + " at t + 1"
            case .previous: return q == .h ? "h_{t−1}" : q == .c ? "C_{t−1}" : q.symbol.unicode + " at t − 1"
            case .every: return q.key + " (every t)"
            case .same, .none: return q.symbol.unicode
            }
        case .parameter(let p): return p.key(head: head)
        case .gradient(let p): return p.gradientKey(head: head)
        case .clipped(let p): return p.gradientKey(head: head) + " before clipping"
        case .target: return "the target"
        case .loss: return "L"
        }
    }
}

extension TraceKey {
    /// The inputs of this quantity's equation (empty for what no equation computes: the
    /// inputs x_t, the parameters, the target, and h_0, C_0 at the first step).
    public func inputs(_ config: LSTMConfiguration) -> [Dependency] {
        let head = config.head == .softmax
        let upstream: Quantity = head ? .dv : .dy
        switch self {
        case .quantity(let q):
            switch q {
            case .x: return []
            case .hPrev: return [Dependency(.quantity(.h), .previous)]
            case .cPrev: return [Dependency(.quantity(.c), .previous)]
            case .z: return [Dependency(.quantity(.hPrev)), Dependency(.quantity(.x))]
            case .aF: return [Dependency(.parameter(.wf), .none), Dependency(.quantity(.z)), Dependency(.parameter(.bf), .none)]
            case .f: return [Dependency(.quantity(.aF))]
            case .aI: return [Dependency(.parameter(.wi), .none), Dependency(.quantity(.z)), Dependency(.parameter(.bi), .none)]
            case .i: return [Dependency(.quantity(.aI))]
            case .aC: return [Dependency(.parameter(.wc), .none), Dependency(.quantity(.z)), Dependency(.parameter(.bc), .none)]
            case .cTilde: return [Dependency(.quantity(.aC))]
            case .c: return [.f, .cPrev, .i, .cTilde].map { Dependency(.quantity($0)) }
            case .aO: return [Dependency(.parameter(.wo), .none), Dependency(.quantity(.z)), Dependency(.parameter(.bo), .none)]
            case .o: return [Dependency(.quantity(.aO))]
            case .tanhC: return [Dependency(.quantity(.c))]
            case .h: return [Dependency(.quantity(.o)), Dependency(.quantity(.c))]
            case .v: return [Dependency(.parameter(.wy), .none), Dependency(.quantity(.h)), Dependency(.parameter(.by), .none)]
            case .y: return head ? [Dependency(.quantity(.v))]
                : [Dependency(.parameter(.wy), .none), Dependency(.quantity(.h)), Dependency(.parameter(.by), .none)]
            case .loss, .dy, .dv: return [Dependency(.quantity(.y)), Dependency(.target, .none)]
            case .dh: return [Dependency(.parameter(.wy), .none), Dependency(.quantity(upstream)), Dependency(.quantity(.dhPrev), .next)]
            case .dO: return [Dependency(.quantity(.dh)), Dependency(.quantity(.c))]
            case .daO: return [Dependency(.quantity(.o)), Dependency(.quantity(.dO))]
            case .dC: return [Dependency(.quantity(.dCPrev), .next), Dependency(.quantity(.dh)), Dependency(.quantity(.o)), Dependency(.quantity(.c))]
            case .dCTilde: return [Dependency(.quantity(.dC)), Dependency(.quantity(.i))]
            case .daC: return [Dependency(.quantity(.cTilde)), Dependency(.quantity(.dCTilde))]
            case .dI: return [Dependency(.quantity(.dC)), Dependency(.quantity(.cTilde))]
            case .daI: return [Dependency(.quantity(.i)), Dependency(.quantity(.dI))]
            case .dF: return [Dependency(.quantity(.dC)), Dependency(.quantity(.cPrev))]
            case .daF: return [Dependency(.quantity(.f)), Dependency(.quantity(.dF))]
            case .dz:
                return [(ParameterName.wf, Quantity.daF), (.wi, .daI), (.wc, .daC), (.wo, .daO)].flatMap {
                    [Dependency(.parameter($0.0), .none), Dependency(.quantity($0.1))]
                }
            case .dhPrev: return [Dependency(.quantity(.dz))]
            case .dCPrev: return [Dependency(.quantity(.f)), Dependency(.quantity(.dC))]
            }
        case .loss: return [Dependency(.quantity(.y), .every), Dependency(.target, .none)]
        case .gradient(let p):
            let da = p.isHead ? upstream : p.preactivationGradient
            if p.isBias { return [Dependency(.quantity(da), .every)] }
            return [Dependency(.quantity(da), .every), Dependency(.quantity(p.isHead ? .h : .z), .every)]
        case .clipped(let p): return [Dependency(.gradient(p), .none)]
        case .parameter, .target: return []
        }
    }

    /// The equation that computes it, as plain text quoted from `Equations` (where one
    /// equation computes two quantities, the half that computes this one); nil for what no
    /// equation computes.
    public func equation(_ config: LSTMConfiguration) -> String? {
        switch self {
        case .quantity(let q):
            switch q {
            case .x: return nil
            case .hPrev: return "h_{t−1} is h_t of the step before (h_0 at t = 1)"
            case .cPrev: return "C_{t−1} is C_t of the step before (C_0 at t = 1)"
            case .loss: return Equations.loss(config).text
            default: break
            }
            for eq in Equations.forward(config) + Equations.backward(config) where eq.results.contains(q) {
                let parts = eq.text.components(separatedBy: ",  ")
                return parts.count == eq.results.count ? parts[eq.results.firstIndex(of: q)!] : eq.text
            }
            return nil
        case .loss: return Equations.loss(config).text
        case .gradient, .clipped: return Equations.parameterGradients(config).text
        case .parameter, .target: return nil
        }
    }
}

/// What each node of the cell diagram shows, forward and backward. Symbols come from the
/// symbol table (`Quantity.symbol`) and the equations (`Equations`); the diagram adds only
/// names ("forget gate") and the four numbers it derives (see `DiagramValues`).
extension CellDiagram {
    /// Which entry of a vector a line shows.
    public enum Slot: String, Sendable {
        /// Entry j, the chosen hidden unit.
        case unit
        /// The entry of largest magnitude (ties: the lower index), and the next one.
        case rank0, rank1
        /// The target class at this step (a softmax head).
        case target
    }

    /// One line of a box.
    enum Line {
        /// A name, in bold sans-serif: "forget gate σ".
        case title(String)
        /// A symbol and its number for one entry: "a_f = 1.581", "x_t[44] = 1.000".
        case value(key: String, symbol: String, slot: Slot)
        /// A symbolic line without a number: "z_t = [h_{t−1}, x_t]".
        case equation(String)
        /// The character (or class) that an entry stands for: input “e”, target “i”.
        case character(key: String, slot: Slot, prefix: String)
        /// "t − 1" or "t + 1" (a neighbouring step), in muted text.
        case offset(Int)
        /// That neighbour's step number, or what stands past either end (`stepLabel`).
        case step(Int)
    }

    enum Kind {
        /// A quantity of the cell (a state, an input, the head).
        case state
        /// A layer with weights and an activation: the gates and the candidate.
        case layer
        /// An elementwise operation (⊙, +), drawn as a circle.
        case op(String)
        /// An elementwise function with its value (tanh(C_t)).
        case pointwise
        /// The neighbouring step, drawn dashed.
        case neighbour
    }

    struct Node {
        var id: String
        var kind: Kind
        /// What a screen reader says for it.
        var name: String
        var forward: [Line]
        var backward: [Line]

        func lines(_ pass: Pass) -> [Line] { pass == .forward ? forward : backward }
    }

    /// The derived keys: what the trace does not store but the diagram shows (DiagramValues).
    public enum DerivedKey {
        /// dx_t: the x_t part of dz_t.
        public static let dx = "dx"
        /// d tanh(C_t) = dh_t ⊙ o_t: the gradient at tanh(C_t).
        public static let dTanhC = "dtanh_C"
        /// What step t + 1 handed back (its dh_prev, dC_prev; zero at the last step).
        public static let dhNext = EquationColumn.next(.dhPrev).key
        public static let dCNext = EquationColumn.next(.dCPrev).key
    }

    static func nodes(_ config: LSTMConfiguration, characters: Bool) -> [Node] {
        func sym(_ q: Quantity) -> String { q.symbol.unicode }
        func value(_ q: Quantity, _ slot: Slot = .unit) -> Line { .value(key: q.key, symbol: sym(q), slot: slot) }
        func gate(_ id: String, _ name: String, _ activation: String, pre: Quantity, out: Quantity,
                  dOut: Quantity, dPre: Quantity) -> Node {
            Node(id: id, kind: .layer, name: name, forward: [.title(name + " " + activation), value(pre), value(out)],
                 backward: [.title(name + " " + activation), value(dOut), value(dPre)])
        }
        let softmax = config.head == .softmax
        // A box that shows two entries of a longer vector says which two.
        func twoOf(_ n: Int) -> String { n > 2 ? ": largest 2 of \(n)" : "" }
        let inputTitle = "input" + (characters ? "" : twoOf(config.input))
        let headTitle = config.head.rawValue + " head" + (softmax ? "" : twoOf(config.output))
        let xLines: [Line] = characters
            ? [value(.x, .rank0), .character(key: Quantity.x.key, slot: .rank0, prefix: "input")]
            : [value(.x, .rank0)] + (config.input > 1 ? [value(.x, .rank1)] : [])
        let dxSymbol = "d" + sym(.x)
        let dxLines: [Line] = [.value(key: DerivedKey.dx, symbol: dxSymbol, slot: .rank0)]
            + (config.input > 1 ? [.value(key: DerivedKey.dx, symbol: dxSymbol, slot: .rank1)] : [])
        let concat = Equations.forward(config)[0].text
        let dConcat = "d" + sym(.z) + " = " + (config.concat == .hFirst ? "[d\(sym(.hPrev)), \(dxSymbol)]" : "[\(dxSymbol), d\(sym(.hPrev))]")
        let headLines: (forward: [Line], backward: [Line])
        if softmax {
            headLines = ([value(.y, .target), .character(key: Quantity.y.key, slot: .target, prefix: "target")],
                         [value(.dv, .target), .character(key: Quantity.dv.key, slot: .target, prefix: "target")])
        } else {
            let two = config.output > 1
            headLines = ([value(.y, .rank0)] + (two ? [value(.y, .rank1)] : []),
                         [value(.dy, .rank0)] + (two ? [value(.dy, .rank1)] : []))
        }
        let cellState = Quantity.c.symbol.meaning, hiddenState = Quantity.h.symbol.meaning
        return [
            Node(id: "prevStep", kind: .neighbour, name: "the step before", forward: [.offset(-1), .step(-1)],
                 backward: [.offset(-1), .step(-1)]),
            Node(id: "C_prev", kind: .state, name: cellState + " " + sym(.cPrev), forward: [.title(cellState), value(.cPrev)],
                 backward: [.title(cellState), value(.dCPrev)]),
            Node(id: "h_prev", kind: .state, name: hiddenState + " " + sym(.hPrev), forward: [.title(hiddenState), value(.hPrev)],
                 backward: [.title(hiddenState), value(.dhPrev)]),
            Node(id: "x", kind: .state, name: "input " + sym(.x), forward: [.title(inputTitle)] + xLines,
                 backward: [.title(inputTitle)] + dxLines),
            Node(id: "z", kind: .state, name: "concatenation " + concat, forward: [.equation(concat)], backward: [.equation(dConcat)]),
            gate("f", Quantity.f.symbol.meaning, "σ", pre: .aF, out: .f, dOut: .dF, dPre: .daF),
            gate("i", Quantity.i.symbol.meaning, "σ", pre: .aI, out: .i, dOut: .dI, dPre: .daI),
            gate("C_tilde", "candidate", "tanh", pre: .aC, out: .cTilde, dOut: .dCTilde, dPre: .daC),
            gate("o", Quantity.o.symbol.meaning, "σ", pre: .aO, out: .o, dOut: .dO, dPre: .daO),
            Node(id: "mulF", kind: .op("⊙"), name: sym(.f) + " ⊙ " + sym(.cPrev), forward: [], backward: []),
            Node(id: "mulI", kind: .op("⊙"), name: sym(.i) + " ⊙ " + sym(.cTilde), forward: [], backward: []),
            Node(id: "add", kind: .op("+"), name: "the sum that makes " + sym(.c), forward: [], backward: []),
            Node(id: "tanh_C", kind: .pointwise, name: sym(.tanhC), forward: [.title("tanh"), value(.tanhC)],
                 backward: [.title("tanh"), .value(key: DerivedKey.dTanhC, symbol: "d " + sym(.tanhC), slot: .unit)]),
            Node(id: "mulO", kind: .op("⊙"), name: sym(.o) + " ⊙ " + sym(.tanhC), forward: [], backward: []),
            Node(id: "C", kind: .state, name: cellState + " " + sym(.c), forward: [.title(cellState), value(.c)],
                 backward: [.title(cellState), value(.dC), .value(key: DerivedKey.dCNext, symbol: DerivedKey.dCNext, slot: .unit)]),
            Node(id: "h", kind: .state, name: hiddenState + " " + sym(.h), forward: [.title(hiddenState), value(.h)],
                 backward: [.title(hiddenState), value(.dh), .value(key: DerivedKey.dhNext, symbol: DerivedKey.dhNext, slot: .unit)]),
            Node(id: "head", kind: .state, name: config.head.rawValue + " head",
                 forward: [.title(headTitle)] + headLines.forward,
                 backward: [.title(headTitle)] + headLines.backward),
            Node(id: "nextStep", kind: .neighbour, name: "the step after", forward: [.offset(1), .step(1)],
                 backward: [.offset(1), .step(1)]),
        ]
    }
}

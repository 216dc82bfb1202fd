import TraceLSTM
import Testing

/// The learner-name table beside the symbol table, and the map of what each quantity is
/// computed from, which `compare` walks to name the first line where two runs part.
@Suite struct LearnerNamesTests {
    @Test func namesOfTheDocumentsAndOfLearners() {
        let cases: [(String, TraceKey)] = [
            ("C_tilde", .quantity(.cTilde)), ("C_bar", .quantity(.cTilde)), ("c_tilde", .quantity(.cTilde)),
            ("Ct", .quantity(.c)), ("C_t", .quantity(.c)), ("c", .quantity(.c)), ("combined", .quantity(.z)),
            ("concat", .quantity(.z)), ("hidden", .quantity(.h)), ("h_t", .quantity(.h)), ("dC_bar", .quantity(.dCTilde)),
            ("dcombined", .quantity(.dz)), ("dh_prev", .quantity(.dhPrev)), ("aF", .quantity(.aF)), ("do", .quantity(.dO)),
            ("Wf", .parameter(.wf)), ("W_c", .parameter(.wc)), ("bc", .parameter(.bc)), ("W_v", .parameter(.wy)),
            ("dWf", .gradient(.wf)), ("db_v", .gradient(.by)), ("clipped_dW_o", .clipped(.wo)),
            ("Y", .target), ("target", .target), ("loss", .loss), ("step_loss", .quantity(.loss)),
        ]
        for (name, key) in cases { #expect(LearnerNames.resolve(name) == key, "\(name)") }
        #expect(LearnerNames.resolve("y") == .quantity(.y), "y is the output; Y (as written) the target")
        #expect(LearnerNames.resolve("loss", inStep: true) == .quantity(.loss), "inside a step, loss is that step's term")
        #expect(LearnerNames.resolve("W_f", inStep: true) == nil, "a step holds no parameters")
        for name in ["momentum", "lr", "dh_next", "weights"] { #expect(LearnerNames.resolve(name) == nil, "\(name)") }
    }

    /// Every trace key (and every flat name `step --format npz` writes) reads back as itself.
    @Test func everyKeyReadsAsItself() {
        for q in Quantity.allCases {
            #expect(LearnerNames.resolve(TraceKey.quantity(q).flatName(head: .linear)) == .quantity(q), "\(q.key)")
            #expect(LearnerNames.resolve(q.key, inStep: true) == .quantity(q), "\(q.key) in a step")
        }
        for p in ParameterName.allCases {
            for head in Head.allCases {
                for key in [TraceKey.parameter(p), .gradient(p), .clipped(p)] {
                    #expect(LearnerNames.resolve(key.flatName(head: head)) == key, "\(key.flatName(head: head))")
                }
            }
        }
    }

    /// The order of the computation, as compare walks it: the parameters and the target,
    /// forward t = 1 … T, the loss, backward t = T … 1, then the sums over t. Each quantity's inputs come before it, so when a
    /// quantity is the first to differ, its inputs have been found to agree.
    @Test func inputsComeBeforeWhatTheyCompute() {
        for loss in LossKind.allCases {
            let config = LSTMConfiguration(input: 2, hidden: 3, output: 2, loss: loss)
            let T = 3
            var order: [String] = ParameterName.allCases.map { "\(TraceKey.parameter($0))" } + ["\(TraceKey.target)"]
            for t in 1...T { order += Quantity.forwardOrder.map { "\(TraceKey.quantity($0))@\(t)" } }
            order += ["\(TraceKey.loss)"]
            for t in (1...T).reversed() { order += Quantity.backwardOrder.map { "\(TraceKey.quantity($0))@\(t)" } }
            order += ParameterName.allCases.map { "\(TraceKey.gradient($0))" } + ParameterName.allCases.map { "\(TraceKey.clipped($0))" }
            func position(_ key: TraceKey, _ t: Int?) -> Int? { order.firstIndex(of: t.map { "\(key)@\($0)" } ?? "\(key)") }
            for (n, cell) in order.enumerated() {
                let parts = cell.split(separator: "@")
                let t = parts.count > 1 ? Int(parts[1]) : nil
                let key = allKeys.first { "\($0)" == parts[0] }!
                for d in key.inputs(config) {
                    let steps: [Int?]
                    switch d.step {
                    case .same: steps = [t]
                    case .previous: steps = t! > 1 ? [t! - 1] : []
                    case .next: steps = t! < T ? [t! + 1] : []
                    case .every: steps = Array(1...T)
                    case .none: steps = [nil]
                    }
                    for s in steps {
                        let at = position(d.key, s)
                        #expect(at != nil && at! < n, "\(loss.rawValue): \(cell) reads \(d.key) at \(String(describing: s)), computed later")
                    }
                }
            }
        }
    }

    /// Every computed quantity has its equation, quoted from `Equations`.
    @Test func everyComputedQuantityHasItsEquation() {
        for loss in LossKind.allCases {
            let config = LSTMConfiguration(input: 2, hidden: 3, output: 2, loss: loss)
            let texts = (Equations.forward(config) + Equations.backward(config)).map(\.text) + [Equations.loss(config).text, Equations.parameterGradients(config).text]
            for key in allKeys where !key.inputs(config).isEmpty {
                if config.head == .linear && (key == .quantity(.v) || key == .quantity(.dv)) { continue }  // the softmax head's
                guard let equation = key.equation(config) else {
                    Issue.record("\(loss.rawValue): \(key) has no equation")
                    continue
                }
                if case .quantity(let q) = key, q == .hPrev || q == .cPrev { continue }
                #expect(texts.contains { $0.contains(equation) }, "\(key): \(equation) is not an equation's text")
            }
        }
        let c = LSTMConfiguration(input: 2, hidden: 3, output: 2)
        #expect(TraceKey.quantity(.dCPrev).equation(c) == "dC_{t−1}⁽ᵗ⁾ = f_t ⊙ dC_t")
        #expect(TraceKey.quantity(.daO).equation(c) == "da_o = o_t ⊙ (1 − o_t) ⊙ do_t")
    }

    var allKeys: [TraceKey] {
        Quantity.allCases.map { TraceKey.quantity($0) } + ParameterName.allCases.flatMap { [TraceKey.parameter($0), .gradient($0), .clipped($0)] }
            + [.target, .loss]
    }
}

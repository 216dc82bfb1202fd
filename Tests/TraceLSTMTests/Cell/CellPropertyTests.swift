import Foundation
import TraceLSTM
import Testing

/// Identities the cell must satisfy, on random values.
@Suite struct CellPropertyTests {
    /// Running T steps as one sequence equals running them one at a time, carrying (h, C).
    @Test func stepByStepEqualsWholeSequence() {
        for concat in ConcatOrder.allCases {
            let config = LSTMConfiguration(input: 4, hidden: 6, output: 3, concat: concat, loss: .mseAll)
            let p = StepProblem(config: config, steps: 7, seed: 3, initialization: .tutorial)
            let whole = p.trace(backward: false)
            guard case .dense(let x) = p.input, case .everyStep(let y) = p.target else {
                Issue.record("the problem has dense inputs and every-step targets")
                return
            }
            var h: [Double]? = nil, c: [Double]? = nil
            for t in 0..<7 {
                let one = p.model.trace(input: .dense(Matrix(rows: 1, cols: 4, storage: x.row(t))),
                                        target: .everyStep(Matrix(rows: 1, cols: 3, storage: y.row(t))),
                                        h0: h, c0: c, backward: false)
                for q in [Quantity.z, .f, .i, .cTilde, .c, .o, .h, .y] {
                    assertIdentical(one.steps[0].forward[q]!, whole.steps[t].forward[q]!, "\(concat) \(q.key)_\(t + 1)")
                }
                h = one.steps[0].forward[.h]
                c = one.steps[0].forward[.c]
            }
        }
    }

    /// A one-hot input given as indices (the fast path of character training) gives exactly the
    /// bits of the same input given as a dense matrix (the path every other trace takes).
    @Test func oneHotIndicesEqualDenseOneHot() {
        for concat in ConcatOrder.allCases {
            let config = LSTMConfiguration(input: 9, hidden: 7, output: 9, concat: concat, loss: .crossEntropy)
            var random = NumpyRandom(seed: 11)
            let model = LSTM(config: config, initialization: .notebook(weightSD: 0.1), random: &random)
            let indices = [3, 0, 8, 8, 1, 5]
            let targets = [0, 8, 8, 1, 5, 2]
            let sparse = SequenceInput.oneHot(indices: indices, classes: 9)
            let a = model.trace(input: sparse, target: .classes(targets), h0: [Double](repeating: 0.1, count: 7))
            let b = model.trace(input: .dense(sparse.denseMatrix), target: .classes(targets), h0: [Double](repeating: 0.1, count: 7))
            #expect(a.loss.bitPattern == b.loss.bitPattern)
            for (sa, sb) in zip(a.steps, b.steps) {
                for q in a.forwardQuantities { assertIdentical(sa.forward[q]!, sb.forward[q]!, "\(concat) \(q.key)_\(sa.t)") }
                for q in a.backwardQuantities { assertIdentical(sa.backward[q]!, sb.backward[q]!, "\(concat) \(q.key)_\(sa.t)") }
            }
            assertIdentical(a.gradients!.values, b.gradients!.values, "\(concat) parameter gradients")
        }
    }

    /// Skipping the x-part of dz (training) changes no parameter gradient and no dh_prev.
    @Test func inputGradientIsOnlyForTheTrace() {
        let config = LSTMConfiguration(input: 5, hidden: 4, output: 2, concat: .xFirst)
        let p = StepProblem(config: config, steps: 5, seed: 1, initialization: .tutorial)
        let cache = SequenceCache(config: config, capacity: 5)
        var g1 = ParameterSet(zerosFor: config), g2 = ParameterSet(zerosFor: config)
        let l1 = cache.forwardBackward(parameters: p.model.parameters, input: p.input, target: p.target, gradients: &g1)
        cache.computesInputGradient = false
        let l2 = cache.forwardBackward(parameters: p.model.parameters, input: p.input, target: p.target, gradients: &g2)
        #expect(l1 == l2)
        assertIdentical(g2.values, g1.values, "gradients")
    }

    /// Gradients accumulate: two calls without zeroing give twice one call (to rounding: the
    /// second call adds its terms one by one onto the first total).
    @Test func gradientsAccumulate() {
        let config = LSTMConfiguration(input: 3, hidden: 5, output: 2)
        let p = StepProblem(config: config, steps: 3, seed: 0, initialization: .tutorial)
        let cache = SequenceCache(config: config, capacity: 3)
        var once = ParameterSet(zerosFor: config), twice = ParameterSet(zerosFor: config)
        _ = cache.forwardBackward(parameters: p.model.parameters, input: p.input, target: p.target, gradients: &once)
        _ = cache.forwardBackward(parameters: p.model.parameters, input: p.input, target: p.target, gradients: &twice)
        _ = cache.forwardBackward(parameters: p.model.parameters, input: p.input, target: p.target, gradients: &twice)
        assertClose(twice.values, once.values.map { $0 * 2 }, tolerance: 1e-15, "twice")
    }
}

/// σ, tanh, softmax and their derivatives at the edges (0, ±∞, NaN, huge values).
@Suite struct ActivationTests {
    @Test func sigmoidEdges() {
        #expect(Activation.sigmoid(0) == 0.5)
        #expect(Activation.sigmoid(.infinity) == 1)
        #expect(Activation.sigmoid(-.infinity) == 0)
        #expect(Activation.sigmoid(800) == 1)
        #expect(Activation.sigmoid(-800) == 0, "1 / (1 + e^800) underflows to 0, not NaN")
        #expect(Activation.sigmoid(.nan).isNaN)
        #expect(Activation.sigmoidDerivative(fromOutput: 0.5) == 0.25)
        #expect(Activation.sigmoidDerivative(fromOutput: 1) == 0)
    }

    @Test func tanhEdges() {
        #expect(Activation.tanh(0) == 0)
        #expect(Activation.tanh(.infinity) == 1)
        #expect(Activation.tanh(-.infinity) == -1)
        #expect(Activation.tanh(.nan).isNaN)
        #expect(Activation.tanhDerivative(fromOutput: 0) == 1)
        #expect(Activation.tanhDerivative(fromOutput: 1) == 0)
    }

    @Test func softmaxIsStableAndSumsToOne() {
        for v in [[0.0, 0, 0, 0], [1000.0, 999, -1000], [-800.0, -801], [3.5]] {
            var y = [Double](repeating: 0, count: v.count)
            v.withUnsafeBufferPointer { vp in y.withUnsafeMutableBufferPointer { Activation.softmax(vp.baseAddress!, into: $0.baseAddress!, count: v.count) } }
            #expect(y.allSatisfy { $0.isFinite && $0 >= 0 }, "\(v) → \(y)")
            #expect(abs((y.reduce(0, +)) - (1)) <= 1e-15)
        }
    }

    /// Derivatives written with outputs equal central differences of the functions.
    @Test func derivativesMatchDifferences() {
        var r = NumpyRandom(seed: 5)
        for _ in 0..<50 {
            let x = 4 * r.standardNormal(), h = 1e-6
            let ds = (Activation.sigmoid(x + h) - Activation.sigmoid(x - h)) / (2 * h)
            let dt = (Activation.tanh(x + h) - Activation.tanh(x - h)) / (2 * h)
            #expect(abs((Activation.sigmoidDerivative(fromOutput: Activation.sigmoid(x))) - (ds)) <= 1e-9)
            #expect(abs((Activation.tanhDerivative(fromOutput: Activation.tanh(x))) - (dt)) <= 1e-9)
        }
    }
}

/// The JSON writer and parser: round trips at full precision, and refusals.
@Suite struct JSONTests {
    @Test func numbersRoundTripExactly() throws {
        var r = NumpyRandom(seed: 9)
        let values = (0..<500).map { _ in r.standardNormal() * pow(10, Double(Int(r.randomSample() * 40) - 20)) }
            + [0.1, 1e-300, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, -0.0, 123456789012345680]
        let text = JSONWriter.string(.numbers(values))
        let back = try #require(JSONParser.parse(text).numberArray)
        assertIdentical(back, values, "round trip")
    }

    @Test func traceRoundTrip() throws {
        let p = StepProblem(config: LSTMConfiguration(input: 2, hidden: 3, output: 4, concat: .xFirst, loss: .crossEntropy),
                            steps: 3, seed: 2, initialization: .notebook(weightSD: 0.1))
        var trace = p.trace()
        trace.settings = [("seed", .integer(2)), ("init", .string("notebook"))]
        let back = try TraceJSON.decode(JSONParser.parse(TraceJSON.string(trace)))
        #expect(back == trace)
    }

    @Test func parserRefusals() throws {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"\\x\"", "01x", "[1] 2", "{\"a\": NaN}"] {
            #expect(throws: (any Error).self, "'\(bad)' should be refused") { try JSONParser.parse(bad) }
        }
        #expect(try JSONParser.parse("\"\\u00e9\\ud83d\\ude00\"") == .string("é😀"))
    }
}

@testable import TraceLSTM
import Testing

/// The notebook's update, one pass over the entries, against its three lines written plainly.
@Suite struct OptimizerTests {
    @Test func adagradStepIsTheNotebooksClipThenUpdate() {
        // Sizes whose entry counts are odd and even; gradients beyond the clip, exactly zero
        // (alone and in pairs) and ordinary.
        for (input, hidden) in [(3, 2), (4, 5), (7, 3)] {
            let config = LSTMConfiguration(input: input, hidden: hidden, output: input, concat: .hFirst, loss: .crossEntropy)
            var r = NumpyRandom(seed: UInt32(input * 10 + hidden))
            var w = ParameterSet(zerosFor: config), m = w, d = w
            let n = w.values.count
            w.values = (0..<n).map { _ in r.standardNormal() }
            m.values = (0..<n).map { _ in r.randomSample() }
            d.values = (0..<n).map { k in k % 5 == 0 || k % 7 == 0 ? 0 : 3 * r.standardNormal() }
            #expect(d.values.contains { abs($0) > 1 } && d.values.contains(0))

            // np.clip(d, -1, 1, out=d); m += d * d; w += -(lr * d / np.sqrt(m + 1e-8))
            var plainW = w.values, plainM = m.values
            for k in 0..<n {
                let dk = min(max(d.values[k], -1), 1)
                plainM[k] += dk * dk
                plainW[k] += -(0.1 * dk / (plainM[k] + 1e-8).squareRoot())
            }
            for workers in [nil, WorkerPair()] {
                var (w2, m2, d2) = (w, m, d)
                w2.adagradStep(learningRate: 0.1, clip: 1, gradients: &d2, memory: &m2, workers: workers)
                workers?.shutdown()
                let name = "X=\(input) H=\(hidden), \(workers == nil ? 1 : 2) threads"
                assertIdentical(w2.values, plainW, "parameters, \(name)")
                assertIdentical(m2.values, plainM, "memory, \(name)")
                #expect(d2.values.allSatisfy { $0 == 0 }, "gradients left at zero, \(name)")
            }
        }
    }
}

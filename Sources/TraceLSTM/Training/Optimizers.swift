/// The updates of the documents, each one loop over the flat parameter buffer (parameters,
/// gradients and optimizer memory share one layout, entry for entry).
extension ParameterSet {
    /// Sets every entry to zero (gradients before a sequence).
    public mutating func zero() {
        values.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// Clips every entry to [−limit, limit], numpy's `np.clip(d, -limit, limit, out=d)`.
    public mutating func clip(to limit: Double) {
        values.withUnsafeMutableBufferPointer { d in
            for k in d.indices { d[k] = Self.clamp(d[k], limit) }
        }
    }

    /// Plain gradient descent, w ← w − lr·d (the tutorial's finished training loop).
    public mutating func sgdStep(learningRate lr: Double, gradients: ParameterSet) {
        precondition(gradients.values.count == values.count, "sgdStep: gradients of another model")
        gradients.values.withUnsafeBufferPointer { d in
            values.withUnsafeMutableBufferPointer { w in
                for k in w.indices { w[k] -= lr * d[k] }
            }
        }
    }

    /// The notebook's update after backpropagation, in one pass over the entries:
    /// ```
    /// np.clip(d, -limit, limit, out=d)
    /// m += d * d
    /// w += -(lr * d / np.sqrt(m + 1e-8))
    /// ```
    /// with `memory` holding m. It leaves every gradient at zero, ready to sum the next
    /// sequence's (the notebook starts each iteration with fresh zero arrays).
    public mutating func adagradStep(learningRate lr: Double, clip limit: Double,
                                     gradients: inout ParameterSet, memory: inout ParameterSet) {
        adagradStep(learningRate: lr, clip: limit, gradients: &gradients, memory: &memory, workers: nil)
    }

    /// `adagradStep`, the entries shared between a pair of workers when there is one (each
    /// entry is updated by one of them, exactly as a single thread would).
    mutating func adagradStep(learningRate lr: Double, clip limit: Double,
                              gradients: inout ParameterSet, memory: inout ParameterSet, workers: WorkerPair?) {
        precondition(gradients.values.count == values.count && memory.values.count == values.count,
                     "adagradStep: gradients or memory of another model")
        gradients.values.withUnsafeMutableBufferPointer { d in
            memory.values.withUnsafeMutableBufferPointer { m in
                values.withUnsafeMutableBufferPointer { w in
                    let (wp, mp, dp, n) = (w.baseAddress!, m.baseAddress!, d.baseAddress!, w.count)
                    guard let workers else {
                        return Self.adagrad(wp, mp, dp, count: n, lr: lr, clip: limit)
                    }
                    workers.run { worker in
                        let part = WorkerPair.part(n, worker: worker)
                        Self.adagrad(wp + part.lowerBound, mp + part.lowerBound, dp + part.lowerBound,
                                     count: part.count, lr: lr, clip: limit)
                    }
                }
            }
        }
    }

    /// The update loop, two entries at a time (each entry gets exactly the scalar formula's
    /// operations, in its order). A pair whose gradients are both zero is skipped: for d = 0
    /// the update changes neither m nor w (m + 0 = m, w + −0 = w), and the input columns of
    /// characters absent from a sequence are a quarter of the entries.
    private static func adagrad(_ w: UnsafeMutablePointer<Double>, _ m: UnsafeMutablePointer<Double>,
                                _ d: UnsafeMutablePointer<Double>, count n: Int, lr: Double, clip limit: Double) {
        let rate = SIMD2<Double>(repeating: lr), epsilon = SIMD2<Double>(repeating: 1e-8)
        var k = 0
        while k + 2 <= n {
            let raw = Kernels.load(d + k)
            if raw == .zero {
                k += 2
                continue
            }
            Kernels.store(.zero, d + k)
            let dk = SIMD2(Self.clamp(raw[0], limit), Self.clamp(raw[1], limit))
            let mk = Kernels.load(m + k) + dk * dk
            Kernels.store(mk, m + k)
            Kernels.store(Kernels.load(w + k) + -(rate * dk / (mk + epsilon).squareRoot()), w + k)
            k += 2
        }
        while k < n {
            let dk = Self.clamp(d[k], limit)
            d[k] = 0
            m[k] += dk * dk
            w[k] += -(lr * dk / (m[k] + 1e-8).squareRoot())
            k += 1
        }
    }

    /// d clipped to [−limit, limit].
    @inline(__always)
    private static func clamp(_ d: Double, _ limit: Double) -> Double {
        Swift.min(Swift.max(d, -limit), limit)
    }

    /// Whether every entry is finite (training that diverged is stopped with a message).
    public var isFinite: Bool { values.allSatisfy(\.isFinite) }
}

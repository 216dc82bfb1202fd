#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The output head and the loss at one step, forward beside backward.

extension SequenceCache {
    /// The head at step t: y_t = W_y · h_t + b_y (linear), or v_t = W_v · h_t + b_v and
    /// y_t = softmax(v_t) (softmax). Shapes: W_y is K × H, y_t is K.
    /// See also: `headBackward(_:_:)`.
    func headForward(_ t: Int, _ p: ParameterPointers) {
        let H = config.hidden, K = config.output
        let h = h[t], y = y[t], v = v[t]
        switch config.head {
        case .linear:
            // y_t = W_y · h_t + b_y
            Kernels.matVec(y, p.wy, ld: H, rows: K, cols: H, h)
            for k in 0..<K { y[k] += p.by[k] }
        case .softmax:
            // v_t = W_v · h_t + b_v;  y_t = softmax(v_t)
            Kernels.matVec(v, p.wy, ld: H, rows: K, cols: H, h)
            for k in 0..<K { v[k] += p.by[k] }
            Activation.softmax(v, into: y, count: K)
        }
        loss[t][0] = stepLoss(t)
    }

    /// The loss term of step t:
    /// ```
    /// mse-last       mean_k (y_T,k − Y_k)²  at the last step, 0 before it
    /// mse-all        Σ_k (y_t,k − Y_t,k)² / (T·K)
    /// cross-entropy  −log y_t[target_t]
    /// ```
    private func stepLoss(_ t: Int) -> Double {
        let K = config.output, y = y[t]
        switch target {
        case .last(let Y):
            guard t == steps - 1 else { return 0 }
            var s = 0.0
            for k in 0..<K { s += (y[k] - Y[k]) * (y[k] - Y[k]) }
            return s / Double(K)
        case .everyStep(let Y):
            var s = 0.0
            for k in 0..<K { s += (y[k] - Y[t, k]) * (y[k] - Y[t, k]) }
            return s / Double(steps * K)
        case .classes(let classes):
            return -log(y[classes[t]])
        }
    }

    /// The head's backward at step t: dy_t (and dv_t for softmax), then its part of dh_t:
    /// ```
    /// mse-last       dy_T = 2 (y_T − Y) / K,   dy_t = 0 for t < T
    /// mse-all        dy_t = 2 (y_t − Y_t) / (T·K)
    /// cross-entropy  dv_t = y_t − onehot(target_t)   (dy_t = −1 / y_t[target_t] at the target)
    /// dh_t = W_yᵀ · dy_t   (W_vᵀ · dv_t)
    /// ```
    /// See also: `headForward(_:_:)`.
    func headBackward(_ t: Int, _ p: ParameterPointers) {
        let H = config.hidden, K = config.output
        let y = y[t], dy = dy[t], dv = dv[t], dh = dh[t]
        dh.update(repeating: 0, count: H)
        switch target {
        case .last(let Y):
            for k in 0..<K { dy[k] = t == steps - 1 ? 2 * (y[k] - Y[k]) / Double(K) : 0 }
        case .everyStep(let Y):
            for k in 0..<K { dy[k] = 2 * (y[k] - Y[t, k]) / Double(steps * K) }
        case .classes(let classes):
            let target = classes[t]
            for k in 0..<K {
                dy[k] = k == target ? -1 / y[k] : 0
                dv[k] = y[k]
            }
            dv[target] -= 1
        }
        let upstream = config.head == .softmax ? dv : dy
        Kernels.addTransposedMatVec(dh, p.wy, ld: H, rows: K, cols: H, upstream)
    }

    /// Adds the head's gradients for the rows `outputs`: dW_y += Σ_t dy_t · h_tᵀ,
    /// db_y += Σ_t dy_t (dv_t for softmax), last step first.
    func addHeadParameterGradients(_ g: ParameterPointers, outputs: Range<Int>) {
        let H = config.hidden, K = config.output, k0 = outputs.lowerBound
        let upstream = config.head == .softmax ? dv : dy
        Kernels.addOuterProducts(g.wy + k0 * H, ld: H, rows: outputs.count, cols: H, upstream.base + k0, aStride: K,
                                 x: h.base, xStride: H, steps: steps)
        Kernels.addSumOverSteps(g.by + k0, rows: outputs.count, upstream.base + k0, aStride: K, steps: steps)
    }
}

// The tanh RNN's forward pass, and under it its backward pass: the forward lines differentiated
// in reverse order, each under the forward equation it comes from (keep the two in sync).

extension TanhRNN {
    /// Runs the sequence forward: for t = 1 … T, z_t, a_t, h_t and y_t, then the loss.
    /// ```
    /// z_t = [h_{t−1}, x_t]      a_t = W · z_t + b      h_t = tanh(a_t)      y_t = W_y · h_t + b_y
    /// L = mean_k (y_T,k − Y_k)²
    /// ```
    /// `input` holds x_t in row t − 1; h_0 = 0. See also: `backward(_:target:)`.
    public func forward(input: Matrix, target: [Double]) -> TanhRNNTrace {
        precondition(input.cols == self.input && target.count == output, "TanhRNN: input or target of another shape")
        var steps: [TanhRNNStep] = []
        var hPrev = [Double](repeating: 0, count: hidden)
        for t in 1...input.rows {
            // z_t = [h_{t-1}, x_t]
            let z = hPrev + input.row(t - 1)
            // a_t = W · z_t + b
            let a = Self.matVec(w, z, plus: b.storage)
            // h_t = tanh(a_t)
            let h = a.map { Activation.tanh($0) }
            // y_t = W_y · h_t + b_y
            let y = Self.matVec(wy, h, plus: by.storage)
            steps.append(TanhRNNStep(t: t, x: input.row(t - 1), hPrev: hPrev, z: z, a: a, h: h, y: y))
            hPrev = h
        }
        // L = mean_k (y_T,k − Y_k)²
        var loss = 0.0
        for (y, target) in zip(steps[steps.count - 1].y, target) { loss += (y - target) * (y - target) }
        return TanhRNNTrace(model: self, target: target, steps: steps, loss: loss / Double(output), gradients: nil)
    }

    /// Backpropagation through time from the last step to the first, filling in every step's
    /// gradients and the parameter gradients (summed over the steps, last step first).
    /// ```
    /// dy_T = 2 (y_T − Y) / K,  dy_t = 0 for t < T
    /// dh_t = W_yᵀ dy_t + dh_t^(t+1)          (dh_T^(T+1) = 0)
    /// da_t = (1 − h_t²) ⊙ dh_t
    /// dz_t = Wᵀ da_t,   dh_{t−1}^(t) = the h-part of dz_t
    /// dW += da_t z_tᵀ,  db += da_t,  dW_y += dy_t h_tᵀ,  db_y += dy_t
    /// ```
    /// See also: `forward(input:target:)`.
    public func backward(_ trace: TanhRNNTrace) -> TanhRNNTrace {
        var out = trace
        let T = trace.steps.count, K = Double(output)
        var g = TanhRNN(w: Matrix(rows: w.rows, cols: w.cols), b: Matrix(rows: hidden, cols: 1),
                        wy: Matrix(rows: wy.rows, cols: wy.cols), by: Matrix(rows: output, cols: 1))
        var dhNext = [Double](repeating: 0, count: hidden)
        for t in stride(from: T, through: 1, by: -1) {
            var s = out.steps[t - 1]
            // in the forward pass this was L = mean_k (y_T,k − Y_k)², so:
            s.dy = t == T ? zip(s.y, trace.target).map { 2 * ($0 - $1) / K } : [Double](repeating: 0, count: output)
            // y_t = W_y · h_t + b_y, and h_t also feeds step t + 1:
            s.dhNext = dhNext
            s.dh = zip(Self.transposedMatVec(wy, s.dy), dhNext).map { $0 + $1 }
            // h_t = tanh(a_t):
            s.da = zip(s.h, s.dh).map { h, dh in Activation.tanhDerivative(fromOutput: h) * dh }
            // a_t = W · z_t + b:
            s.dz = Self.transposedMatVec(w, s.da)
            // z_t = [h_{t-1}, x_t]: step t hands back the h-part.
            s.dhPrev = Array(s.dz[0..<hidden])
            dhNext = s.dhPrev
            Self.addOuter(&g.w, s.da, s.z)
            Self.addOuter(&g.b, s.da, [1])
            Self.addOuter(&g.wy, s.dy, s.h)
            Self.addOuter(&g.by, s.dy, [1])
            out.steps[t - 1] = s
        }
        out.gradients = g
        return out
    }

    /// The forward and the backward pass.
    public func trace(input: Matrix, target: [Double]) -> TanhRNNTrace {
        backward(forward(input: input, target: target))
    }

    /// The loss alone (for central differences).
    public func loss(input: Matrix, target: [Double]) -> Double {
        forward(input: input, target: target).loss
    }

    // MARK: Products (plain loops in numpy's order: each sum from the first term to the last)

    /// M · v + c.
    private static func matVec(_ m: Matrix, _ v: [Double], plus c: [Double]) -> [Double] {
        (0..<m.rows).map { r in
            var s = 0.0
            for k in 0..<m.cols { s += m[r, k] * v[k] }
            return s + c[r]
        }
    }

    /// Mᵀ · v.
    private static func transposedMatVec(_ m: Matrix, _ v: [Double]) -> [Double] {
        (0..<m.cols).map { k in
            var s = 0.0
            for r in 0..<m.rows { s += m[r, k] * v[r] }
            return s
        }
    }

    /// g += a · bᵀ.
    private static func addOuter(_ g: inout Matrix, _ a: [Double], _ b: [Double]) {
        for r in 0..<g.rows { for c in 0..<g.cols { g[r, c] += a[r] * b[c] } }
    }
}

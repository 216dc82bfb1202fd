// The cell's forward pass for one step: equations 0–4 of the tutorial, in its notation.
// Keep in sync with `Cell+Backward.swift`, which differentiates these lines in reverse order.

extension SequenceCache {
    /// Runs the cell at step t (0-based) from h_{t−1}, C_{t−1} and x_t, writing z_t, the
    /// gates with their pre-activations, C_t and h_t into row t.
    /// ```
    /// z_t  = [h_{t−1}, x_t]            (x-first: [x_t, h_{t−1}])
    /// f_t  = σ(W_f · z_t + b_f)
    /// i_t  = σ(W_i · z_t + b_i)
    /// C̃_t  = tanh(W_C · z_t + b_C)
    /// C_t  = f_t * C_{t−1} + i_t * C̃_t
    /// o_t  = σ(W_o · z_t + b_o)
    /// h_t  = o_t * tanh(C_t)
    /// ```
    /// Shapes: x_t is X, h and C are H, z_t is Z = H + X, each W is H × Z.
    ///
    /// `units` picks the hidden units to compute (all of them, or one worker's half: every
    /// unit's values depend on h_{t−1} and x_t only, so halves can run side by side).
    /// See also: `cellBackward(_:_:units:)`.
    func cellForward(_ t: Int, _ p: ParameterPointers, units: Range<Int>) {
        let X = config.input
        let hPrev = hPrev(t), cPrev = cPrev(t)
        let z = z[t], aF = aF[t], f = f[t], aI = aI[t], i = i[t], aC = aC[t], cTilde = cTilde[t]
        let c = c[t], aO = aO[t], o = o[t], tanhC = tanhC[t], h = h[t]

        // (0) z_t = [h_{t-1}, x_t]
        for j in units { z[config.hOffset + j] = hPrev[j] }
        if units.lowerBound == 0 {
            if inputIsOneHot {
                (z + config.xOffset).update(repeating: 0, count: X)
                z[config.xOffset + hotIndices[t]] = 1
            } else {
                (z + config.xOffset).update(from: x[t], count: X)
            }
        }

        // (1) f_t = σ(W_f · z_t + b_f)
        preactivation(p.wf, p.bf, t, units, into: aF)
        for j in units { f[j] = Activation.sigmoid(aF[j]) }

        // (2a) i_t = σ(W_i · z_t + b_i)
        preactivation(p.wi, p.bi, t, units, into: aI)
        for j in units { i[j] = Activation.sigmoid(aI[j]) }

        // (2b) C̃_t = tanh(W_C · z_t + b_C)
        preactivation(p.wc, p.bc, t, units, into: aC)
        for j in units { cTilde[j] = Activation.tanh(aC[j]) }

        // (3) C_t = f_t * C_{t-1} + i_t * C̃_t
        for j in units { c[j] = f[j] * cPrev[j] + i[j] * cTilde[j] }

        // (4a) o_t = σ(W_o · z_t + b_o)
        preactivation(p.wo, p.bo, t, units, into: aO)
        for j in units { o[j] = Activation.sigmoid(aO[j]) }

        // (4b) h_t = o_t * tanh(C_t)
        for j in units {
            tanhC[j] = Activation.tanh(c[j])
            h[j] = o[j] * tanhC[j]
        }
    }

    /// a = W · z_t + b for one gate, summed as (W_h · h_{t−1} + W_x · x_t) + b, where W_h and
    /// W_x are W's blocks of columns that meet h_{t−1} and x_t in z_t.
    ///
    /// For a one-hot x_t, W_x · x_t is the one column of W_x at the hot index, which is
    /// exactly what the dense product gives (every other product is zero), so one-hot and
    /// dense inputs give the same bits.
    @inline(__always)
    private func preactivation(_ w: GateWeights, _ b: UnsafeMutablePointer<Double>, _ t: Int, _ units: Range<Int>,
                               into a: UnsafeMutablePointer<Double>) {
        let H = config.hidden, X = config.input, j0 = units.lowerBound
        Kernels.matVec(a + j0, w.h + j0 * H, ld: H, rows: units.count, cols: H, hPrev(t))
        if inputIsOneHot {
            let col = hotIndices[t]
            for r in units { a[r] = (a[r] + w.x[r * X + col]) + b[r] }
        } else {
            let scratch = xProducts.base
            Kernels.matVec(scratch + j0, w.x + j0 * X, ld: X, rows: units.count, cols: X, x[t])
            for r in units { a[r] = (a[r] + scratch[r]) + b[r] }
        }
    }
}

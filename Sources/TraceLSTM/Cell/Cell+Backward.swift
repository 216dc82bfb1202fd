// The cell's backward pass for one step: the lines of `Cell+Forward.swift` differentiated in
// reverse order, each under the forward equation it comes from (keep the two in sync).

extension SequenceCache {
    /// The gradients of step t (0-based), given dh_t's part from the head (already in dh[t])
    /// and what step t + 1 handed back (dh_next, dC_next; zero at the last step).
    /// ```
    /// dh_t  = (head's part) + dh_next
    /// do    = dh_t * tanh(C_t)                        da_o = o(1 − o) * do
    /// dC_t  = dC_next + dh_t * o_t * (1 − tanh²(C_t))
    /// dC̃    = dC_t * i_t                              da_C = (1 − C̃²) * dC̃
    /// di    = dC_t * C̃_t                              da_i = i(1 − i) * di
    /// df    = dC_t * C_{t−1}                          da_f = f(1 − f) * df
    /// dz    = W_fᵀ da_f + W_iᵀ da_i + W_Cᵀ da_C + W_oᵀ da_o
    /// dh_prev = the h-part of dz,   dC_prev = f_t * dC_t
    /// ```
    /// The multiplications are grouped as the notebook groups them, so elementwise results
    /// carry the same bits. See also: `cellForward(_:_:)`.
    func cellBackward(_ t: Int, _ p: ParameterPointers) {
        let H = config.hidden, X = config.input, Z = config.concatSize
        let isLast = t == steps - 1
        let cPrev = cPrev(t)
        let f = f[t], i = i[t], cTilde = cTilde[t], o = o[t], tanhC = tanhC[t]
        let dh = dh[t], dO = dO[t], daO = daO[t], dC = dC[t], dCTilde = dCTilde[t], daC = daC[t]
        let dI = dI[t], daI = daI[t], dF = dF[t], daF = daF[t], dz = dz[t]
        let dhPrev = dhPrev[t], dCPrev = dCPrev[t]

        // dh_t: the head's part plus what step t+1 sends back.
        if !isLast {
            let dhNext = self.dhPrev[t + 1]
            for j in 0..<H { dh[j] += dhNext[j] }
        }

        // in the forward pass this was (4b) h_t = o_t * tanh(C_t), so:
        for j in 0..<H { dO[j] = dh[j] * tanhC[j] }
        // (4a) o_t = σ(a_o):
        for j in 0..<H { daO[j] = Activation.sigmoidDerivative(fromOutput: o[j]) * dO[j] }
        // (4b) again, through tanh(C_t), plus what C_t gives to step t+1 (dC_next):
        for j in 0..<H {
            let dCNext = isLast ? 0 : self.dCPrev[t + 1][j]
            dC[j] = dCNext + dh[j] * o[j] * Activation.tanhDerivative(fromOutput: tanhC[j])
        }
        // (3) C_t = f_t * C_{t-1} + i_t * C̃_t, and (2b) C̃_t = tanh(a_C):
        for j in 0..<H {
            dCTilde[j] = dC[j] * i[j]
            daC[j] = Activation.tanhDerivative(fromOutput: cTilde[j]) * dCTilde[j]
        }
        // (3) and (2a) i_t = σ(a_i):
        for j in 0..<H {
            dI[j] = dC[j] * cTilde[j]
            daI[j] = Activation.sigmoidDerivative(fromOutput: i[j]) * dI[j]
        }
        // (3) and (1) f_t = σ(a_f):
        for j in 0..<H {
            dF[j] = dC[j] * cPrev[j]
            daF[j] = Activation.sigmoidDerivative(fromOutput: f[j]) * dF[j]
        }
        // (1), (2a), (2b), (4a) a_g = W_g · z_t + b_g, so dz = Σ_g W_gᵀ da_g. Only the h-part
        // goes further back; the x-part is computed when a trace will show it.
        let hz = dz + config.hOffset
        hz.update(repeating: 0, count: H)
        Kernels.addTransposedMatVec(hz, p.wf.h, ld: H, rows: H, cols: H, daF)
        Kernels.addTransposedMatVec(hz, p.wi.h, ld: H, rows: H, cols: H, daI)
        Kernels.addTransposedMatVec(hz, p.wc.h, ld: H, rows: H, cols: H, daC)
        Kernels.addTransposedMatVec(hz, p.wo.h, ld: H, rows: H, cols: H, daO)
        let xz = dz + config.xOffset
        xz.update(repeating: 0, count: X)
        if computesInputGradient {
            Kernels.addTransposedMatVec(xz, p.wf.x, ld: X, rows: H, cols: X, daF)
            Kernels.addTransposedMatVec(xz, p.wi.x, ld: X, rows: H, cols: X, daI)
            Kernels.addTransposedMatVec(xz, p.wc.x, ld: X, rows: H, cols: X, daC)
            Kernels.addTransposedMatVec(xz, p.wo.x, ld: X, rows: H, cols: X, daO)
        }
        // (0) z_t = [h_{t-1}, x_t]: dh_prev is the h-part of dz.
        dhPrev.update(from: hz, count: H)
        // (3) C_t = f_t * C_{t-1} + …: dC_prev = f_t * dC_t.
        for j in 0..<H { dCPrev[j] = f[j] * dC[j] }
    }

    /// Adds this sequence's weight and bias gradients to g:
    /// ```
    /// dW_g += Σ_t da_g,t · z_tᵀ,   db_g += Σ_t da_g,t       for g = f, i, C, o
    /// ```
    /// each sum from the last step to the first, the order of the reference code's
    /// `W.d += np.dot(da, z.T)` inside its backward loop.
    func addCellParameterGradients(_ g: ParameterPointers) {
        let H = config.hidden, X = config.input, Z = config.concatSize
        for (dw, db, da) in [(g.wf, g.bf, daF), (g.wi, g.bi, daI), (g.wc, g.bc, daC), (g.wo, g.bo, daO)] {
            // dW_h += Σ_t da_t · h_{t-1}ᵀ (h_{t-1} is the h-part of z_t)
            Kernels.addOuterProducts(dw.h, ld: H, rows: H, cols: H, da.base, x: z.base + config.hOffset, xStride: Z, steps: steps)
            // dW_x += Σ_t da_t · x_tᵀ: for one-hot inputs, only the hot column of each step.
            if inputIsOneHot {
                Kernels.addOuterProductsOneHot(dw.x, rows: H, ld: X, offset: 0,
                                               da.base, hot: UnsafePointer(hotIndices.baseAddress!), steps: steps)
            } else {
                Kernels.addOuterProducts(dw.x, ld: X, rows: H, cols: X, da.base, x: z.base + config.xOffset, xStride: Z, steps: steps)
            }
            Kernels.addSumOverSteps(db, rows: H, da.base, steps: steps)
        }
    }
}

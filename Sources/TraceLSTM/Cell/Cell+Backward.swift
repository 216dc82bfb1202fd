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
    /// carry the same bits. See also: `cellForward(_:_:units:)`.
    ///
    /// In two halves that a pair of workers runs side by side: `cellBackwardGates` for some
    /// units (everything up to the da's), then, once every unit's da is done,
    /// `cellBackwardConcat` for the same units (their entries of dz, dh_prev and dC_prev).
    func cellBackward(_ t: Int, _ p: ParameterPointers, units: Range<Int>) {
        cellBackwardGates(t, units: units)
        cellBackwardConcat(t, p, units: units, inputs: 0..<config.input)
    }

    /// Step t's gradients through (4b), (4a), (3), (2b), (2a), (1) for `units`.
    func cellBackwardGates(_ t: Int, units: Range<Int>) {
        let isLast = t == steps - 1
        let cPrev = cPrev(t)
        let f = f[t], i = i[t], cTilde = cTilde[t], o = o[t], tanhC = tanhC[t]
        let dh = dh[t], dO = dO[t], daO = daO[t], dC = dC[t], dCTilde = dCTilde[t], daC = daC[t]
        let dI = dI[t], daI = daI[t], dF = dF[t], daF = daF[t]

        // dh_t: the head's part plus what step t+1 sends back.
        if !isLast {
            let dhNext = self.dhPrev[t + 1]
            for j in units { dh[j] += dhNext[j] }
        }

        // in the forward pass this was (4b) h_t = o_t * tanh(C_t), so:
        for j in units { dO[j] = dh[j] * tanhC[j] }
        // (4a) o_t = σ(a_o):
        for j in units { daO[j] = Activation.sigmoidDerivative(fromOutput: o[j]) * dO[j] }
        // (4b) again, through tanh(C_t), plus what C_t gives to step t+1 (dC_next):
        for j in units {
            let dCNext = isLast ? 0 : self.dCPrev[t + 1][j]
            dC[j] = dCNext + dh[j] * o[j] * Activation.tanhDerivative(fromOutput: tanhC[j])
        }
        // (3) C_t = f_t * C_{t-1} + i_t * C̃_t, and (2b) C̃_t = tanh(a_C):
        for j in units {
            dCTilde[j] = dC[j] * i[j]
            daC[j] = Activation.tanhDerivative(fromOutput: cTilde[j]) * dCTilde[j]
        }
        // (3) and (2a) i_t = σ(a_i):
        for j in units {
            dI[j] = dC[j] * cTilde[j]
            daI[j] = Activation.sigmoidDerivative(fromOutput: i[j]) * dI[j]
        }
        // (3) and (1) f_t = σ(a_f):
        for j in units {
            dF[j] = dC[j] * cPrev[j]
            daF[j] = Activation.sigmoidDerivative(fromOutput: f[j]) * dF[j]
        }
    }

    /// Step t's dz (the entries of h-part for `units`, of the x-part for `inputs` when a trace
    /// shows it), and what it hands back to step t − 1 for `units`. Reads every unit's da.
    func cellBackwardConcat(_ t: Int, _ p: ParameterPointers, units: Range<Int>, inputs: Range<Int>) {
        let H = config.hidden, X = config.input
        let f = f[t], dC = dC[t], daF = daF[t], daI = daI[t], daC = daC[t], daO = daO[t]
        let dz = dz[t], dhPrev = dhPrev[t], dCPrev = dCPrev[t]
        // (1), (2a), (2b), (4a) a_g = W_g · z_t + b_g, so dz = Σ_g W_gᵀ da_g. Only the h-part
        // goes further back; the x-part is computed when a trace will show it.
        let hz = dz + config.hOffset, j0 = units.lowerBound
        for j in units { hz[j] = 0 }
        Kernels.addTransposedMatVec(hz + j0, p.wf.h + j0, ld: H, rows: H, cols: units.count, daF)
        Kernels.addTransposedMatVec(hz + j0, p.wi.h + j0, ld: H, rows: H, cols: units.count, daI)
        Kernels.addTransposedMatVec(hz + j0, p.wc.h + j0, ld: H, rows: H, cols: units.count, daC)
        Kernels.addTransposedMatVec(hz + j0, p.wo.h + j0, ld: H, rows: H, cols: units.count, daO)
        let xz = dz + config.xOffset, k0 = inputs.lowerBound
        for k in inputs { xz[k] = 0 }
        if computesInputGradient {
            Kernels.addTransposedMatVec(xz + k0, p.wf.x + k0, ld: X, rows: H, cols: inputs.count, daF)
            Kernels.addTransposedMatVec(xz + k0, p.wi.x + k0, ld: X, rows: H, cols: inputs.count, daI)
            Kernels.addTransposedMatVec(xz + k0, p.wc.x + k0, ld: X, rows: H, cols: inputs.count, daC)
            Kernels.addTransposedMatVec(xz + k0, p.wo.x + k0, ld: X, rows: H, cols: inputs.count, daO)
        }
        // (0) z_t = [h_{t-1}, x_t]: dh_prev is the h-part of dz.
        for j in units { dhPrev[j] = hz[j] }
        // (3) C_t = f_t * C_{t-1} + …: dC_prev = f_t * dC_t.
        for j in units { dCPrev[j] = f[j] * dC[j] }
    }

    /// Adds this sequence's weight and bias gradients to g, for the rows `units`:
    /// ```
    /// dW_g += Σ_t da_g,t · z_tᵀ,   db_g += Σ_t da_g,t       for g = f, i, C, o
    /// ```
    /// each sum from the last step to the first, the order of the reference code's
    /// `W.d += np.dot(da, z.T)` inside its backward loop.
    func addCellParameterGradients(_ g: ParameterPointers, units: Range<Int>) {
        let H = config.hidden, X = config.input, Z = config.concatSize, j0 = units.lowerBound, n = units.count
        for (dw, db, da) in [(g.wf, g.bf, daF), (g.wi, g.bi, daI), (g.wc, g.bc, daC), (g.wo, g.bo, daO)] {
            // dW_h += Σ_t da_t · h_{t-1}ᵀ (h_{t-1} is the h-part of z_t)
            Kernels.addOuterProducts(dw.h + j0 * H, ld: H, rows: n, cols: H, da.base + j0, aStride: H,
                                     x: z.base + config.hOffset, xStride: Z, steps: steps)
            // dW_x += Σ_t da_t · x_tᵀ: for one-hot inputs, only the hot column of each step.
            if inputIsOneHot {
                Kernels.addOuterProductsOneHot(dw.x + j0 * X, rows: n, ld: X, da.base + j0, aStride: H,
                                               hot: UnsafePointer(hotIndices.baseAddress!), steps: steps)
            } else {
                Kernels.addOuterProducts(dw.x + j0 * X, ld: X, rows: n, cols: X, da.base + j0, aStride: H,
                                         x: z.base + config.xOffset, xStride: Z, steps: steps)
            }
            Kernels.addSumOverSteps(db + j0, rows: n, da.base + j0, aStride: H, steps: steps)
        }
    }
}

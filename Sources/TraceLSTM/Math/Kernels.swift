/// The inner loops: plain functions over raw buffers, the only place where the library reads
/// memory without bounds checks. Everything above them passes shapes it has checked.
///
/// They keep partial results in registers (two doubles per SIMD register; the package is
/// built for baseline x86-64, without AVX or FMA) and touch each matrix entry once per call.
/// Sums over a row (`matVec`, `dot`) run in several partial sums, so their order differs from
/// a left-to-right loop, and from numpy's BLAS, in the last bits. Sums over rows
/// (`addTransposedMatVec`) and over time (`addOuterProducts`) add in the plain order, one
/// term after another, as the reference code's loops do.
enum Kernels {
    typealias D2 = SIMD2<Double>

    @inline(__always)
    static func load(_ p: UnsafePointer<Double>) -> D2 {
        UnsafeRawPointer(p).loadUnaligned(as: D2.self)
    }

    @inline(__always)
    static func store(_ v: D2, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: D2.self)
    }

    /// Sixteen consecutive doubles held in eight registers: the running sums of the blocked
    /// kernels, each updated as y[k] += s·p[k] (a multiply, then an add, as a scalar loop does).
    struct Block16 {
        var v0: D2, v1: D2, v2: D2, v3: D2, v4: D2, v5: D2, v6: D2, v7: D2

        @inline(__always)
        init(_ p: UnsafePointer<Double>) {
            (v0, v1, v2, v3) = (load(p), load(p + 2), load(p + 4), load(p + 6))
            (v4, v5, v6, v7) = (load(p + 8), load(p + 10), load(p + 12), load(p + 14))
        }

        /// self[k] += s · p[k] for k < 16.
        @inline(__always)
        mutating func add(_ s: Double, times p: UnsafePointer<Double>) {
            let b = D2(repeating: s)
            v0 += b * load(p)
            v1 += b * load(p + 2)
            v2 += b * load(p + 4)
            v3 += b * load(p + 6)
            v4 += b * load(p + 8)
            v5 += b * load(p + 10)
            v6 += b * load(p + 12)
            v7 += b * load(p + 14)
        }

        @inline(__always)
        func store(_ p: UnsafeMutablePointer<Double>) {
            Kernels.store(v0, p); Kernels.store(v1, p + 2); Kernels.store(v2, p + 4); Kernels.store(v3, p + 6)
            Kernels.store(v4, p + 8); Kernels.store(v5, p + 10); Kernels.store(v6, p + 12); Kernels.store(v7, p + 14)
        }
    }

    /// Σₖ a[k]·b[k] over n entries.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var s0 = D2(), s1 = D2(), s2 = D2(), s3 = D2()
        var k = 0
        while k + 8 <= n {
            s0 += load(a + k) * load(b + k)
            s1 += load(a + k + 2) * load(b + k + 2)
            s2 += load(a + k + 4) * load(b + k + 4)
            s3 += load(a + k + 6) * load(b + k + 6)
            k += 8
        }
        let s = (s0 + s1) + (s2 + s3)
        var total = s[0] + s[1]
        while k < n {
            total += a[k] * b[k]
            k += 1
        }
        return total
    }

    /// y[r] = Σ_c W[r, c]·x[c] for r < rows, c < cols, where row r of W starts at `w + r * ld`
    /// (ld ≥ cols lets W be a block of columns of a wider matrix). Two rows at a time, so each
    /// x[c] is loaded once per two rows; each row is summed exactly as `dot` sums it (eight
    /// partial sums), so `matVec` and `dot` give the same bits.
    ///
    /// Keep that order: this network's training is chaotic in the last bit (see
    /// Examples/python/sensitivity.py), and its agreement with numpy over the first 100
    /// iterations depends on the order of these sums.
    static func matVec(_ y: UnsafeMutablePointer<Double>, _ w: UnsafePointer<Double>, ld: Int,
                       rows: Int, cols: Int, _ x: UnsafePointer<Double>) {
        var r = 0
        while r + 2 <= rows {
            let w0 = w + r * ld, w1 = w0 + ld
            var a0 = D2(), a1 = D2(), a2 = D2(), a3 = D2()
            var b0 = D2(), b1 = D2(), b2 = D2(), b3 = D2()
            var c = 0
            while c + 8 <= cols {
                let x0 = load(x + c), x1 = load(x + c + 2), x2 = load(x + c + 4), x3 = load(x + c + 6)
                a0 += load(w0 + c) * x0
                a1 += load(w0 + c + 2) * x1
                a2 += load(w0 + c + 4) * x2
                a3 += load(w0 + c + 6) * x3
                b0 += load(w1 + c) * x0
                b1 += load(w1 + c + 2) * x1
                b2 += load(w1 + c + 4) * x2
                b3 += load(w1 + c + 6) * x3
                c += 8
            }
            let sa = (a0 + a1) + (a2 + a3), sb = (b0 + b1) + (b2 + b3)
            var ta = sa[0] + sa[1], tb = sb[0] + sb[1]
            while c < cols {
                ta += w0[c] * x[c]
                tb += w1[c] * x[c]
                c += 1
            }
            y[r] = ta
            y[r + 1] = tb
            r += 2
        }
        if r < rows { y[r] = dot(w + r * ld, x, cols) }
    }

    /// y[c] += Σ_r W[r, c]·a[r] (y += Wᵀ·a) for the first `cols` columns of W (row stride ld),
    /// each y[c] summed over r in order. Sixteen columns of y stay in registers while the rows go by.
    static func addTransposedMatVec(_ y: UnsafeMutablePointer<Double>, _ w: UnsafePointer<Double>, ld: Int,
                                    rows: Int, cols: Int, _ a: UnsafePointer<Double>) {
        var c = 0
        while c + 16 <= cols {
            var block = Block16(y + c)
            var row = w + c
            for r in 0..<rows {
                block.add(a[r], times: row)
                row += ld
            }
            block.store(y + c)
            c += 16
        }
        while c + 2 <= cols {
            var y0 = load(y + c)
            var row = w + c
            for r in 0..<rows {
                y0 += D2(repeating: a[r]) * load(row)
                row += ld
            }
            store(y0, y + c)
            c += 2
        }
        while c < cols {
            var s = y[c]
            for r in 0..<rows { s += a[r] * w[r * ld + c] }
            y[c] = s
            c += 1
        }
    }

    /// dW[r, c] += Σ_t a_t[r]·x_t[c] for r < rows, c < cols, the sum over t taken from the
    /// last step to the first: the order of the reference code's `dW += np.dot(da, z.T)`
    /// inside its backward loop, so each entry of dW is the same sum of the same products in
    /// the same order. Sixteen entries of a row of dW stay in registers while the steps go by.
    ///
    /// Row r of dW starts at `dw + r * ld`; a_t is at `a + t * aStride`; x_t at `x + t * xStride`.
    static func addOuterProducts(_ dw: UnsafeMutablePointer<Double>, ld: Int, rows: Int, cols: Int,
                                 _ a: UnsafePointer<Double>, aStride: Int, x: UnsafePointer<Double>, xStride: Int, steps: Int) {
        guard steps > 0 else { return }
        let lastA = a + (steps - 1) * aStride, lastX = x + (steps - 1) * xStride
        for r in 0..<rows {
            let row = dw + r * ld
            var c = 0
            while c + 16 <= cols {
                var block = Block16(row + c)
                var at = lastA + r, xt = lastX + c
                for _ in 0..<steps {
                    block.add(at.pointee, times: xt)
                    at -= aStride
                    xt -= xStride
                }
                block.store(row + c)
                c += 16
            }
            while c + 2 <= cols {
                var s = load(row + c)
                var at = lastA + r, xt = lastX + c
                for _ in 0..<steps {
                    s += D2(repeating: at.pointee) * load(xt)
                    at -= aStride
                    xt -= xStride
                }
                store(s, row + c)
                c += 2
            }
            while c < cols {
                var s = row[c]
                for t in stride(from: steps - 1, through: 0, by: -1) { s += a[t * aStride + r] * x[t * xStride + c] }
                row[c] = s
                c += 1
            }
        }
    }

    /// Like `addOuterProducts` for x_t one-hot: only column `hot[t]` of step t is 1, the rest 0.
    /// Adds exactly what the dense version adds (the zero products leave every sum unchanged).
    static func addOuterProductsOneHot(_ dw: UnsafeMutablePointer<Double>, rows: Int, ld: Int,
                                       _ a: UnsafePointer<Double>, aStride: Int, hot: UnsafePointer<Int>, steps: Int) {
        for t in stride(from: steps - 1, through: 0, by: -1) {
            let col = hot[t]
            for r in 0..<rows { dw[r * ld + col] += a[t * aStride + r] }
        }
    }

    /// b[r] += Σ_t a_t[r], from the last step to the first (a_t at `a + t * aStride`).
    static func addSumOverSteps(_ b: UnsafeMutablePointer<Double>, rows: Int, _ a: UnsafePointer<Double>, aStride: Int, steps: Int) {
        for t in stride(from: steps - 1, through: 0, by: -1) {
            for r in 0..<rows { b[r] += a[t * aStride + r] }
        }
    }

    /// Σₖ a[k] in numpy's pairwise order (`np.sum` of a contiguous float64 array): below 8
    /// entries left to right; up to 128, eight running sums over strided entries combined as
    /// ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)), then the leftover entries; above 128,
    /// the two halves (split at a multiple of 8) summed separately and added.
    static func pairwiseSum(_ a: UnsafePointer<Double>, _ n: Int) -> Double {
        if n < 8 {
            var s = 0.0
            for k in 0..<n { s += a[k] }
            return s
        }
        if n <= 128 {
            var r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7]
            var k = 8
            while k < n - n % 8 {
                r0 += a[k]; r1 += a[k + 1]; r2 += a[k + 2]; r3 += a[k + 3]
                r4 += a[k + 4]; r5 += a[k + 5]; r6 += a[k + 6]; r7 += a[k + 7]
                k += 8
            }
            var s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while k < n {
                s += a[k]
                k += 1
            }
            return s
        }
        var half = n / 2
        half -= half % 8
        return pairwiseSum(a, half) + pairwiseSum(a + half, n - half)
    }
}

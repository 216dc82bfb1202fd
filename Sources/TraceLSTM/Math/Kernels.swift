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
            var y0 = load(y + c), y1 = load(y + c + 2), y2 = load(y + c + 4), y3 = load(y + c + 6)
            var y4 = load(y + c + 8), y5 = load(y + c + 10), y6 = load(y + c + 12), y7 = load(y + c + 14)
            var row = w + c
            for r in 0..<rows {
                let ar = D2(repeating: a[r])
                y0 += ar * load(row)
                y1 += ar * load(row + 2)
                y2 += ar * load(row + 4)
                y3 += ar * load(row + 6)
                y4 += ar * load(row + 8)
                y5 += ar * load(row + 10)
                y6 += ar * load(row + 12)
                y7 += ar * load(row + 14)
                row += ld
            }
            store(y0, y + c); store(y1, y + c + 2); store(y2, y + c + 4); store(y3, y + c + 6)
            store(y4, y + c + 8); store(y5, y + c + 10); store(y6, y + c + 12); store(y7, y + c + 14)
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
        for r in 0..<rows {
            let row = dw + r * ld
            var c = 0
            while c + 16 <= cols {
                var d0 = load(row + c), d1 = load(row + c + 2), d2 = load(row + c + 4), d3 = load(row + c + 6)
                var d4 = load(row + c + 8), d5 = load(row + c + 10), d6 = load(row + c + 12), d7 = load(row + c + 14)
                for t in stride(from: steps - 1, through: 0, by: -1) {
                    let at = D2(repeating: a[t * aStride + r])
                    let xt = x + t * xStride + c
                    d0 += at * load(xt)
                    d1 += at * load(xt + 2)
                    d2 += at * load(xt + 4)
                    d3 += at * load(xt + 6)
                    d4 += at * load(xt + 8)
                    d5 += at * load(xt + 10)
                    d6 += at * load(xt + 12)
                    d7 += at * load(xt + 14)
                }
                store(d0, row + c); store(d1, row + c + 2); store(d2, row + c + 4); store(d3, row + c + 6)
                store(d4, row + c + 8); store(d5, row + c + 10); store(d6, row + c + 12); store(d7, row + c + 14)
                c += 16
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

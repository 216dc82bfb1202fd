/// The inner loops: plain functions over raw buffers, the only place where the library
/// reads memory without bounds checks. Everything above them passes shapes it has checked.
///
/// Sums over a row (`dot`) use eight partial sums so the loop runs in vector registers; the
/// order of additions therefore differs from a left-to-right loop (and from numpy's BLAS)
/// in the last bits. Sums over time use the order the reference code uses (see
/// `addOuterProducts`).
enum Kernels {
    /// Σₖ a[k]·b[k] over n entries.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var s0 = SIMD2<Double>(), s1 = SIMD2<Double>(), s2 = SIMD2<Double>(), s3 = SIMD2<Double>()
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        let stride = MemoryLayout<Double>.stride
        var k = 0
        while k + 8 <= n {
            let o = k * stride
            s0 += ra.loadUnaligned(fromByteOffset: o, as: SIMD2<Double>.self)
                * rb.loadUnaligned(fromByteOffset: o, as: SIMD2<Double>.self)
            s1 += ra.loadUnaligned(fromByteOffset: o + 2 * stride, as: SIMD2<Double>.self)
                * rb.loadUnaligned(fromByteOffset: o + 2 * stride, as: SIMD2<Double>.self)
            s2 += ra.loadUnaligned(fromByteOffset: o + 4 * stride, as: SIMD2<Double>.self)
                * rb.loadUnaligned(fromByteOffset: o + 4 * stride, as: SIMD2<Double>.self)
            s3 += ra.loadUnaligned(fromByteOffset: o + 6 * stride, as: SIMD2<Double>.self)
                * rb.loadUnaligned(fromByteOffset: o + 6 * stride, as: SIMD2<Double>.self)
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

    /// y[r] += Σ_c W[r, c]·x[c] for r < rows, c < cols, where row r of W starts at
    /// `w + r * ld` (ld ≥ cols lets W be a block of columns of a wider matrix).
    @inline(__always)
    static func addMatVec(_ y: UnsafeMutablePointer<Double>, _ w: UnsafePointer<Double>, ld: Int,
                          rows: Int, cols: Int, _ x: UnsafePointer<Double>) {
        for r in 0..<rows { y[r] += dot(w + r * ld, x, cols) }
    }

    /// y[r] += W[r, col]: the product of W with a one-hot vector whose 1 is at `col`.
    @inline(__always)
    static func addColumn(_ y: UnsafeMutablePointer<Double>, _ w: UnsafePointer<Double>, ld: Int,
                          rows: Int, col: Int) {
        for r in 0..<rows { y[r] += w[r * ld + col] }
    }

    /// y[k] += alpha·x[k] over n entries.
    @inline(__always)
    static func axpy(_ y: UnsafeMutablePointer<Double>, _ alpha: Double, _ x: UnsafePointer<Double>, _ n: Int) {
        for k in 0..<n { y[k] += alpha * x[k] }
    }

    /// y[c] += Σ_r W[r, c]·a[r] (y += Wᵀ·a) for the first `cols` columns of W (row stride ld).
    @inline(__always)
    static func addTransposedMatVec(_ y: UnsafeMutablePointer<Double>, _ w: UnsafePointer<Double>, ld: Int,
                                    rows: Int, cols: Int, _ a: UnsafePointer<Double>) {
        for r in 0..<rows { axpy(y, a[r], w + r * ld, cols) }
    }

    /// dW[r, c] += Σ_t a_t[r]·x_t[c] for r < rows, c < cols, the sum over t taken from the
    /// last step to the first: the order of the reference code's `dW += np.dot(da, z.T)`
    /// inside its backward loop, so each entry of dW is the same sum of the same products in
    /// the same order.
    ///
    /// Row r of dW starts at `dw + r * ld`; a_t is at `a + t * rows`; x_t at `x + t * xStride`.
    static func addOuterProducts(_ dw: UnsafeMutablePointer<Double>, ld: Int, rows: Int, cols: Int,
                                 _ a: UnsafePointer<Double>, x: UnsafePointer<Double>, xStride: Int, steps: Int) {
        for r in 0..<rows {
            let dwRow = dw + r * ld
            for t in stride(from: steps - 1, through: 0, by: -1) {
                axpy(dwRow, a[t * rows + r], x + t * xStride, cols)
            }
        }
    }

    /// Like `addOuterProducts` for x_t one-hot: only column `hot[t]` of step t is 1, the rest 0.
    /// Adds exactly what the dense version adds (the zero products leave every sum unchanged).
    static func addOuterProductsOneHot(_ dw: UnsafeMutablePointer<Double>, rows: Int, ld: Int, offset: Int,
                                       _ a: UnsafePointer<Double>, hot: UnsafePointer<Int>, steps: Int) {
        for t in stride(from: steps - 1, through: 0, by: -1) {
            let col = offset + hot[t]
            for r in 0..<rows { dw[r * ld + col] += a[t * rows + r] }
        }
    }

    /// b[r] += Σ_t a_t[r], from the last step to the first.
    static func addSumOverSteps(_ b: UnsafeMutablePointer<Double>, rows: Int, _ a: UnsafePointer<Double>, steps: Int) {
        for t in stride(from: steps - 1, through: 0, by: -1) {
            for r in 0..<rows { b[r] += a[t * rows + r] }
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

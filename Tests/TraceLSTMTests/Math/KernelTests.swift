@testable import TraceLSTM
import Foundation
import Testing

/// The kernels against plain loops on random shapes, including the remainders of their blocks.
@Suite struct KernelTests {
    @Test func matVecRowsAreExactlyDot() {
        var r = NumpyRandom(seed: 4)
        for (rows, cols, ld) in [(1, 1, 1), (2, 7, 9), (5, 8, 8), (7, 17, 20), (100, 100, 100), (62, 100, 100), (3, 62, 62)] {
            let w = (0..<(rows * ld)).map { _ in r.standardNormal() }, x = (0..<cols).map { _ in r.standardNormal() }
            var y = [Double](repeating: .nan, count: rows)
            w.withUnsafeBufferPointer { wp in x.withUnsafeBufferPointer { xp in y.withUnsafeMutableBufferPointer { yp in
                Kernels.matVec(yp.baseAddress!, wp.baseAddress!, ld: ld, rows: rows, cols: cols, xp.baseAddress!)
                for k in 0..<rows {
                    #expect(yp[k].bitPattern == Kernels.dot(wp.baseAddress! + k * ld, xp.baseAddress!, cols).bitPattern, "row \(k) of \(rows)×\(cols)")
                    let plain = (0..<cols).reduce(0.0) { $0 + w[k * ld + $1] * x[$1] }
                    #expect(abs((yp[k]) - (plain)) <= 1e-12 * max(1, abs(plain)))
                }
            } } }
        }
    }

    /// Sums over rows and over time add one term after another, exactly as plain loops do.
    @Test func transposedProductAndOuterProductsAddInOrder() {
        var r = NumpyRandom(seed: 5)
        for (rows, cols, steps) in [(1, 1, 1), (3, 17, 2), (100, 100, 25), (4, 33, 7), (62, 100, 3), (5, 23, 4), (2, 2, 3)] {
            let w = (0..<(rows * cols)).map { _ in r.standardNormal() }, a = (0..<(rows * steps)).map { _ in r.standardNormal() }
            let x = (0..<(cols * steps)).map { _ in r.standardNormal() }
            var y = (0..<cols).map { _ in r.standardNormal() }
            var plainY = y
            for c in 0..<cols { for k in 0..<rows { plainY[c] += a[k] * w[k * cols + c] } }
            var dw = (0..<(rows * cols)).map { _ in r.standardNormal() }
            var plainDW = dw
            for k in 0..<rows { for c in 0..<cols { for t in stride(from: steps - 1, through: 0, by: -1) {
                plainDW[k * cols + c] += a[t * rows + k] * x[t * cols + c]
            } } }
            w.withUnsafeBufferPointer { wp in a.withUnsafeBufferPointer { ap in x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { Kernels.addTransposedMatVec($0.baseAddress!, wp.baseAddress!, ld: cols, rows: rows, cols: cols, ap.baseAddress!) }
                dw.withUnsafeMutableBufferPointer {
                    Kernels.addOuterProducts($0.baseAddress!, ld: cols, rows: rows, cols: cols, ap.baseAddress!, aStride: rows, x: xp.baseAddress!, xStride: cols, steps: steps)
                }
            } } }
            assertIdentical(y, plainY, "Wᵀa \(rows)×\(cols)")
            assertIdentical(dw, plainDW, "Σ_t a_t x_tᵀ \(rows)×\(cols)×\(steps)")
        }
    }

    @Test func pairwiseSumIsNumpysOrder() {
        // Fixture-free: numpy's pairwise rule written as plainly as possible.
        func reference(_ a: ArraySlice<Double>) -> Double {
            let n = a.count, s = a.startIndex
            if n < 8 { return a.reduce(0.0, +) }
            if n <= 128 {
                var r = Array(a[s..<(s + 8)])
                var i = 8
                while i < n - n % 8 { for j in 0..<8 { r[j] += a[s + i + j] }; i += 8 }
                var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
                while i < n { res += a[s + i]; i += 1 }
                return res
            }
            var half = n / 2
            half -= half % 8
            return reference(a[s..<(s + half)]) + reference(a[(s + half)...])
        }
        var r = NumpyRandom(seed: 6)
        for n in [1, 7, 8, 9, 62, 128, 129, 300, 1000] {
            let a = (0..<n).map { _ in exp(3 * r.standardNormal()) }
            let mine = a.withUnsafeBufferPointer { Kernels.pairwiseSum($0.baseAddress!, n) }
            #expect(mine.bitPattern == reference(a[...]).bitPattern, "n = \(n)")
        }
    }
}

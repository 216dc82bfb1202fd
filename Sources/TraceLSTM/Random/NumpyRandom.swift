#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// numpy's legacy global random state (`np.random.seed`, `rand`, `randn`, `choice`),
/// reproduced bit for bit so that the tracer draws the same weights and inputs as the
/// documents' Python for the same seed.
///
/// `randn` uses numpy's legacy polar method, which makes normals in pairs and keeps the
/// second for the next call; that cache is part of the state (and of every checkpoint).
public struct NumpyRandom: Sendable, Equatable {
    /// The bit generator.
    public private(set) var generator: MT19937
    /// Whether a second normal from the last pair is waiting (numpy's `has_gauss`).
    public private(set) var hasGauss: Bool
    /// That waiting normal (numpy's `cached_gaussian`; 0 when none).
    public private(set) var gauss: Double

    /// The state after `np.random.seed(seed)`: the generator seeded, no normal cached.
    public init(seed: UInt32) {
        generator = MT19937(seed: seed)
        hasGauss = false
        gauss = 0
    }

    /// A saved state (see `Checkpoint`).
    public init(generator: MT19937, hasGauss: Bool, gauss: Double) {
        self.generator = generator
        self.hasGauss = hasGauss
        self.gauss = hasGauss ? gauss : 0
    }

    /// A uniform double in [0, 1) with 53 random bits: `np.random.random_sample()`.
    /// ```
    /// a = next() >> 5,  b = next() >> 6,  u = (a · 2²⁶ + b) / 2⁵³
    /// ```
    public mutating func randomSample() -> Double {
        let a = Double(generator.next() >> 5)
        let b = Double(generator.next() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// A standard normal: `np.random.randn()` (numpy's legacy `legacy_gauss`, the polar method).
    /// ```
    /// repeat x₁ = 2u − 1, x₂ = 2u − 1, r² = x₁² + x₂²  until 0 < r² < 1
    /// f = √(−2 ln r² / r²);  return f·x₂, keep f·x₁ for the next call
    /// ```
    public mutating func standardNormal() -> Double {
        if hasGauss {
            let cached = gauss
            hasGauss = false
            gauss = 0
            return cached
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * randomSample() - 1.0
            x2 = 2.0 * randomSample() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * log(r2) / r2).squareRoot()
        gauss = f * x1
        hasGauss = true
        return f * x2
    }

    /// `np.random.randn(rows, cols)`: a matrix of standard normals, filled row by row.
    public mutating func randn(_ rows: Int, _ cols: Int) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        for k in 0..<m.count { m.storage[k] = standardNormal() }
        return m
    }

    /// `np.random.rand(rows, cols)`: a matrix of uniforms in [0, 1), filled row by row.
    public mutating func rand(_ rows: Int, _ cols: Int) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        for k in 0..<m.count { m.storage[k] = randomSample() }
        return m
    }

    /// `np.random.choice(n, p=p)`: an index in 0..<n drawn with probabilities p.
    /// ```
    /// cdf = cumsum(p);  cdf /= cdf[n−1];  u = random_sample()
    /// return the first k with cdf[k] > u   (searchsorted, side='right')
    /// ```
    /// Exactly one uniform is drawn. `p` must hold n non-negative numbers with a positive sum.
    public mutating func choice(_ n: Int, p: [Double]) -> Int {
        precondition(n > 0 && p.count == n, "choice: \(p.count) probabilities for \(n) outcomes")
        var cdf = [Double](repeating: 0, count: n)
        var running = 0.0
        for k in 0..<n {
            running += p[k]
            cdf[k] = running
        }
        let last = cdf[n - 1]
        for k in 0..<n { cdf[k] /= last }
        let u = randomSample()
        // searchsorted(side='right'): binary search for the first entry greater than u.
        var lo = 0, hi = n
        while lo < hi {
            let mid = (lo + hi) / 2
            if cdf[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return Swift.min(lo, n - 1)
    }
}

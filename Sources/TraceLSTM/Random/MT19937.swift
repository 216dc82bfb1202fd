/// The Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998): the bit generator behind
/// numpy's legacy `np.random` functions.
///
/// Seeding is `init_genrand` from the authors' reference code, which is what
/// `np.random.seed(s)` does for an integer 0 ≤ s < 2³²:
/// ```
/// key[0] = s
/// key[k] = 1812433253 · (key[k−1] ⊕ (key[k−1] >> 30)) + k   (mod 2³²)
/// ```
/// and the position starts at 624, so the first draw regenerates the whole key.
public struct MT19937: Sendable, Equatable {
    /// The state vector's length.
    public static let stateSize = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_B0DF
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7FFF_FFFF

    /// The 624 words of state (numpy's `get_state()[1]`).
    public private(set) var key: [UInt32]
    /// How many words of the current key have been used (numpy's `get_state()[2]`).
    public private(set) var position: Int

    /// The generator `np.random.seed(seed)` leaves behind.
    public init(seed: UInt32) {
        var key = [UInt32](repeating: 0, count: Self.stateSize)
        key[0] = seed
        for k in 1..<Self.stateSize {
            let previous = key[k - 1]
            key[k] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(k)
        }
        self.key = key
        self.position = Self.stateSize
    }

    /// A generator in a saved state; nil when the state is not one MT19937 can be in.
    public init?(key: [UInt32], position: Int) {
        guard key.count == Self.stateSize, (0...Self.stateSize).contains(position) else { return nil }
        self.key = key
        self.position = position
    }

    /// The next 32 random bits.
    public mutating func next() -> UInt32 {
        if position == Self.stateSize { regenerate() }
        var y = key[position]
        position += 1
        // Tempering.
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Replaces all 624 words (the "twist").
    private mutating func regenerate() {
        let n = Self.stateSize, m = Self.shift
        key.withUnsafeMutableBufferPointer { mt in
            for k in 0..<n {
                let y = (mt[k] & Self.upperMask) | (mt[(k + 1) % n] & Self.lowerMask)
                mt[k] = mt[(k + m) % n] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
            }
        }
        position = 0
    }
}

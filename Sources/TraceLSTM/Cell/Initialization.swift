/// How a model's weights are drawn.
public enum Initialization: Equatable, Sendable {
    /// The tutorial's: W_f, W_i, W_C, W_o = `np.random.randn(H, Z)` each, in that order, then
    /// W_y = `np.random.randn(K, H)`; all biases zero.
    case tutorial
    /// The notebook's: W_f, W_i, W_o = `randn(H, Z) * sd + 0.5`, W_C = `randn(H, Z) * sd`,
    /// W_v = `randn(K, H) * sd` (drawn W_f, W_i, W_C, W_o, W_v); all biases zero.
    case notebook(weightSD: Double)

    /// The name used in traces and on the command line.
    public var name: String {
        switch self {
        case .tutorial: return "tutorial"
        case .notebook: return "notebook"
        }
    }

    /// Draws a model's parameters from `random`, consuming exactly the normals the
    /// reference Python consumes.
    public func parameters(for config: LSTMConfiguration, random: inout NumpyRandom) -> ParameterSet {
        var p = ParameterSet(zerosFor: config)
        let H = config.hidden, Z = config.concatSize, K = config.output
        switch self {
        case .tutorial:
            for name in [ParameterName.wf, .wi, .wc, .wo] { p[name] = random.randn(H, Z) }
            p[.wy] = random.randn(K, H)
        case .notebook(let sd):
            for name in [ParameterName.wf, .wi, .wc, .wo] {
                var w = random.randn(H, Z)
                let offset = name == .wc ? 0.0 : 0.5
                for k in 0..<w.count { w.storage[k] = name == .wc ? w.storage[k] * sd : w.storage[k] * sd + offset }
                p[name] = w
            }
            var wv = random.randn(K, H)
            for k in 0..<wv.count { wv.storage[k] *= sd }
            p[.wy] = wv
        }
        return p
    }
}

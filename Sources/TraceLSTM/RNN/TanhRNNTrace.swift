/// One step of a tanh RNN trace: the forward values, then the gradients (empty before the
/// backward pass).
public struct TanhRNNStep: Equatable, Sendable {
    /// t, from 1.
    public let t: Int
    public let x: [Double], hPrev: [Double], z: [Double]
    /// a_t = W · z_t + b.
    public let a: [Double]
    public let h: [Double], y: [Double]
    /// ∂L/∂y_t.
    public internal(set) var dy: [Double] = []
    /// dh_t^(t+1): what step t + 1 handed back (zero at the last step).
    public internal(set) var dhNext: [Double] = []
    /// ∂L/∂h_t, the total.
    public internal(set) var dh: [Double] = []
    /// ∂L/∂a_t.
    public internal(set) var da: [Double] = []
    /// ∂L/∂z_t.
    public internal(set) var dz: [Double] = []
    /// dh_{t−1}^(t): what this step hands back to step t − 1.
    public internal(set) var dhPrev: [Double] = []
}

/// What a pass of a `TanhRNN` recorded: every step's values and gradients, the loss and the
/// parameter gradients.
public struct TanhRNNTrace: Equatable, Sendable {
    /// The model that ran.
    public let model: TanhRNN
    /// Y.
    public let target: [Double]
    /// Steps 1 … T.
    public internal(set) var steps: [TanhRNNStep]
    /// L = mean_k (y_T,k − Y_k)².
    public let loss: Double
    /// dW, db, dW_y, db_y in a `TanhRNN` (nil before the backward pass).
    public internal(set) var gradients: TanhRNN?

    /// ‖dh_t‖₂ for t = 1 … T: how much gradient reaches each step.
    public var hiddenGradientNorms: [Double] { steps.map { VectorMath.norm($0.dh) } }
}

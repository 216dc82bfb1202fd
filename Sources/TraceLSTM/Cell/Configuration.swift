/// The order of the two halves of z_t, which the documents disagree on.
public enum ConcatOrder: String, CaseIterable, Sendable {
    /// z_t = [h_{t−1}, x_t]: the tutorial (`np.vstack((h_prev, x_t))`) and the notebook.
    case hFirst = "h-first"
    /// z_t = [x_t, h_{t−1}]: the Medium post's cell (`np.vstack((x, prev_h))`).
    case xFirst = "x-first"
}

/// What turns h_t into the model's output.
public enum Head: String, CaseIterable, Sendable {
    /// y_t = W_y · h_t + b_y (the tutorial's regression).
    case linear
    /// v_t = W_v · h_t + b_v, y_t = softmax(v_t) (the notebook's next character).
    case softmax
}

/// The loss of a sequence.
public enum LossKind: String, CaseIterable, Sendable {
    /// mean_k (y_T,k − Y_k)²: the last step's output against one target (the tutorial).
    case mseLast = "mse-last"
    /// mean over t and k of (y_t,k − Y_t,k)²: every step against its own target.
    case mseAll = "mse-all"
    /// Σ_t −log y_t[target_t]: the notebook's next-character loss (softmax head).
    case crossEntropy = "cross-entropy"

    /// The head this loss is defined for.
    public var head: Head { self == .crossEntropy ? .softmax : .linear }
}

/// The sizes and choices that fix a model's shape and equations.
public struct LSTMConfiguration: Equatable, Sendable {
    /// X, the size of each input x_t.
    public var input: Int
    /// H, the number of hidden units (the size of h_t and C_t).
    public var hidden: Int
    /// K, the size of each output y_t.
    public var output: Int
    /// Where h_{t−1} and x_t sit in z_t.
    public var concat: ConcatOrder
    /// The loss; it also fixes the head (`linear` for the MSE losses, `softmax` for cross-entropy).
    public var loss: LossKind

    public init(input: Int, hidden: Int, output: Int, concat: ConcatOrder = .hFirst, loss: LossKind = .mseLast) {
        precondition(input > 0 && hidden > 0 && output > 0, "LSTMConfiguration: sizes must be positive")
        self.input = input
        self.hidden = hidden
        self.output = output
        self.concat = concat
        self.loss = loss
    }

    /// The head the loss uses.
    public var head: Head { loss.head }
    /// Z = H + X, the size of z_t (and the number of columns of each gate matrix).
    public var concatSize: Int { hidden + input }
    /// The column of z_t (and of W_f, W_i, W_C, W_o) where h_{t−1} starts.
    public var hOffset: Int { concat == .hFirst ? 0 : input }
    /// The column of z_t where x_t starts.
    public var xOffset: Int { concat == .hFirst ? hidden : 0 }

    /// Which half entry k of z_t (and column k of a gate matrix) belongs to, and its index
    /// there: (true, j) for h_{t−1}[j], (false, j) for x_t[j].
    public func concatEntry(_ k: Int) -> (isHidden: Bool, index: Int) {
        let j = k - hOffset
        return j >= 0 && j < hidden ? (true, j) : (false, k - xOffset)
    }
}

/// Everything that training the notebook's model changes from one iteration to the next, and
/// so everything a checkpoint keeps to continue a run exactly.
public struct CharTrainingState: Equatable, Sendable {
    /// W_f … b_v.
    public var parameters: ParameterSet
    /// Adagrad's sum of squared gradients, entry for entry.
    public var memory: ParameterSet
    /// The state carried to the next iteration.
    public var h: [Double], c: [Double]
    /// Iterations done.
    public var iteration: Int
    /// Where the next sequence starts in the text.
    public var pointer: Int
    /// The notebook's exponential average of the loss.
    public var smoothLoss: Double
    /// numpy's global random state (drew the weights, draws the samples).
    public var random: NumpyRandom

    public init(parameters: ParameterSet, memory: ParameterSet, h: [Double], c: [Double],
                iteration: Int, pointer: Int, smoothLoss: Double, random: NumpyRandom) {
        (self.parameters, self.memory, self.h, self.c) = (parameters, memory, h, c)
        (self.iteration, self.pointer, self.smoothLoss, self.random) = (iteration, pointer, smoothLoss, random)
    }

    /// Whether every number is finite (a diverged run or a damaged checkpoint is not).
    public var isFinite: Bool {
        parameters.isFinite && memory.isFinite && h.allSatisfy(\.isFinite) && c.allSatisfy(\.isFinite)
    }
}

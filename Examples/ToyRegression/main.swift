// The "LSTM from scratch" tutorial's toy regression, finished, through TraceLSTM's public API:
// the same data and network, BPTT from the loss of each sequence, and SGD after each sequence.
//
//     swift run ToyRegression
//
// Y is noise drawn independently of X, so the falling loss is the network memorising 100 pairs.

import TraceLSTM

// Sample data generation, as the tutorial's Step 6:
//   np.random.seed(0)
//   X = [np.random.randn(10, 3) for _ in range(100)]
//   Y = [np.random.randn(2, 1) for _ in range(100)]
var random = NumpyRandom(seed: 0)
let data = ToyRegressionData(count: 100, length: 10, input: 3, output: 2, random: &random)

// The network (3 inputs, 5 hidden units, 2 outputs), drawn after the data: W_f, W_i, W_C, W_o, W_y.
let config = LSTMConfiguration(input: 3, hidden: 5, output: 2, concat: .hFirst, loss: .mseLast)
var model = LSTM(config: config, initialization: .tutorial, random: &random)

// One cache holds every value of a sequence's forward pass and every gradient of its backward pass.
let cache = SequenceCache(config: config, capacity: 10)
var gradients = ParameterSet(zerosFor: config)
let learningRate = 0.01, epochs = 100

for epoch in 1...epochs {
    var totalLoss = 0.0
    for (x, y) in zip(data.sequences, data.targets) {
        gradients.zero()
        // Forward through the 10 steps, loss = mean((y_10 - Y)^2), then backpropagation through time.
        let loss = cache.forwardBackward(parameters: model.parameters, input: .dense(x), target: .last(y),
                                         gradients: &gradients)
        totalLoss += loss
        // "Backpropagation and weight updates would go here": here they are.
        model.parameters.sgdStep(learningRate: learningRate, gradients: gradients)
    }
    print("Epoch \(epoch)/\(epochs), Loss: \(totalLoss / Double(data.sequences.count))")
}

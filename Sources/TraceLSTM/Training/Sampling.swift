extension LSTM {
    /// Draws `length` indices one at a time with `np.random.choice(range(K), p=y)`, each fed back
    /// as the next one-hot input, starting from input `first` and the state (h, C): the
    /// notebook's `sample`. Needs a softmax head over the model's own inputs.
    public func sample(from first: Int, h: [Double], c: [Double], length: Int, random: inout NumpyRandom) -> [Int] {
        precondition(config.head == .softmax && config.input == config.output, "sample: needs a softmax model over its own inputs")
        let cache = SequenceCache(config: config, capacity: 1)
        cache.computesInputGradient = false
        var x = first, h = h, c = c
        var out: [Int] = []
        out.reserveCapacity(length)
        for _ in 0..<length {
            // The loss term (against class 0) is computed and not used.
            _ = cache.forward(parameters: parameters, input: .oneHot(indices: [x], classes: config.input),
                              target: .classes([0]), h0: h, c0: c)
            cache.copyLastState(h: &h, c: &c)
            x = random.choice(config.output, p: cache.output(step: 1))
            out.append(x)
        }
        return out
    }

    /// Reads `prime` from h = C = 0, then samples `length` indices after its last character.
    public func sample(prime: [Int], length: Int, random: inout NumpyRandom) -> [Int] {
        precondition(!prime.isEmpty, "sample: needs a prime")
        var h = [Double](repeating: 0, count: config.hidden), c = h
        if prime.count > 1 {
            let read = Array(prime.dropLast())
            let cache = SequenceCache(config: config, capacity: read.count)
            _ = cache.forward(parameters: parameters, input: .oneHot(indices: read, classes: config.input),
                              target: .classes(read), h0: h, c0: c)
            cache.copyLastState(h: &h, c: &c)
        }
        return sample(from: prime[prime.count - 1], h: h, c: c, length: length, random: &random)
    }
}

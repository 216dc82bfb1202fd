extension ParameterSet {
    /// The same parameters for a model with the other concat order: the same function, with
    /// each gate matrix's columns permuted to meet [x_t, h_{t−1}] instead of [h_{t−1}, x_t] (or
    /// back). The stored blocks W_h and W_x do not change; only how `self[.wf]` lays them out.
    public func withConcat(_ order: ConcatOrder) -> ParameterSet {
        var c = config
        c.concat = order
        var p = ParameterSet(zerosFor: c)
        p.values = values
        return p
    }
}

import TraceLSTM
import Testing

/// The traces the library computes against the numpy reference's, computed in 80-bit
/// longdouble and rounded to float64 (Fixtures/step_traces.json, written by
/// Examples/python/make_fixtures.py from lstm_reference.py).
///
/// Tolerances: parameters, inputs and targets are numpy's float64 draws and must be
/// bit-identical. Forward values agree within 1e-12 (normwise relative, per quantity and
/// step): float64 rounding moves each result by a few ulps, and ten steps of the recurrence do
/// not amplify that past ~1e-14. Gradients agree within 1e-10: BPTT multiplies such differences
/// through up to ten steps of W_gᵀ products (cross_check.py measures both: about 4e-15 forward
/// and 5e-14 backward, for lstm-trace and for numpy's own float64 run alike).
@Suite struct StepFixtureTests {
    @Test func everyQuantityMatchesTheArbiter() throws {
        let traces = try #require(Fixtures.json("step_traces.json")["traces"]?.arrayValue)
        #expect(traces.count == 7)
        for json in traces {
            let expected = try TraceJSON.decode(json)
            let c = expected.config
            let label = "X=\(c.input) H=\(c.hidden) K=\(c.output) T=\(expected.steps.count) \(c.concat.rawValue) \(c.loss.rawValue)"
            let initName = try #require(json["config"]?["init"]?.stringValue)
            let problem = StepProblem(config: c, steps: expected.steps.count, seed: 0,
                                      initialization: initName == "notebook" ? .notebook(weightSD: 0.1) : .tutorial)
            let actual = problem.trace()

            assertIdentical(actual.parameters.values, expected.parameters.values, "\(label) parameters")
            #expect(actual.target == expected.target, "\(label) target")
            for (a, e) in zip(actual.steps, expected.steps) {
                assertIdentical(a.forward[.x]!, e.forward[.x]!, "\(label) x_\(e.t)")
                for q in actual.forwardQuantities {
                    guard let ev = e.forward[q] else {
                        #expect(a.forward[q] == nil, "\(label) \(q.key)_\(e.t) should not be recorded")
                        continue
                    }
                    assertClose(try #require(a.forward[q], "\(label) \(q.key)_\(e.t) missing"), ev,
                                tolerance: 1e-12, "\(label) forward \(q.key)_\(e.t)")
                }
                for q in actual.backwardQuantities {
                    let ev = try #require(e.backward[q], "\(label) \(q.key)_\(e.t) missing in the fixture")
                    assertClose(try #require(a.backward[q]), ev, tolerance: 1e-10, "\(label) backward \(q.key)_\(e.t)")
                }
                #expect(Set(a.backward.keys) == Set(e.backward.keys), "\(label) backward keys at t=\(e.t)")
            }
            assertClose([actual.loss], [expected.loss], tolerance: 1e-12, "\(label) loss")
            let (ag, eg) = (try #require(actual.gradients), try #require(expected.gradients))
            for name in ParameterName.allCases {
                assertClose(ag[name].storage, eg[name].storage, tolerance: 1e-10, "\(label) \(name.gradientKey(head: c.head))")
            }
        }
    }
}

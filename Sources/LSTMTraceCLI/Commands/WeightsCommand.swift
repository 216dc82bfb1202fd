import Foundation
import TraceLSTM

/// `lstm-trace weights`: the parameters a run uses, or its gradients, in our layout or
/// PyTorch's, as .npz or JSON.
enum WeightsCommand: Command {
    static let spec = WeightsSpecs.weights

    enum FileKind: String { case npz, json }

    static func run(_ a: ParsedArguments) throws {
        guard let path = a.string("-o") else { throw a.usageError(Text.missingRequiredOption(spec.option("-o")!), option: "-o") }
        guard let kind = OutputFormatChoice.format(namedBy: path).flatMap(FileKind.init(rawValue:)) else {
            throw a.usageError(Text.weightsOutputName(path), option: "-o")
        }
        let layout = try a.choice("--layout", default: ParameterLayout.ours)
        let gradients = a.flag("--gradients")
        let parameters: ParameterSet
        // PyTorch's keys keep the module names of the state_dict the weights came from.
        var modules = PyTorchModules.standard
        if let from = a.string("--from") {
            for name in (ModelSpecs.modelOptions + ModelSpecs.ownModelOptions).map(\.name) where a.has(name) {
                throw a.usageError("\(name) " + Text.fromWithModelOption, option: name)
            }
            let trace: Trace
            do { trace = try TraceJSON.decode(try InputFile.json(from)) } catch let e as TraceJSON.DecodeError {
                throw CLIError.badData(Text.notATrace(from, e.description))
            }
            guard !gradients || trace.gradients != nil else { throw CLIError.badData(Text.traceHasNoGradients(from)) }
            parameters = gradients ? trace.gradients! : trace.parameters
            if let recorded = PyTorchModules(recordedIn: trace) { modules = recorded }
        } else {
            let options = try ModelOptions(a)
            if let m = options.files.weights?.parameters.modules { modules = m }
            let problem = try options.problem
            parameters = gradients
                ? problem.model.gradients(input: problem.input, target: problem.target, h0: problem.h0, c0: problem.c0).gradients
                : problem.model.parameters
        }
        let arrays = ParameterArrays.arrays(parameters, layout: layout, gradient: gradients, modules: modules)
        switch kind {
        case .npz:
            let bytes: [UInt8]
            do { bytes = try NPZ.bytes(arrays.map { ($0.name, .numbers($0.array)) }) } catch let e as NumpyFileError {
                throw CLIError.cannotWrite(path: path, reason: e.description)
            }
            try OutputFile.write(Data(bytes), to: path)
        case .json:
            try OutputFile.write(JSONWriter.string(.object(arrays.map { ($0.name, ArrayText.json($0.array)) })), to: path)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LSTMTraceCLI

exit(LSTMTrace.main(Array(CommandLine.arguments.dropFirst())))

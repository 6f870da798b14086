import Foundation
import LeakLintCommand

Command.prepareProcess()
// Arguments are read as UTF-8; one that is not (a raw file name) is refused
// with its bytes escaped, instead of being silently repaired into another name.
var arguments: [String] = []
for index in stride(from: 1, to: Int(CommandLine.argc), by: 1) {
    guard let pointer = CommandLine.unsafeArgv[index] else { continue }
    let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
    guard let argument = String(validating: bytes, as: UTF8.self) else {
        OutputSink.standard.error(
            "leaklint: argument is not valid UTF-8: \(Command.escaped(bytes)); leaklint reads paths as UTF-8, so rename it to lint it")
        exit(2)
    }
    arguments.append(argument)
}
exit(Command.run(arguments: arguments))

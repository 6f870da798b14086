#if !LEAKLINT_FUZZING
import Foundation

/// Without libFuzzer (a normal `swift build`), the target is a plain
/// executable that runs each file named on the command line (or each file
/// of a named directory) through the fuzz entry point, to reproduce a
/// crash from a saved input under a debugger or in a debug build.
@main
enum ReproduceCommand {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: LeakLintFuzz INPUT...  (runs each input through the fuzz target)\n".utf8))
            exit(2)
        }
        FuzzPipeline.warmUp()
        var status: Int32 = 0
        for path in arguments.flatMap(expand) {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
                status = 1
                continue
            }
            let bytes = [UInt8](data)
            // Named before it runs, so that a crash's output says which input it was.
            print("\(path): ", terminator: "")
            fflush(nil)
            let started = Date()
            _ = bytes.withUnsafeBufferPointer { buffer -> CInt in
                guard let base = buffer.baseAddress else {
                    var empty: UInt8 = 0
                    return fuzzOne(&empty, 0)
                }
                return fuzzOne(base, buffer.count)
            }
            let seconds = String(format: "%.3f", Date().timeIntervalSince(started))
            // Run again outside the entry point only to count findings (a sanity check that rules fire).
            let findings = FuzzPipeline.run(bytes)
            print("ok (\(bytes.count) bytes, \(findings) findings, \(seconds) s)")
        }
        exit(status)
    }

    /// A directory stands for the regular files directly in it, sorted.
    static func expand(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return [path] }
        return names.sorted().map { path + "/" + $0 }
    }
}
#endif

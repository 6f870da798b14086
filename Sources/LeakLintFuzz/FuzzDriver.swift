#if LEAKLINT_FUZZING
import Foundation

/// The entry point of the libFuzzer build. SwiftPM links every Linux
/// executable with `main` aliased to the module's own entry point, so the
/// target cannot simply leave `main` to libFuzzer; instead it hands the
/// process arguments to libFuzzer's driver, which then behaves exactly
/// like libFuzzer's `main` (same flags, corpus directories, `-jobs`).
@main
enum FuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        FuzzPipeline.warmUp()
        exit(runLibFuzzer(&argc, &argv, fuzzOne))
    }
}

/// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*)(const uint8_t *, size_t))`
/// from libFuzzer, linked in by `-sanitize=fuzzer`.
@_extern(c, "LLVMFuzzerRunDriver")
func runLibFuzzer(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
#endif

/// libFuzzer's entry point: every input goes through the whole pipeline
/// (`FuzzPipeline.run`). Always returns 0, as libFuzzer requires; problems
/// show up as traps or sanitizer reports, which libFuzzer records.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: max(0, size)))
    FuzzPipeline.run(bytes)
    return 0
}

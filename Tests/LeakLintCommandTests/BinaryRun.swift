import Foundation

/// Runs the built `leaklint` executable as a separate process, in a chosen
/// working directory: what the current directory changes (display paths,
/// fingerprints, `%SRCROOT%`) and how the process ends (exit status, not a
/// signal) can only be seen from outside.
struct BinaryRun {
    var status: Int32
    /// Set when the process died of a signal instead of exiting.
    var signal: Int32?
    var out: String
    var err: String

    var errorLines: [String] { err.split(separator: "\n").map(String.init) }

    /// The `leaklint` built beside the test bundle (same build folder).
    static let executable: String? = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        var candidates: [String] = []
        if count > 0 {
            let testBinary = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var directory = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
            // On some platforms the tests live inside a bundle folder.
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent("leaklint").path)
                directory.deleteLastPathComponent()
            }
        }
        candidates.append(ExampleServiceTests.repositoryRoot + "/.build/debug/leaklint")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    init(_ arguments: [String], in directory: String, standardInput: String = "", via program: String? = nil) throws {
        guard let executable = program ?? BinaryRun.executable else {
            struct Missing: Error, CustomStringConvertible { var description = "the leaklint executable was not built; run swift build" }
            throw Missing()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"].merging(Sanitizers.environment) { own, _ in own }
        let outPipe = Pipe()
        let errPipe = Pipe()
        let inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data(standardInput.utf8))
        try inPipe.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a full pipe cannot stall the child.
        let errData = Captured()
        // The reader signals a semaphore when done, so its write is seen to happen before the read below.
        let finished = DispatchSemaphore(value: 0)
        let reader = Thread {
            errData.append(error: String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            finished.signal()
        }
        reader.start()
        out = String(decoding: outPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        finished.wait()
        err = errData.err
        status = process.terminationStatus
        signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
    }
}

import Foundation

/// Runs a `/bin/sh` script that starts the built `leaklint` (as
/// `"$LEAKLINT"`) under conditions only a shell sets up: closed or full
/// standard streams, an ignored SIGPIPE, a memory limit, a deleted
/// working directory. A run that outlives `timeout` is killed and marked,
/// so that a hang fails the test instead of stalling the suite.
struct ShellRun {
    var status: Int32
    /// Set when the shell died of a signal instead of exiting.
    var signal: Int32?
    var timedOut: Bool
    var out: String
    var err: String

    var errorLines: [String] { err.split(separator: "\n").map(String.init) }

    init(_ script: String, in directory: String, timeout: TimeInterval = 120) throws {
        guard let executable = BinaryRun.executable else {
            struct Missing: Error, CustomStringConvertible { var description = "the leaklint executable was not built; run swift build" }
            throw Missing()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LEAKLINT": executable].merging(Sanitizers.environment) { own, _ in own }
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let captured = Captured()
        // Each reader signals when its pipe is at its end (a semaphore, so the reads are seen to happen before).
        let finished = DispatchSemaphore(value: 0)
        let errReader = Thread {
            captured.append(error: String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            finished.signal()
        }
        let outReader = Thread {
            captured.append(out: String(decoding: outPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            finished.signal()
        }
        errReader.start()
        outReader.start()
        let deadline = Date().addingTimeInterval(timeout)
        var killed = false
        while process.isRunning {
            if Date() > deadline && !killed {
                kill(process.processIdentifier, SIGKILL)
                killed = true
            }
            usleep(2000)
        }
        // A process the script left behind may hold the pipes open: stop waiting for them a little later.
        let readDeadline = DispatchTime.now() + (killed ? 5 : timeout)
        for _ in 0..<2 { _ = finished.wait(timeout: readDeadline) }
        out = captured.out
        err = captured.err
        timedOut = killed
        status = process.terminationStatus
        signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
    }
}

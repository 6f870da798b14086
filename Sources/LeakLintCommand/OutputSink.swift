import Foundation

/// Where the command writes: standard output and standard error, or
/// buffers in tests. Each call writes whole lines.
public final class OutputSink: @unchecked Sendable {
    private let writeOut: (String) -> Void
    private let writeError: (String) -> Void

    public init(out: @escaping (String) -> Void, error: @escaping (String) -> Void) {
        writeOut = out
        writeError = error
    }

    public static let standard = OutputSink(
        out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        error: { text in FileHandle.standardError.write(Data(text.utf8)) })

    public func out(_ text: String, terminator: String = "\n") { writeOut(text + terminator) }
    public func error(_ text: String) { writeError(text + "\n") }
}

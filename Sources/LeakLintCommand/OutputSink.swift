import Foundation

/// Where the command writes: standard output and standard error, or
/// buffers in tests. Each call writes whole lines.
public final class OutputSink: @unchecked Sendable {
    private let writeOut: (String) -> Void
    private let writeError: (String) -> Void
    /// Whether standard output is a terminal (colour is used only then).
    public let outputIsTerminal: Bool
    /// The environment (for `NO_COLOR`).
    public let environment: [String: String]

    public init(
        out: @escaping (String) -> Void, error: @escaping (String) -> Void, outputIsTerminal: Bool = false,
        environment: [String: String] = [:]
    ) {
        writeOut = out
        writeError = error
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
    }

    public static let standard = OutputSink(
        out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        error: { text in FileHandle.standardError.write(Data(text.utf8)) },
        outputIsTerminal: isatty(1) == 1,
        environment: ProcessInfo.processInfo.environment)

    /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
    public var usesColour: Bool { outputIsTerminal && environment["NO_COLOR"] == nil }

    public func out(_ text: String, terminator: String = "\n") { writeOut(text + terminator) }
    public func error(_ text: String) { writeError(text + "\n") }
}

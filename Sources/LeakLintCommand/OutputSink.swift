import Foundation
import Synchronization

/// Where the command writes: standard output and standard error, or
/// buffers in tests. Each call writes whole lines.
///
/// A write can fail (a closed descriptor, a full disk, a reader that has
/// gone): the sink remembers the first failure of each stream, writes
/// nothing more to that stream, and `finish` turns it into exit status 2.
public final class OutputSink: Sendable {
    private let writeOut: @Sendable (String) -> Int32?
    private let writeError: @Sendable (String) -> Int32?
    /// The `errno` of the first failed write to each stream.
    private let failures = Mutex<(out: Int32?, error: Int32?)>((nil, nil))
    /// Whether standard output is a terminal (colour is used only then).
    public let outputIsTerminal: Bool
    /// The environment (for `NO_COLOR`).
    public let environment: [String: String]

    /// A sink whose writes always succeed.
    public convenience init(
        out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void, outputIsTerminal: Bool = false,
        environment: [String: String] = [:]
    ) {
        self.init(
            writingOut: { out($0); return nil }, writingError: { error($0); return nil }, outputIsTerminal: outputIsTerminal,
            environment: environment)
    }

    /// A sink whose writers return nil on success, else the `errno` of the failure.
    public init(
        writingOut: @escaping @Sendable (String) -> Int32?, writingError: @escaping @Sendable (String) -> Int32?,
        outputIsTerminal: Bool = false, environment: [String: String] = [:]
    ) {
        writeOut = writingOut
        writeError = writingError
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
    }

    /// The process's standard output and standard error, written with `write(2)`.
    public static let standard = OutputSink(
        writingOut: { DescriptorWriter.writeAll(1, $0) }, writingError: { DescriptorWriter.writeAll(2, $0) },
        outputIsTerminal: isatty(1) == 1, environment: ProcessInfo.processInfo.environment)

    /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
    public var usesColour: Bool { outputIsTerminal && environment["NO_COLOR"] == nil }

    public func out(_ text: String, terminator: String = "\n") {
        guard failures.withLock({ $0.out == nil }) else { return }
        if let code = writeOut(text + terminator) { failures.withLock { $0.out = code } }
    }

    public func error(_ text: String) {
        guard failures.withLock({ $0.error == nil }) else { return }
        if let code = writeError(text + "\n") { failures.withLock { $0.error = code } }
    }

    /// The exit status of a run that would end with `status`: 2 if a write
    /// failed, after saying so on standard error when it still works.
    public func finish(_ status: Int32) -> Int32 {
        let (out, error) = failures.withLock { $0 }
        if let out {
            self.error("leaklint: cannot write to standard output: \(DescriptorWriter.describe(out))")
            return 2
        }
        return error == nil ? status : 2
    }
}

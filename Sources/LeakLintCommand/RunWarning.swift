import FilePaths

/// Something a run met and could work around, printed on standard error as
/// `leaklint: warning: PATH: message`. Warnings never change the exit status
/// (so a clean run stays 0) and are printed even with `--quiet`, which only
/// drops the summary line: the run went on, but not quite as asked.
struct RunWarning: Sendable, Equatable {
    var path: String
    var message: String

    /// The line printed, the path escaped for a terminal.
    var text: String { "leaklint: warning: \(PrintableText.escaped(path)): \(message)" }
}

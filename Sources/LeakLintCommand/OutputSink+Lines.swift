import FilePaths

extension OutputSink {
    /// Prints a one-line message on standard error with its control
    /// characters escaped (`\n`, `\x1B`): the paths and arguments it names
    /// come from outside and must neither split the line nor drive the terminal.
    func errorLine(_ line: String) {
        error(PrintableText.escaped(line))
    }
}

/// A lexical or syntax error found in one file, anchored at a byte offset.
///
/// Errors are data, never thrown: the scanner and parser collect them and keep
/// going, so one bad line does not hide the rest of the file.
public struct SyntaxError: Sendable, Equatable, CustomStringConvertible {
    /// Byte offset in the file where the problem is.
    public var offset: Int32
    /// Lowercase description without the `syntax error:` prefix,
    /// e.g. `expected ';', found newline`.
    public var message: String

    public init(offset: Int32, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(offset): \(message)" }
}

extension Array where Element == SyntaxError {
    /// Sorted by position, keeping only the first error of each line, as the
    /// Go toolchain prints them: later errors on a line are usually echoes.
    public func onePerLine(lines: LineTable) -> [SyntaxError] {
        let sorted = self.enumerated().sorted { lhs, rhs in
            lhs.element.offset != rhs.element.offset ? lhs.element.offset < rhs.element.offset : lhs.offset < rhs.offset
        }.map(\.element)
        var result: [SyntaxError] = []
        var lastLine = -1
        for error in sorted {
            let line = lines.line(ofOffset: Int(error.offset))
            if line != lastLine {
                result.append(error)
                lastLine = line
            }
        }
        return result
    }
}

import GoSyntax

/// Where and how a suggested fix adds a line of code: after the end of a
/// statement (past a trailing comment), with the line break the file uses
/// and the indentation of the surrounding block.
///
/// Works on the file's bytes; a fix that cannot be placed on a line of its
/// own (more code follows on the same line) is not offered.
struct LineInsertion {
    /// Where the new line's text goes: just before the line break that ends
    /// the line of the anchor (or at the end of the file).
    var offset: Int32
    /// `\n`, or `\r\n` when the line ends that way.
    var lineBreak: String

    /// The point after `end` at which a new line can start: only blanks, an
    /// optional `;` and an optional comment may follow `end` on its line.
    init?(after end: Int32, in source: [UInt8]) {
        var index = Int(end)
        func skipBlanks() {
            while index < source.count && (source[index] == 0x20 || source[index] == 0x09) { index += 1 }
        }
        skipBlanks()
        if index < source.count && source[index] == UInt8(ascii: ";") {
            index += 1
            skipBlanks()
        }
        if index + 1 < source.count && source[index] == UInt8(ascii: "/") && source[index + 1] == UInt8(ascii: "/") {
            while index < source.count && source[index] != 0x0A && source[index] != 0x0D { index += 1 }
        } else if index + 1 < source.count && source[index] == UInt8(ascii: "/") && source[index + 1] == UInt8(ascii: "*") {
            // A block comment that ends on this line.
            var close = index + 2
            while close + 1 < source.count && !(source[close] == UInt8(ascii: "*") && source[close + 1] == UInt8(ascii: "/")) {
                if source[close] == 0x0A { return nil }
                close += 1
            }
            guard close + 1 < source.count else { return nil }
            index = close + 2
            skipBlanks()
        }
        if index == source.count {
            offset = Int32(index)
            lineBreak = "\n"
            return
        }
        if source[index] == 0x0A {
            offset = Int32(index)
            lineBreak = "\n"
            return
        }
        if source[index] == 0x0D && index + 1 < source.count && source[index + 1] == 0x0A {
            offset = Int32(index)
            lineBreak = "\r\n"
            return
        }
        return nil
    }

    /// The blanks that start the line containing `offset`.
    static func lineIndentation(at offset: Int32, in source: [UInt8]) -> [UInt8] {
        var lineStart = min(Int(offset), source.count)
        while lineStart > 0 && source[lineStart - 1] != 0x0A { lineStart -= 1 }
        var end = lineStart
        while end < source.count && (source[end] == 0x20 || source[end] == 0x09) { end += 1 }
        return Array(source[lineStart..<end])
    }

    /// The indentation of a statement of the block `statement` belongs to:
    /// its own line's, or one tab more when it does not start its line
    /// (`case x: f := open()`).
    static func indentation(ofStatementAt offset: Int32, in source: [UInt8]) -> String {
        let indentation = lineIndentation(at: offset, in: source)
        var lineStart = min(Int(offset), source.count)
        while lineStart > 0 && source[lineStart - 1] != 0x0A { lineStart -= 1 }
        let startsLine = lineStart + indentation.count == Int(offset)
        return String(decoding: indentation, as: UTF8.self) + (startsLine ? "" : "\t")
    }

    /// An edit adding `code` as a line of its own after `end`, indented with `indentation`.
    func edit(_ code: String, indentation: String) -> TextEdit {
        TextEdit(start: offset, end: offset, replacement: lineBreak + indentation + code)
    }
}

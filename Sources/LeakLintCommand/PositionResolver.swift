import GoSyntax
import LeakReporters

/// Turns byte offsets of one file into line, byte column and UTF-16 column.
///
/// Line starts and the multi-byte characters are found once per file, so
/// each position costs a binary search, not a pass over its line: a file
/// that is one long line with thousands of findings stays linear.
struct PositionResolver {
    let tree: SyntaxTree
    let lines: LineTable
    private let utf16: UTF16Columns

    init(tree: SyntaxTree) {
        self.tree = tree
        lines = tree.makeLineTable()
        utf16 = UTF16Columns(tree.source)
    }

    func position(_ offset: Int) -> ReportedPosition {
        let clamped = max(0, min(offset, tree.source.count))
        let (line, column) = lines.position(ofOffset: clamped)
        let lineStart = Int(lines.lineStarts[line - 1])
        let units = utf16.units(from: lineStart, to: max(lineStart, clamped))
        return ReportedPosition(line: line, column: column, utf16Column: units + 1)
    }

    /// The byte range of a 1-based line, without its line ending; nil past the last line.
    func lineRange(_ line: Int) -> Range<Int>? {
        guard line >= 1 && line <= lines.lineCount else { return nil }
        let start = Int(lines.lineStarts[line - 1])
        var end = line < lines.lineCount ? Int(lines.lineStarts[line]) : tree.source.count
        while end > start && (tree.source[end - 1] == 0x0A || tree.source[end - 1] == 0x0D) { end -= 1 }
        return start..<end
    }

    /// The text of a 1-based line, without its line ending.
    func lineText(_ line: Int) -> String {
        guard let range = lineRange(line) else { return "" }
        return String(decoding: tree.source[range], as: UTF8.self)
    }
}

/// How many UTF-16 code units a range of a file's bytes decodes to, as
/// `String(decoding:as: UTF8.self)` would count them, without decoding it.
///
/// Records each character of more than one byte (and each invalid sequence
/// of more than one byte, which decodes to one U+FFFD) with the bytes it
/// saves in UTF-16; a count is then the range's length minus the savings in
/// it, found by binary search. A range cut inside a sequence ends with a
/// prefix of it, which decodes to one U+FFFD.
struct UTF16Columns {
    /// Offsets of the multi-byte sequences, ascending.
    private var starts: [Int32] = []
    private var lengths: [UInt8] = []
    private var units: [UInt8] = []
    /// `savings[i]`: bytes minus UTF-16 units of the sequences before `starts[i]`.
    private var savings: [Int32] = [0]

    init(_ source: [UInt8]) {
        guard source.contains(where: { $0 >= 0x80 }) else { return }
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = source.makeIterator()
        var offset = 0
        var saved: Int32 = 0
        loop: while true {
            let length: Int
            let count: Int
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                length = encoded.count
                count = length == 4 ? 2 : 1
            case .error(let errorLength):
                length = errorLength
                count = 1
            case .emptyInput:
                break loop
            }
            if length > 1 {
                starts.append(Int32(truncatingIfNeeded: offset))
                lengths.append(UInt8(truncatingIfNeeded: length))
                units.append(UInt8(truncatingIfNeeded: count))
                saved += Int32(truncatingIfNeeded: length - count)
                savings.append(saved)
            }
            offset += length
        }
    }

    /// UTF-16 units of the bytes `start..<end`; `start` must be where a
    /// character begins (a line start, or 0).
    func units(from start: Int, to end: Int) -> Int {
        guard end > start else { return 0 }
        let first = firstIndex(atOrAfter: start)
        let past = firstIndex(atOrAfter: end)
        var saved = Int(savings[past] - savings[first])
        if past > first {
            let last = past - 1
            let sequenceStart = Int(starts[last])
            if sequenceStart + Int(lengths[last]) > end {
                // Cut inside: the bytes kept decode to one U+FFFD.
                saved -= Int(lengths[last]) - Int(units[last])
                saved += (end - sequenceStart) - 1
            }
        }
        return (end - start) - saved
    }

    /// Index of the first sequence starting at or after `offset`.
    private func firstIndex(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if Int(starts[middle]) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// Turns byte offsets into 1-based line and column numbers.
///
/// Positions everywhere else are plain byte offsets; this table is built only
/// when something has to be printed, by one pass over the source that records
/// where each line starts. Columns count bytes, as `gofmt` and `go vet` print.
public struct LineTable: Sendable {
    /// Offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int32]

    public init(source: [UInt8]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(source.count / 32 + 1)
        source.withUnsafeBufferPointer { buffer in
            // Like go/token, a newline that ends the file starts no new line:
            // a position at EOF is reported on the last line.
            for index in 0..<buffer.count where buffer[index] == 0x0A && index + 1 < buffer.count {
                starts.append(Int32(index + 1))
            }
        }
        lineStarts = starts
    }

    /// 1-based line number containing `offset` (offsets past the end belong to the last line).
    public func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// 1-based line and byte column of `offset`.
    public func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        let line = line(ofOffset: offset)
        return (line, offset - Int(lineStarts[line - 1]) + 1)
    }

    public var lineCount: Int { lineStarts.count }
}

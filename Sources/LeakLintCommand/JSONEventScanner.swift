/// Reads a JSON document as a flat sequence of events (container starts and
/// ends, keys, strings, other scalars) in one forward pass over its bytes,
/// checking the grammar as it goes.
///
/// It exists so that a large report can be searched for the few values a
/// caller needs without building a tree of objects for all of it: memory
/// stays at the nesting depth, and no depth of nesting recurses.
struct JSONEventScanner {
    /// What the next piece of the document is. Strings and keys are byte
    /// ranges of their raw contents (between the quotes, escapes undecoded).
    enum Event: Equatable {
        case objectStart
        case objectEnd
        case arrayStart
        case arrayEnd
        case key(Range<Int>)
        case string(Range<Int>)
        /// A number, `true`, `false` or `null`.
        case scalar
    }

    /// Where the document stops being JSON.
    struct SyntaxError: Error, Equatable {
        var offset: Int
    }

    private enum Expecting {
        case value
        /// After `[`: a value or `]`.
        case valueOrArrayEnd
        /// After `{`: a key or `}`.
        case keyOrObjectEnd
        /// After a `,` in an object.
        case key
        case colon
        case commaOrEnd
        case end
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0
    /// true for each open object, false for each open array.
    private var isObject: [Bool] = []
    private var expecting = Expecting.value

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte order mark is tolerated, as JSON parsers commonly do.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { offset = 3 }
    }

    /// How many containers are open.
    var depth: Int { isObject.count }

    /// The next event, nil at the end of a complete document, or where the
    /// bytes stop being JSON.
    mutating func next() -> Result<Event?, SyntaxError> {
        while true {
            skipWhitespace()
            guard offset < bytes.count else {
                return expecting == .end ? .success(nil) : .failure(SyntaxError(offset: offset))
            }
            let byte = bytes[offset]
            switch expecting {
            case .end:
                return .failure(SyntaxError(offset: offset))
            case .colon:
                guard byte == UInt8(ascii: ":") else { return .failure(SyntaxError(offset: offset)) }
                offset += 1
                expecting = .value
            case .key, .keyOrObjectEnd:
                if byte == UInt8(ascii: "}") && expecting == .keyOrObjectEnd { return .success(close()) }
                guard byte == UInt8(ascii: "\"") else { return .failure(SyntaxError(offset: offset)) }
                guard let range = scanString() else { return .failure(SyntaxError(offset: offset)) }
                expecting = .colon
                return .success(.key(range))
            case .commaOrEnd:
                let inObject = isObject.last == true
                if byte == UInt8(ascii: ",") {
                    offset += 1
                    expecting = inObject ? .key : .value
                } else if byte == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    return .success(close())
                } else {
                    return .failure(SyntaxError(offset: offset))
                }
            case .value, .valueOrArrayEnd:
                if byte == UInt8(ascii: "]") && expecting == .valueOrArrayEnd { return .success(close()) }
                return value(startingWith: byte)
            }
        }
    }

    /// The value that starts at `offset` (after whitespace).
    private mutating func value(startingWith byte: UInt8) -> Result<Event?, SyntaxError> {
        let start = offset
        switch byte {
        case UInt8(ascii: "{"):
            offset += 1
            isObject.append(true)
            expecting = .keyOrObjectEnd
            return .success(.objectStart)
        case UInt8(ascii: "["):
            offset += 1
            isObject.append(false)
            expecting = .valueOrArrayEnd
            return .success(.arrayStart)
        case UInt8(ascii: "\""):
            guard let range = scanString() else { return .failure(SyntaxError(offset: offset)) }
            finishValue()
            return .success(.string(range))
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for word in JSONEventScanner.literals where matches(word) {
                offset += word.utf8.count
                finishValue()
                return .success(.scalar)
            }
            return .failure(SyntaxError(offset: start))
        default:
            guard scanNumber() else { return .failure(SyntaxError(offset: offset)) }
            finishValue()
            return .success(.scalar)
        }
    }

    /// Closes the innermost container at `offset`.
    private mutating func close() -> Event {
        offset += 1
        let wasObject = isObject.removeLast()
        finishValue()
        return wasObject ? .objectEnd : .arrayEnd
    }

    private mutating func finishValue() {
        expecting = isObject.isEmpty ? .end : .commaOrEnd
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private func matches(_ word: String) -> Bool {
        var index = offset
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    /// Scans a string starting at the opening quote; returns the range of
    /// its contents and leaves `offset` after the closing quote, or nil
    /// (with `offset` at the fault) if it is not a valid JSON string.
    private mutating func scanString() -> Range<Int>? {
        offset += 1
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return start..<(offset - 1)
            }
            if byte < 0x20 { return nil }
            if byte == UInt8(ascii: "\\") {
                offset += 1
                guard offset < bytes.count else { return nil }
                switch bytes[offset] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    offset += 1
                case UInt8(ascii: "u"):
                    for index in (offset + 1)..<(offset + 5) {
                        guard index < bytes.count, JSONEventScanner.hexValue(bytes[index]) != nil else { return nil }
                    }
                    offset += 5
                default:
                    return nil
                }
                continue
            }
            offset += 1
        }
        return nil
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func scanNumber() -> Bool {
        func digits() -> Int {
            let start = offset
            while offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9") { offset += 1 }
            return offset - start
        }
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count else { return false }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else if digits() == 0 {
            return false
        }
        if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { return false }
        }
        if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            offset += 1
            if offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) { offset += 1 }
            guard digits() > 0 else { return false }
        }
        return true
    }

    private static let literals = ["true", "false", "null"]

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Whether the raw string contents in `range` spell exactly `text`
    /// (without decoding when there is no escape, the common case).
    func string(_ range: Range<Int>, equals text: String) -> Bool {
        if !bytes[range].contains(UInt8(ascii: "\\")) { return bytes[range].elementsEqual(text.utf8) }
        return decodedString(range) == text
    }

    /// The text of the raw string contents in `range`, escapes decoded;
    /// an unpaired surrogate escape becomes U+FFFD.
    func decodedString(_ range: Range<Int>) -> String {
        guard bytes[range].contains(UInt8(ascii: "\\")) else { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var index = range.lowerBound
        func unit(at position: Int) -> UInt32? {
            guard position + 6 <= range.upperBound, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            else { return nil }
            var value: UInt32 = 0
            for hexIndex in (position + 2)..<(position + 6) {
                guard hexIndex < range.upperBound, let digit = JSONEventScanner.hexValue(bytes[hexIndex]) else { return nil }
                value = value * 16 + digit
            }
            return value
        }
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < range.upperBound else {
                out.append(byte)
                index += 1
                continue
            }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = unit(at: index - 2) else { continue }
                index += 4
                if (0xD800..<0xDC00).contains(scalar), let low = unit(at: index), (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: out.append(escaped)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

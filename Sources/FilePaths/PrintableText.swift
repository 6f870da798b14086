/// Text that came from the file system or the command line (file names
/// above all) made safe to print on one line of a terminal.
///
/// A file name may hold any byte but `/` and NUL: a newline would split a
/// `path:line:col:` line in two for editors, and an escape sequence would
/// be obeyed by the terminal. Control characters are therefore written the
/// way Go and C write them in string literals; every other character,
/// backslashes included, is kept as it is, so ordinary paths print byte for byte.
public enum PrintableText {
    /// `text` with C0 controls written `\n`, `\t`, `\r` or `\x1B` (two
    /// upper-case hex digits), DEL as `\x7F`, and C1 controls (U+0080 to
    /// U+009F, which some terminals also obey) as `\u0085`.
    public static func escaped(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x0A: result += "\\n"
            case 0x09: result += "\\t"
            case 0x0D: result += "\\r"
            case 0x00..<0x20, 0x7F: result += "\\x" + hex(value, digits: 2)
            case 0x80..<0xA0: result += "\\u" + hex(value, digits: 4)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `escaped` would change `text`: one pass over its bytes.
    public static func needsEscaping(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            // C1 controls are 0xC2 0x80...0x9F in UTF-8.
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte < 0xA0) { return true }
            previous = byte
        }
        return false
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.utf8.count)) + text
    }
}

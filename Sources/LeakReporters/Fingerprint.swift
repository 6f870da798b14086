/// A finding's identity across edits: it must not change when unrelated
/// lines are inserted above the finding, so it hashes what the finding is
/// about (rule, file, enclosing function, the flagged line's text with
/// whitespace normalised, and which of several identical such findings it
/// is), never its line number.
public enum Fingerprint {
    /// The key under which SARIF `partialFingerprints` carries it.
    public static let sarifKey = "leaklint/v1"

    public static func make(ruleID: String, path: String, function: String, lineText: String, occurrence: Int) -> String {
        let normalised = lineText.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        let key = [ruleID, path, function, normalised, String(occurrence)].joined(separator: "\u{0}")
        return hex(fnv1a64(Array(key.utf8)))
    }

    /// A line's text as fingerprints hash it: the bytes `make` hashes for
    /// `lineText` decoded from `raw`. Runs of spaces, tabs and carriage
    /// returns become one space, leading and trailing ones go. An ASCII line
    /// is normalised byte by byte; any other (or one holding a newline, where
    /// `\r\n` is one character) goes through `String`, whose characters (a
    /// blank followed by a combining mark is no blank) and repair of invalid
    /// UTF-8 decide, as they do in `make`.
    public static func normalisedLine<Bytes: Collection>(_ raw: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        guard raw.allSatisfy({ $0 < 0x80 && $0 != 0x0A }) else {
            let text = String(decoding: raw, as: UTF8.self)
            return Array(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ").utf8)
        }
        var result: [UInt8] = []
        result.reserveCapacity(raw.count)
        var pendingBlank = false
        for byte in raw {
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                pendingBlank = !result.isEmpty
                continue
            }
            if pendingBlank {
                result.append(0x20)
                pendingBlank = false
            }
            result.append(byte)
        }
        return result
    }

    /// FNV-1a, 64 bits: tiny, stable across platforms and releases.
    static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

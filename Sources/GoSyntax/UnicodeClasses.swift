/// Byte-level helpers shared by the scanner: ASCII classes and a strict
/// UTF-8 decoder.
///
/// The scanner works on bytes and only decodes a code point when it meets a
/// byte >= 0x80; this is where that decoding and Go's definition of letters
/// and digits live.
enum UnicodeClasses {
    /// The replacement result for an invalid encoding: width 1, like Go's
    /// `utf8.DecodeRune` returning `RuneError`.
    static let invalidRune: UInt32 = 0xFFFF_FFFF

    /// Decodes one code point at `index`. Invalid, overlong, surrogate and
    /// out-of-range encodings yield `(invalidRune, 1)`.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (rune: UInt32, width: Int) {
        let count = bytes.count
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            let position = index + offset
            guard position < count else { return nil }
            let byte = bytes[position]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        if b0 >= 0xC2 && b0 <= 0xDF {
            guard let c1 = continuation(1) else { return (invalidRune, 1) }
            return ((UInt32(b0 & 0x1F) << 6) | c1, 2)
        }
        if b0 >= 0xE0 && b0 <= 0xEF {
            guard let c1 = continuation(1), let c2 = continuation(2) else { return (invalidRune, 1) }
            let rune = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
            if rune < 0x800 || (rune >= 0xD800 && rune <= 0xDFFF) { return (invalidRune, 1) }
            return (rune, 3)
        }
        if b0 >= 0xF0 && b0 <= 0xF4 {
            guard let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) else { return (invalidRune, 1) }
            let rune = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            if rune < 0x10000 || rune > 0x10FFFF { return (invalidRune, 1) }
            return (rune, 4)
        }
        return (invalidRune, 1)
    }

    /// Go's `unicode.IsLetter` (categories L*), plus `_` as the spec's letter.
    static func isLetter(_ rune: UInt32) -> Bool {
        if rune < 0x80 {
            return (rune >= 0x61 && rune <= 0x7A) || (rune >= 0x41 && rune <= 0x5A) || rune == 0x5F
        }
        guard let scalar = Unicode.Scalar(rune) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's `unicode.IsDigit` (category Nd).
    static func isDigit(_ rune: UInt32) -> Bool {
        if rune < 0x80 { return rune >= 0x30 && rune <= 0x39 }
        guard let scalar = Unicode.Scalar(rune) else { return false }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// `U+00BB '»'`: how Go's `%#U` prints a code point in messages.
    static func describe(_ rune: UInt32) -> String {
        var hex = String(rune, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        guard let scalar = Unicode.Scalar(rune), isPrintable(scalar) else { return "U+\(hex)" }
        return "U+\(hex) '\(Character(scalar))'"
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
        case .spaceSeparator: return scalar == " "
        default: return true
        }
    }
}

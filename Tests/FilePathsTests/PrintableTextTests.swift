import FilePaths
import Testing

/// Names printed on a terminal keep their control characters as escapes,
/// and every ordinary name prints exactly as it is.
@Suite struct PrintableTextTests {
    @Test(arguments: [
        ("a\u{1B}[31mred.go", "a\\x1B[31mred.go"),
        ("new\nline.go", "new\\nline.go"),
        ("tab\there.go", "tab\\there.go"),
        ("cr\r.go", "cr\\r.go"),
        ("bell\u{07}.go", "bell\\x07.go"),
        ("del\u{7F}.go", "del\\x7F.go"),
        ("csi\u{9B}2J.go", "csi\\u009B2J.go"),
        ("nel\u{85}.go", "nel\\u0085.go"),
    ])
    func controlCharactersAreEscaped(_ row: (String, String)) {
        #expect(PrintableText.escaped(row.0) == row.1)
        #expect(PrintableText.needsEscaping(row.0))
    }

    @Test(arguments: ["pkg/handler.go", "a b.go", "back\\slash.go", "café/ü.go", "日本語.go", "\u{A0}nbsp.go", "emoji😀.go", ""])
    func ordinaryTextIsUnchanged(_ text: String) {
        #expect(!PrintableText.needsEscaping(text))
        #expect(Array(PrintableText.escaped(text).utf8) == Array(text.utf8))
    }
}

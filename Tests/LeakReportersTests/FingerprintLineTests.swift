import Testing
@testable import LeakReporters

/// Fingerprints computed a line at a time are exactly those of
/// `Fingerprint.make`, which baselines in use were written with.
@Suite struct FingerprintLines {
    static let lines: [[UInt8]] = [
        [], Array("x := g()".utf8), Array("\t x  :=\tg() \r ".utf8), Array("   ".utf8), Array("a\rb".utf8), Array("a\r\nb".utf8),
        Array("s := \"é ́x\u{0301} ☃ 😀\"".utf8), [0x61, 0x20, 0xFF, 0x20, 0xC3], [0x20, 0xCC, 0x81, 0x61], Array("\u{37E} K".utf8),
        Array(String(repeating: "leak(); ", count: 300).utf8),
    ]

    @Test func everyLineRuleFunctionAndOccurrenceHashesAsMakeDoes() {
        for raw in Self.lines {
            var line = FingerprintLine(raw: raw)
            let text = String(decoding: raw, as: UTF8.self)
            for (rule, function) in [("lost-cancel", ""), ("unclosed-body", "f"), ("unclosed-body", "(*T[K]).m"), ("r", "ünï")] {
                let prefix = FingerprintLine.prefix(ruleID: rule, path: "pkg/a.go", function: function)
                for occurrence in [0, 1, 12] {
                    #expect(
                        line.fingerprint(after: prefix, occurrence: occurrence)
                            == Fingerprint.make(ruleID: rule, path: "pkg/a.go", function: function, lineText: text, occurrence: occurrence),
                        "line \(raw)")
                }
            }
        }
    }

    @Test func aSegmentGivesPlainFNVFromEveryStartingState() {
        let bytes = Array("func f() { leak() }\u{0}".utf8) + [0xFF, 0x80, 0x00, 0x7F]
        var segment = FNV1aSegment(bytes)
        for low in 0..<512 {
            // Both halves: the second reuses the offset the first computed.
            let start = UInt64(low % 256) | (UInt64(low) &* 0x9E37_79B9_7F4A_7C00)
            var plain = FNV1a(state: start)
            plain.add(bytes)
            #expect(segment.apply(to: start) == plain.state)
        }
        // One pass per low byte, and one for the multiplier: never one per state.
        #expect(segment.bytesHashed == 257 * bytes.count)
    }
}

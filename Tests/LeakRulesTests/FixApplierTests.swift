import GoSyntax
import Testing
@testable import LeakRules

/// Applying fixes: each whole or not at all, overlapping ones skipped,
/// identical edits applied once, and a result that does not parse flagged.
@Suite struct FixApplying {
    static let source = Array("package p\n\nfunc f() {\n\tg()\n}\n".utf8)

    static func insert(_ offset: Int32, _ text: String) -> TextEdit {
        TextEdit(start: offset, end: offset, replacement: text)
    }

    @Test func editsOfSeveralFixesApplyInOffsetOrder() {
        let outcome = FixApplier.apply([
            [FixApplying.insert(21, "\n\th()")],  // after `f() {`
            [FixApplying.insert(11, "// f calls g.\n"), TextEdit(start: 23, end: 24, replacement: "k")],
        ], to: FixApplying.source)
        #expect(outcome.applied == [0, 1])
        #expect(String(decoding: outcome.source, as: UTF8.self) == "package p\n\n// f calls g.\nfunc f() {\n\th()\n\tk()\n}\n")
        #expect(outcome.syntaxError == nil)
    }

    @Test func overlappingFixIsSkippedWhole() {
        let outcome = FixApplier.apply([
            [TextEdit(start: 23, end: 24, replacement: "h")],
            [FixApplying.insert(0, "// x\n"), TextEdit(start: 23, end: 26, replacement: "k()")],
        ], to: FixApplying.source)
        #expect(outcome.applied == [0])
        #expect(outcome.conflicting == [1])
        #expect(String(decoding: outcome.source, as: UTF8.self) == "package p\n\nfunc f() {\n\th()\n}\n")
    }

    @Test func differentInsertionsAtOnePointConflictButIdenticalOnesApplyOnce() {
        let outcome = FixApplier.apply([
            [FixApplying.insert(21, "\n\ta := 1")],
            [FixApplying.insert(21, "\n\ta := 1")],
            [FixApplying.insert(21, "\n\tb := 2")],
        ], to: FixApplying.source)
        #expect(outcome.applied == [0, 1])
        #expect(outcome.conflicting == [2])
        #expect(String(decoding: outcome.source, as: UTF8.self) == "package p\n\nfunc f() {\n\ta := 1\n\tg()\n}\n")
    }

    @Test func editsOutsideTheFileAreInvalid() {
        let outcome = FixApplier.apply([[FixApplying.insert(999, "x")], [TextEdit(start: 5, end: 2, replacement: "")]], to: FixApplying.source)
        #expect(outcome.invalid == [0, 1])
        #expect(!outcome.changed)
        #expect(outcome.source == FixApplying.source)
    }

    @Test func fixedTextThatDoesNotParseIsFlagged() {
        let outcome = FixApplier.apply([[FixApplying.insert(21, "\n\t)")]], to: FixApplying.source)
        #expect(outcome.applied == [0])
        #expect(outcome.syntaxError != nil)
    }
}

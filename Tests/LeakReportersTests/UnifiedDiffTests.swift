import Foundation
import Testing
@testable import LeakReporters

/// `--diff` output: the unified format of `diff -u` and `git diff`, which
/// `patch -p1` and `git apply` accept.
@Suite struct UnifiedDiffs {
    static func lines(_ range: ClosedRange<Int>) -> String {
        range.map { "line \($0)\n" }.joined()
    }

    @Test func oneInsertionWithThreeLinesOfContext() {
        let old = UnifiedDiffs.lines(1...10)
        let new = old.replacingOccurrences(of: "line 5\n", with: "line 5\ninserted\n")
        #expect(UnifiedDiff.render(path: "pkg/a.go", old: Array(old.utf8), new: Array(new.utf8)) == """
            --- a/pkg/a.go
            +++ b/pkg/a.go
            @@ -3,6 +3,7 @@
             line 3
             line 4
             line 5
            +inserted
             line 6
             line 7
             line 8

            """)
    }

    @Test func nearbyChangesShareAHunkAndFarOnesDoNot() {
        let old = UnifiedDiffs.lines(1...30)
        let new = old.replacingOccurrences(of: "line 2\n", with: "line 2\nA\n")
            .replacingOccurrences(of: "line 8\n", with: "line 8\nB\n")
            .replacingOccurrences(of: "line 20\n", with: "changed 20\n")
        #expect(UnifiedDiff.render(path: "a.go", old: Array(old.utf8), new: Array(new.utf8)) == """
            --- a/a.go
            +++ b/a.go
            @@ -1,11 +1,13 @@
             line 1
             line 2
            +A
             line 3
             line 4
             line 5
             line 6
             line 7
             line 8
            +B
             line 9
             line 10
             line 11
            @@ -17,7 +19,7 @@
             line 17
             line 18
             line 19
            -line 20
            +changed 20
             line 21
             line 22
             line 23

            """)
    }

    @Test func singleLineRangesDropTheCountAndAMissingFinalNewlineIsMarked() {
        #expect(UnifiedDiff.render(path: "/src/x.go", old: Array("a\nb".utf8), new: Array("a\nc".utf8)) == """
            --- a/src/x.go
            +++ b/src/x.go
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +c
            \\ No newline at end of file

            """)
        #expect(UnifiedDiff.render(path: "e.go", old: [], new: Array("x\n".utf8)) == "--- a/e.go\n+++ b/e.go\n@@ -0,0 +1 @@\n+x\n")
        #expect(UnifiedDiff.render(path: "same.go", old: Array("x\n".utf8), new: Array("x\n".utf8)) == "")
    }

    @Test func patchReproducesTheNewText() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/patch") else { return }
        // Edits like fixes make: lines added here and there, one line changed.
        var oldLines = (1...200).map { "\tstatement \($0)" }
        oldLines.insert("func f() {", at: 0)
        var newLines = oldLines
        for index in [150, 90, 12, 11, 3] { newLines.insert("\tdefer x\(index).Close()", at: index) }
        newLines[60] = "\tchanged := 1"
        let old = oldLines.joined(separator: "\n") + "\n"
        let new = newLines.joined(separator: "\n") + "\n"
        let directory = NSTemporaryDirectory() + "leaklint-diff-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory + "/pkg", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try old.write(toFile: directory + "/pkg/a.go", atomically: true, encoding: .utf8)
        let diff = UnifiedDiff.render(path: "pkg/a.go", old: Array(old.utf8), new: Array(new.utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        process.arguments = ["-p1", "--quiet"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(diff.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOfFile: directory + "/pkg/a.go", encoding: .utf8) == new)
    }
}

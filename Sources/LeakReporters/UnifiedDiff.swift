import FilePaths

/// The changes `--diff` would make, as a unified diff of one file in the
/// form `diff -u` and `git diff` print and `git apply` and `patch -p1` read:
/// `--- a/path`, `+++ b/path`, then hunks `@@ -l,n +l,n @@` with three lines
/// of context, hunks closer than that merged.
///
/// Lines are compared as bytes; the shortest edit script is found with
/// Myers' algorithm, which is quick when the changes are few, as fixes are.
public enum UnifiedDiff {
    /// Lines of context around each change.
    public static let context = 3

    /// The diff of `old` to `new` under `path`, or "" when they are equal.
    public static func render(path: String, old: [UInt8], new: [UInt8]) -> String {
        let a = lines(of: old)
        let b = lines(of: new)
        let script = editScript(a.map { Array(old[$0]) }, b.map { Array(new[$0]) })
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        let name = path.hasPrefix("/") ? String(path.dropFirst()) : path
        var output = "--- \(quoted("a/" + name))\n+++ \(quoted("b/" + name))\n"
        for hunk in hunks(script) {
            output += header(hunk, script)
            for step in script[hunk] {
                switch step.kind {
                case .same: output += " " + text(old, a[step.oldLine])
                case .delete: output += "-" + text(old, a[step.oldLine])
                case .insert: output += "+" + text(new, b[step.newLine])
                }
            }
        }
        return output
    }

    /// A header's file name as git writes it: as it is, unless it holds a
    /// control character, `"` or `\`; then in double quotes with C escapes
    /// (`\t`, `\n`, `\033`, the bytes of a C1 control in octal), which `git apply` and `patch` read back, and
    /// which keep escape sequences in a file name away from the terminal.
    static func quoted(_ name: String) -> String {
        let special = PrintableText.needsEscaping(name) || name.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        guard special else { return name }
        var result = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\u{0B}": result += "\\v"
            case "\u{0C}": result += "\\f"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                    // Byte by byte, as git does for anything it does not print as it is.
                    for byte in String(scalar).utf8 {
                        let octal = String(byte, radix: 8)
                        result += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
                    }
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// One line of the script: kept, deleted from the old text, or inserted from the new.
    struct Step: Equatable {
        enum Kind { case same, delete, insert }
        var kind: Kind
        /// 0-based line of the old text (for `same` and `delete`), or the old line before which an insertion goes.
        var oldLine: Int
        /// 0-based line of the new text (for `same` and `insert`), or the new line after a deletion.
        var newLine: Int
    }

    /// The byte ranges of the lines, each with its line break.
    static func lines(of bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            result.append(start..<(index + 1))
            start = index + 1
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    /// A line as printed: its text and line break, or the marker `diff` prints after a last line without one.
    static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        let line = String(decoding: bytes[range], as: UTF8.self)
        return line.hasSuffix("\n") ? line : line + "\n\\ No newline at end of file\n"
    }

    /// The shortest edit script turning `a` into `b` (Myers, O((N+M)·D)).
    static func editScript(_ a: [[UInt8]], _ b: [[UInt8]]) -> [Step] {
        // Lines become small integers, so comparing them is cheap.
        var ids: [[UInt8]: Int] = [:]
        let x = a.map { line in ids[line] ?? { let id = ids.count; ids[line] = id; return id }() }
        let y = b.map { line in ids[line] ?? { let id = ids.count; ids[line] = id; return id }() }
        let n = x.count
        let m = y.count
        let offset = n + m + 1
        var furthest = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            trace.append(furthest)
            for k in stride(from: -d, through: d, by: 2) {
                var i: Int
                if k == -d || (k != d && furthest[offset + k - 1] < furthest[offset + k + 1]) {
                    i = furthest[offset + k + 1]
                } else {
                    i = furthest[offset + k - 1] + 1
                }
                var j = i - k
                while i < n && j < m && x[i] == y[j] {
                    i += 1
                    j += 1
                }
                furthest[offset + k] = i
                if i >= n && j >= m { break search }
            }
        }
        // Walk back through the recorded frontiers.
        var steps: [Step] = []
        var i = n
        var j = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let frontier = trace[d]
            let k = i - j
            let previousK: Int
            if d == 0 {
                previousK = k
            } else if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousI = d == 0 ? 0 : frontier[offset + previousK]
            let previousJ = previousI - previousK
            while i > previousI && j > previousJ {
                i -= 1
                j -= 1
                steps.append(Step(kind: .same, oldLine: i, newLine: j))
            }
            if d > 0 {
                if i == previousI {
                    j -= 1
                    steps.append(Step(kind: .insert, oldLine: i, newLine: j))
                } else {
                    i -= 1
                    steps.append(Step(kind: .delete, oldLine: i, newLine: j))
                }
            }
        }
        return steps.reversed()
    }

    /// Ranges of the script to print: each change with up to `context`
    /// unchanged lines around it, ranges that touch or overlap merged.
    static func hunks(_ script: [Step]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for (index, step) in script.enumerated() where step.kind != .same {
            let range = max(0, index - context)..<min(script.count, index + context + 1)
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// `@@ -l,n +l,n @@`, with `,n` left out when n is 1, and the line before
    /// the hunk as the start when a side is empty, as `diff -u` prints it.
    static func header(_ hunk: Range<Int>, _ script: [Step]) -> String {
        let steps = script[hunk]
        let oldCount = steps.filter { $0.kind != .insert }.count
        let newCount = steps.filter { $0.kind != .delete }.count
        let first = script[hunk.lowerBound]
        let oldStart = oldCount == 0 ? first.oldLine : first.oldLine + 1
        let newStart = newCount == 0 ? first.newLine : first.newLine + 1
        func range(_ start: Int, _ count: Int) -> String { count == 1 ? "\(start)" : "\(start),\(count)" }
        return "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
    }
}

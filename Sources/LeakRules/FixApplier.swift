import GoSyntax

/// Applies suggested fixes to the bytes of one file, for `--fix` and
/// `--diff`.
///
/// Fixes are taken in the order given, each whole or not at all. A fix
/// whose edits overlap an edit already taken is skipped (it would apply to
/// text that is no longer there); so is one whose edits insert different
/// text at the same point, since their order would be a guess. An edit
/// identical to one already taken (two findings proposing the same line) is
/// applied once. The result is parsed again: a fixed file that does not
/// parse must not be written.
public enum FixApplier {
    /// What became of the fixes of one file.
    public struct Outcome: Sendable, Equatable {
        /// The fixed bytes (the original ones when nothing was applied).
        public var source: [UInt8]
        /// Indices of the fixes applied.
        public var applied: [Int] = []
        /// Indices of the fixes skipped because they overlap one applied before.
        public var conflicting: [Int] = []
        /// Indices of the fixes skipped because their edits do not fit the file
        /// (out of range, or overlapping each other).
        public var invalid: [Int] = []
        /// The first syntax error of the fixed source, if it does not parse.
        public var syntaxError: SyntaxError?

        public var changed: Bool { !applied.isEmpty }
    }

    /// Applies `fixes` (each a list of edits) to `source`.
    public static func apply(_ fixes: [[TextEdit]], to source: [UInt8]) -> Outcome {
        var outcome = Outcome(source: source)
        var taken: [TextEdit] = []
        for (index, edits) in fixes.enumerated() {
            let sorted = edits.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            guard !sorted.isEmpty, sorted.allSatisfy({ $0.start >= 0 && $0.start <= $0.end && Int($0.end) <= source.count }),
                !sorted.indices.contains(where: { i in sorted[(i + 1)...].contains { conflict(sorted[i], $0) } })
            else {
                outcome.invalid.append(index)
                continue
            }
            if sorted.contains(where: { edit in taken.contains { conflict($0, edit) } }) {
                outcome.conflicting.append(index)
                continue
            }
            for edit in sorted where !taken.contains(edit) { taken.append(edit) }
            outcome.applied.append(index)
        }
        guard !outcome.applied.isEmpty else { return outcome }
        outcome.source = applying(taken, to: source)
        outcome.syntaxError = GoParser.parse(outcome.source).errors.first
        return outcome
    }

    /// Whether two edits cannot both be applied: they replace overlapping
    /// ranges, or insert different text at one point. Identical edits do not conflict.
    static func conflict(_ a: TextEdit, _ b: TextEdit) -> Bool {
        if a == b { return false }
        if a.start == a.end && b.start == b.end { return a.start == b.start }
        return a.start < b.end && b.start < a.end
    }

    /// `source` with non-conflicting `edits` applied (an insertion at the
    /// start of a replaced range goes before the replacement).
    static func applying(_ edits: [TextEdit], to source: [UInt8]) -> [UInt8] {
        let ordered = edits.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var result: [UInt8] = []
        result.reserveCapacity(source.count + ordered.reduce(0) { $0 + $1.replacement.utf8.count })
        var position = 0
        for edit in ordered {
            result.append(contentsOf: source[position..<Int(edit.start)])
            result.append(contentsOf: edit.replacement.utf8)
            position = Int(edit.end)
        }
        result.append(contentsOf: source[position...])
        return result
    }
}

import GoSyntax
import LeakAnalysis
@testable import LeakLintCommand
import LeakReporters
import LeakRules
import Testing

/// Resolving findings (positions, enclosing functions, fingerprints) is
/// linear in the package plus its findings: measured with the resolver's
/// own work counter at two sizes, never with a clock. Linear work grows 4x
/// from 2,000 to 8,000, quadratic work 16x; the bound is 6x.
@Suite struct FindingResolutionWork {
    static let small = 2_000
    static let large = 8_000

    /// A package of the given files, with one diagnostic at each offset listed.
    static func resolve(
        _ files: [(path: String, source: String)], findings: [(path: String, offset: Int32, rule: String)]
    ) -> (findings: [ReportedFinding], work: Int) {
        let package = AnalyzedPackage(files: files.map { file in
            SourceFile(path: file.path, tree: GoParser.parse(file.source), moduleVersion: nil)
        })
        let diagnostics = findings.map { finding in
            Diagnostic(
                ruleID: finding.rule, severity: .warning, path: finding.path, start: finding.offset, end: finding.offset + 3,
                message: "leaks")
        }
        var resolver = FindingResolver(package: package, display: { $0 })
        let resolved = resolver.resolve(diagnostics)
        return (resolved, resolver.work.lookups + resolver.work.bytes)
    }

    /// Offsets of every `leak()` call in `source`.
    static func calls(in source: String) -> [Int32] {
        let bytes = Array(source.utf8)
        let needle = Array("leak()".utf8)
        var offsets: [Int32] = []
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { offsets.append(Int32(index)) }
            index += 1
        }
        return offsets
    }

    static func ratio(_ work: (Int) -> Int) -> Double {
        Double(work(large)) / Double(max(1, work(small)))
    }

    @Test func oneLongLineOfFunctionsEachWithAFinding() {
        // Every finding on the same line, each in its own function: the line's
        // hash must not be recomputed per finding.
        let ratio = Self.ratio { count in
            let source = "package p; " + (0..<count).map { "func f\($0)() { leak() }; " }.joined()
            let result = Self.resolve([("a.go", source)], findings: Self.calls(in: source).map { ("a.go", $0, "unclosed-resource") })
            #expect(result.findings.count == count)
            #expect(Set(result.findings.map(\.fingerprint)).count == count)
            return result.work
        }
        #expect(ratio < 6)
    }

    @Test func oneLongLineWithManyFindingsInOneFunction() {
        let ratio = Self.ratio { count in
            let source = "package p; func f() { " + String(repeating: "leak(); ", count: count) + "}"
            let result = Self.resolve([("a.go", source)], findings: Self.calls(in: source).map { ("a.go", $0, "unclosed-resource") })
            #expect(result.findings.count == count)
            #expect(result.findings.last?.location.start.utf16Column == Int(Self.calls(in: source).last ?? 0) + 1)
            return result.work
        }
        #expect(ratio < 6)
    }

    @Test func manyFunctionsOnTheirOwnLinesEachWithAFinding() {
        let ratio = Self.ratio { count in
            let source = "package p\n\n" + (0..<count).map { "func f\($0)() {\n\tleak()\n}\n" }.joined()
            let result = Self.resolve([("a.go", source)], findings: Self.calls(in: source).map { ("a.go", $0, "unclosed-resource") })
            #expect(result.findings.count == count)
            return result.work
        }
        #expect(ratio < 6)
    }

    @Test func packageOfManyFilesEachWithAFinding() {
        let ratio = Self.ratio { count in
            let files = (0..<count).map { ("f\($0).go", "package p\n\nfunc f\($0)() {\n\tleak()\n}\n") }
            let findings = files.map { file in (file.0, Self.calls(in: file.1)[0], "unclosed-resource") }
            let result = Self.resolve(files, findings: findings)
            #expect(result.findings.count == count)
            return result.work
        }
        #expect(ratio < 6)
    }

    /// The fingerprints and columns the resolver computed before it read each
    /// line once: a linear search for the function, the line copied and
    /// hashed whole per finding. Baselines in use depend on these values.
    static func reference(_ source: String, findings: [(offset: Int32, rule: String)]) -> [(fingerprint: String, utf16: Int)] {
        let tree = GoParser.parse(source)
        let lines = tree.makeLineTable()
        var occurrences: [String: Int] = [:]
        return findings.map { finding in
            let (line, _) = lines.position(ofOffset: Int(finding.offset))
            let lineStart = Int(lines.lineStarts[line - 1])
            let utf16 = String(decoding: tree.source[lineStart..<Int(finding.offset)], as: UTF8.self).utf16.count + 1
            var end = line < lines.lineCount ? Int(lines.lineStarts[line]) : tree.source.count
            while end > lineStart && (tree.source[end - 1] == 0x0A || tree.source[end - 1] == 0x0D) { end -= 1 }
            let lineText = String(decoding: tree.source[lineStart..<end], as: UTF8.self)
            var function = ""
            for declaration in tree.fileSyntax(tree.root)?.declarations ?? .empty {
                let node = tree[declaration]
                guard let decl = tree.functionDeclaration(declaration), node.start <= finding.offset, finding.offset < node.end
                else { continue }
                function = tree.text(decl.name)
                if let receiver = tree.fieldList(decl.receiver)?.fields.first {
                    function = "(\(tree.text(tree.field(receiver)?.type ?? .none))).\(function)"
                }
                break
            }
            let key = [finding.rule, "a.go", function, lineText].joined(separator: "\u{0}")
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            let fingerprint = Fingerprint.make(
                ruleID: finding.rule, path: "a.go", function: function, lineText: lineText, occurrence: occurrence)
            return (fingerprint, utf16)
        }
    }

    @Test func fingerprintsAndColumnsAreThoseOfTheLineByLineComputation() {
        let source = """
            package p

            var top = leak()

            type T[K any] struct{}

            func (t *T[K]) m() {
            \tleak(); leak()
            \tleak()
            \tleak()  \t
            \t  leak()\r
            \tx := "é ́ \u{0301}x\t"; leak()
            }

            func f() { leak(); /* ☃ 😀 */ leak() }

            func g() {
            \tleak(); leak()
            \tleak()
            \tleak()
            }

            func f() { leak(); /* ☃ 😀 */ leak() }
            """
        var findings: [(offset: Int32, rule: String)] = []
        for (index, offset) in Self.calls(in: source).enumerated() {
            findings.append((offset, "unclosed-resource"))
            if index % 3 == 0 { findings.append((offset, "lost-cancel")) }
        }
        let resolved = Self.resolve([("a.go", source)], findings: findings.map { ("a.go", $0.offset, $0.rule) }).findings
        let expected = Self.reference(source, findings: findings)
        #expect(resolved.map(\.fingerprint) == expected.map(\.fingerprint))
        #expect(resolved.map(\.location.start.utf16Column) == expected.map(\.utf16))
    }

    @Test func utf16ColumnsMatchDecodingEveryPrefixOfEveryLine() {
        // Valid and invalid UTF-8 of every length, cut anywhere: the count
        // must be what decoding the prefix as a String gives.
        let pieces: [[UInt8]] = [
            [0x61], [0x0A], [0x20], [0xC3, 0xA9], [0xE2, 0x98, 0x83], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xBF], [0xC0, 0x80],
            [0xC1], [0xE0, 0x80], [0xE0, 0xA0], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF], [0xF0, 0x9F, 0x98],
            [0xE2, 0x98], [0xC3], [0xCC, 0x81],
        ]
        var generator = SplitMix(seed: 11)
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<(Int(generator.next() % 40)) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let columns = UTF16Columns(bytes)
            let lines = LineTable(source: bytes)
            for start in lines.lineStarts.map(Int.init) {
                var end = start
                while end <= bytes.count {
                    let expected = String(decoding: bytes[start..<end], as: UTF8.self).utf16.count
                    #expect(columns.units(from: start, to: end) == expected, "bytes \(bytes) from \(start) to \(end)")
                    if end < bytes.count && bytes[end] == 0x0A { break }
                    end += 1
                }
            }
        }
    }
}

/// A small seeded generator, so that a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

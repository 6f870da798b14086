import Testing
@testable import GoSyntax

/// Inputs that must never crash or hang the parser: each ends in a tree and
/// a precise list of errors (or none, where the file is valid Go).
@Suite struct HostileInput {
    /// `line:col: message` for every error of `source`.
    func errorLines(_ source: [UInt8]) -> [String] {
        let tree = GoParser.parse(source)
        let lines = tree.makeLineTable()
        return tree.errors.map { error in
            let (line, column) = lines.position(ofOffset: Int(error.offset))
            return "\(line):\(column): \(error.message)"
        }
    }

    @Test func emptyFile() {
        #expect(errorLines([]) == ["1:1: expected 'package', found 'EOF'"])
    }

    @Test func onlyAByteOrderMark() {
        #expect(errorLines([0xEF, 0xBB, 0xBF]) == ["1:4: expected 'package', found 'EOF'"])
    }

    @Test func byteOrderMarkThenValidFileIsAccepted() {
        #expect(errorLines([0xEF, 0xBB, 0xBF] + Array("package p\n".utf8)).isEmpty)
    }

    @Test func nulBytes() {
        #expect(errorLines(Array("package p\n\0\0var x = 1\n".utf8)) == ["2:1: illegal character NUL"])
    }

    @Test func invalidUTF8InStringCommentAndIdentifier() {
        var source = Array("package p\nvar s = \"".utf8) + [0xFF] + Array("\"\n// ".utf8) + [0xC3] + Array("\nvar ".utf8)
        source += [0xE2, 0x28] + Array("x = 1\n".utf8)
        #expect(errorLines(source) == [
            "2:10: illegal UTF-8 encoding",
            "3:4: illegal UTF-8 encoding",
            "4:5: illegal UTF-8 encoding",
        ])
    }

    @Test func randomBytesEndInErrorsNotACrash() {
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<200 {
            let length = Int(generator.next() % 2048)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let tree = GoParser.parse(bytes)
            #expect(!tree.errors.isEmpty)
            #expect(tree.errors.count <= 10)
        }
    }

    @Test func randomTokenSoupEndsInAtMostTenErrors() {
        let words = ["func", "(", ")", "{", "}", "[", "]", "x", "1", "\"s\"", ",", ";", "\n", ":=", "=", "+", "if", "for",
                     "range", "chan", "<-", "map", "struct", "interface", "type", "go", "defer", "...", ".", "*", "&", "case", "switch"]
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            var text = "package p\n"
            for _ in 0..<Int(generator.next() % 300) {
                text += words[Int(generator.next() % UInt64(words.count))] + " "
            }
            let tree = GoParser.parse(text)
            #expect(tree.errors.count <= 10)
        }
    }

    @Test func unterminatedRawStringAtEOF() {
        #expect(errorLines(Array("package p\nvar s = `abc\ndef".utf8)) == ["2:9: raw string literal not terminated"])
    }

    @Test func crlfLineEndingsAreValid() {
        let source = "package p\r\n\r\nfunc f() {\r\n\tx := `a\r\nb`\r\n\t_ = x\r\n}\r\n"
        #expect(errorLines(Array(source.utf8)).isEmpty)
    }

    @Test(arguments: [("(", ")", "1"), ("T{", "}", ""), ("a[", "]", "0")])
    func hundredThousandNestedBracketsReportNesting(open: String, close: String, inner: String) {
        let depth = 100_000
        let source = "package p\nvar x = " + String(repeating: open, count: depth) + inner + String(repeating: close, count: depth) + "\n"
        let errors = errorLines(Array(source.utf8))
        #expect(errors.count == 1)
        #expect(errors.first?.hasSuffix("nesting too deep (more than 10000 levels)") == true)
    }

    @Test func nestingJustBelowTheLimitIsAccepted() {
        let source = "package p\nvar x = " + String(repeating: "(", count: 900) + "1" + String(repeating: ")", count: 900) + "\n"
        #expect(errorLines(Array(source.utf8)).isEmpty)
    }

    @Test func twentyMegabyteGeneratedFile() {
        var source = "package big\n"
        var index = 0
        while source.utf8.count < 20 << 20 {
            source += "func f\(index)(a int, b string) (int, error) {\n\tif a > \(index) {\n\t\treturn a * 2, nil\n\t}\n"
            source += "\tfor j := 0; j < a; j++ {\n\t\tb += \"x\"\n\t}\n\treturn len(b), nil\n}\n"
            index += 1
        }
        let tree = GoParser.parse(source)
        #expect(tree.errors.isEmpty)
        #expect(tree[tree.root].c == Int32(index))
    }
}

/// A small deterministic generator, so random inputs are the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

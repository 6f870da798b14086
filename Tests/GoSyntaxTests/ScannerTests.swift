import Testing
@testable import GoSyntax

/// Token kinds of `source`, with inserted semicolons written as `\n`.
func tokenKinds(_ source: String) -> [String] {
    Scanner.scan(Array(source.utf8)).tokens.map { $0.isInsertedSemicolon ? "\\n" : $0.kind.description }
}

@Suite struct ScannerBasics {
    @Test func semicolonInsertedAfterIdentifierAtNewline() {
        #expect(tokenKinds("x\ny") == ["IDENT", "\\n", "IDENT", "\\n", "EOF"])
    }

    @Test func keywordsAreRecognisedByPerfectHash() {
        for keyword in KeywordTable.allKeywords {
            let tokens = Scanner.scan(Array(keyword.description.utf8)).tokens
            #expect(tokens.first?.kind == keyword)
        }
        #expect(tokenKinds("breaks fallthroughx") == ["IDENT", "IDENT", "\\n", "EOF"])
    }
}

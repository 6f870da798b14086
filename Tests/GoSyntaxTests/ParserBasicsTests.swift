import Testing
@testable import GoSyntax

@Suite struct ParserBasics {
    @Test func parsesAHelloWorld() {
        let tree = GoParser.parse("package main\n\nfunc main() { println(\"hi\") }\n")
        #expect(tree.errors.isEmpty)
        #expect(tree.sexpr() == "(File main [(FuncDecl - main (FuncType - (FieldList []) -) (Block [(ExprStmt (Call println [\"hi\"]))]))])")
    }

    @Test func reportsSyntaxErrorWithPosition() {
        let tree = GoParser.parse("package p\nfunc f() { x := }\n")
        let lines = tree.makeLineTable()
        #expect(tree.errors.count == 1)
        let (line, column) = lines.position(ofOffset: Int(tree.errors[0].offset))
        #expect(line == 2 && column == 17)
        #expect(tree.errors[0].message == "expected operand, found '}'")
    }
}

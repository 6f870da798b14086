import Testing
import GoSyntax

/// The package a file declares and the receiver type of a method, as the
/// command reads them to group files and to name the function of a finding.
@Suite struct DeclarationQuestionsTests {
    static func functions(_ source: String) -> (SyntaxTree, [FunctionDeclaration]) {
        let tree = GoParser.parse(source)
        let declarations = tree.fileSyntax(tree.root)?.declarations ?? .empty
        return (tree, declarations.compactMap { tree.functionDeclaration($0) })
    }

    @Test func packageClauseNameIsTheIdentifierAfterPackage() throws {
        let tree = GoParser.parse("// Package store keeps things.\npackage store\n\nfunc F() {}\n")
        let name = try #require(tree.packageClauseName)
        #expect(tree.text(name) == "store")
    }

    /// The parser stands in an empty identifier for a missing name, so that
    /// such files still group together (under "").
    @Test func aMissingPackageNameIsAnEmptyIdentifier() throws {
        for source in ["package\n", ""] {
            let tree = GoParser.parse(source)
            let name = try #require(tree.packageClauseName)
            #expect(tree.kind(name) == .ident)
            #expect(tree.text(name) == "")
        }
    }

    @Test func receiverTypeIsTheWrittenTypeOfTheFirstReceiver() {
        let (tree, functions) = Self.functions(
            "package p\nfunc (s *Store) Get() {}\nfunc (Store) Len() int { return 0 }\nfunc (p Pair[K, V]) Key() K { var k K; return k }\nfunc F() {}\n")
        let receivers = functions.map { function in tree.receiverType(of: function).map { tree.text($0) } }
        #expect(receivers == ["*Store", "Store", "Pair[K, V]", nil])
    }

    @Test func anEmptyReceiverListIsNoReceiver() {
        let (tree, functions) = Self.functions("package p\nfunc () M() {}\n")
        #expect(functions.count == 1)
        #expect(functions.map { tree.receiverType(of: $0) } == [nil])
    }
}

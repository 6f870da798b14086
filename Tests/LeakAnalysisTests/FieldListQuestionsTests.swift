import GoSyntax
import Testing
@testable import LeakAnalysis

/// The declaration questions the package model, resolver and type oracle
/// share answer from the tree's shape alone.
@Suite struct FieldListQuestionsTests {
    @Test func aFileWithoutPackageClauseBelongsToTheUnnamedPackage() {
        let tree = GoParser.parse("func f() {}\n")
        #expect(SourceFile(path: "a.go", tree: tree, moduleVersion: nil).packageName == "")
    }

    @Test func fieldsOfListAreTheFieldsOfAFieldListOnly() throws {
        let tree = GoParser.parse("package p\nfunc f(a, b int, c string) (err error) {}\n")
        let file = try #require(tree.fileSyntax(tree.root))
        let function = try #require(file.declarations.first.flatMap { tree.functionDeclaration($0) })
        let signature = try #require(tree.functionType(function.type))
        let parameters = tree.fields(ofList: signature.parameters)
        #expect(parameters.map { tree.text($0) } == ["a, b int", "c string"])
        #expect(tree.fields(ofList: signature.results).map { tree.text($0) } == ["err error"])
        #expect(tree.fields(ofList: signature.typeParameters).isEmpty)
        #expect(tree.fields(ofList: function.id).isEmpty)
    }
}

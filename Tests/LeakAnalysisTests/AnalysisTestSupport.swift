import GoSyntax
@testable import LeakAnalysis

/// Builds analysed packages from in-memory Go sources for the analysis tests.
enum AnalysisFixture {
    /// One package made of `sources` (file name -> text), all reported.
    static func package(_ sources: [(String, String)], moduleVersion: GoVersion? = nil) -> AnalyzedPackage {
        AnalyzedPackage(files: sources.map { name, text in
            SourceFile(path: "pkg/" + name, tree: GoParser.parse(text), moduleVersion: moduleVersion)
        })
    }

    static func package(_ text: String, moduleVersion: GoVersion? = nil) -> AnalyzedPackage {
        package([("a.go", text)], moduleVersion: moduleVersion)
    }

    /// The `occurrence`-th node (0-based, pre-order) of `kind` whose source text is `text`.
    static func node(_ file: SourceFile, _ kind: NodeKind, _ text: String, occurrence: Int = 0) -> NodeID? {
        var found: [NodeID] = []
        file.tree.walk { id in
            if file.tree.kind(id) == kind && file.tree.text(id) == text { found.append(id) }
            return true
        }
        return occurrence < found.count ? found[occurrence] : nil
    }

    /// The body of the first function declaration of `tree`; `.none` when
    /// there is no function declaration or it has no body.
    static func firstFunctionBody(_ tree: SyntaxTree) -> NodeID {
        guard let file = tree.fileSyntax(tree.root) else { return .none }
        for declaration in file.declarations {
            if let function = tree.functionDeclaration(declaration) { return function.body }
        }
        return .none
    }
}

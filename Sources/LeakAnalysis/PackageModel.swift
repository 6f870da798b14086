import GoSyntax

/// One parsed file with everything computed about it once: parents,
/// imports, local name resolution and its effective Go version.
public final class SourceFile: Sendable {
    public let path: String
    public let tree: SyntaxTree
    public let parents: ParentMap
    public let imports: ImportTable
    public let resolution: Resolution
    /// The language version the file is compiled with.
    public let version: GoVersion
    /// Whether findings in this file are printed (siblings read only for context are not).
    public let isReported: Bool

    public init(path: String, tree: SyntaxTree, moduleVersion: GoVersion?, override: GoVersion? = nil, isReported: Bool = true) {
        self.path = path
        self.tree = tree
        parents = ParentMap(tree: tree)
        imports = ImportTable(tree: tree)
        resolution = Resolver.resolve(tree)
        if let override {
            version = override
        } else {
            version = BuildConstraint(in: tree)?.requiredVersion ?? moduleVersion ?? .newest
        }
        self.isReported = isReported
    }

    /// The package clause's name.
    public var packageName: String {
        guard let file = tree.fileSyntax(tree.root) else { return "" }
        return tree.text(file.packageName)
    }

    /// The import path an identifier names in this file, if it is an
    /// unshadowed package name (a local declaration hides the import).
    public func importPath(ofPackageName identifier: NodeID) -> String? {
        guard tree.kind(identifier) == .ident, resolution.local(for: identifier) == nil else { return nil }
        return imports.path(forName: tree.text(identifier))
    }
}

/// Where a package-level declaration lives.
public struct DeclarationSite: Sendable, Equatable {
    public var file: Int
    /// The funcDecl, typeSpec or valueSpec.
    public var node: NodeID
    /// For a valueSpec: which of its names.
    public var nameIndex: Int
}

/// The package-level names of one package (the `.go` files of a directory
/// sharing a package clause; an external `_test` package is separate).
public struct PackageScope: Sendable {
    /// The key used in `GoType.named` for this package's own types.
    public static let localPath = "."

    public private(set) var functions: [String: DeclarationSite] = [:]
    public private(set) var types: [String: DeclarationSite] = [:]
    public private(set) var values: [String: DeclarationSite] = [:]
    /// Receiver base type name -> method name -> declaration.
    public private(set) var methods: [String: [String: DeclarationSite]] = [:]
    /// Names of functions and methods whose declared results mention a
    /// `Response` type: a cheap filter before asking for result types.
    public private(set) var responseReturningNames: Set<String> = []

    public init(files: [SourceFile]) {
        for (fileIndex, file) in files.enumerated() {
            let tree = file.tree
            guard let root = tree.fileSyntax(tree.root) else { continue }
            for declaration in root.declarations {
                if let function = tree.functionDeclaration(declaration) {
                    let name = tree.text(function.name)
                    let site = DeclarationSite(file: fileIndex, node: declaration, nameIndex: 0)
                    let results = tree.functionType(function.type)?.results ?? .none
                    if results.exists, tree.bytes(results).firstRange(of: Array("Response".utf8)) != nil {
                        responseReturningNames.insert(name)
                    }
                    if function.receiver.exists, let receiverType = PackageScope.receiverTypeName(tree, function.receiver) {
                        methods[receiverType, default: [:]][name] = site
                    } else {
                        functions[name] = site
                    }
                } else if let group = tree.genericDeclaration(declaration) {
                    for spec in group.specs {
                        if let typeSpec = tree.typeSpec(spec) {
                            types[tree.text(typeSpec.name)] = DeclarationSite(file: fileIndex, node: spec, nameIndex: 0)
                        } else if let valueSpec = tree.valueSpec(spec) {
                            for (index, name) in valueSpec.names.enumerated() {
                                values[tree.text(name)] = DeclarationSite(file: fileIndex, node: spec, nameIndex: index)
                            }
                        }
                    }
                }
            }
        }
    }

    /// `T` for receivers `(t T)`, `(t *T)`, `(t *T[K, V])`.
    static func receiverTypeName(_ tree: SyntaxTree, _ receiver: NodeID) -> String? {
        guard let first = tree.fields(ofList: receiver).first, let field = tree.field(first) else { return nil }
        let type = tree.innermostOperand(of: field.type, through: [.stars, .parentheses, .indexes, .instantiations])
        return tree.kind(type) == .ident ? tree.text(type) : nil
    }
}

/// A package ready for rules: its files and its package-level scope.
public final class AnalyzedPackage: Sendable {
    public let files: [SourceFile]
    public let scope: PackageScope

    public init(files: [SourceFile]) {
        self.files = files
        scope = PackageScope(files: files)
    }
}

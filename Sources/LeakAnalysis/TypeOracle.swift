import GoSyntax

/// Answers "what type does this expression have?" from what the source
/// says: declared types of locals, parameters, struct fields and package
/// variables, declared results of the package's functions and methods, and
/// the standard-library table. Returns nil whenever it cannot know.
public struct TypeOracle {
    public let package: AnalyzedPackage
    public let fileIndex: Int
    private static let maxDepth = 24

    public init(package: AnalyzedPackage, fileIndex: Int) {
        self.package = package
        self.fileIndex = fileIndex
    }

    var file: SourceFile { package.files[fileIndex] }

    /// The type of a single-valued expression.
    public func type(of expression: NodeID) -> GoType? { type(of: expression, in: fileIndex, depth: 0) }

    /// The result types of a call, if known.
    public func resultTypes(of call: NodeID) -> [GoType]? { resultTypes(of: call, in: fileIndex, depth: 0) }

    /// For `pkg.Name` in this file, the import path and name; nil if `pkg` is not an import.
    public func qualifiedName(_ expression: NodeID) -> (package: String, name: String)? {
        qualifiedName(expression, in: fileIndex)
    }

    // MARK: - Expressions

    func type(of expression: NodeID, in fileIndex: Int, depth: Int) -> GoType? {
        guard depth < TypeOracle.maxDepth, expression.exists else { return nil }
        let source = package.files[fileIndex]
        let tree = source.tree
        let node = tree[expression]
        switch node.kind {
        case .paren:
            return type(of: node.childA, in: fileIndex, depth: depth + 1)
        case .ident:
            if let local = source.resolution.local(for: expression) {
                return type(ofLocal: local, in: fileIndex, depth: depth + 1)
            }
            let name = tree.text(expression)
            if let site = package.scope.values[name] {
                return type(ofPackageValue: site, depth: depth + 1)
            }
            if package.scope.functions[name] != nil { return .function }
            for path in source.imports.dotImports {
                if let variable = StandardLibrary.variableType(package: path, name: name) { return variable }
            }
            return nil
        case .selector:
            if let (path, name) = qualifiedName(expression, in: fileIndex) {
                return StandardLibrary.variableType(package: path, name: name)
            }
            guard let base = type(of: node.childA, in: fileIndex, depth: depth + 1) else { return nil }
            return fieldType(of: base.dereferenced, field: tree.text(node.childB), depth: depth + 1)
        case .call:
            guard let results = resultTypes(of: expression, in: fileIndex, depth: depth + 1), results.count >= 1 else { return nil }
            return results[0]
        case .unary:
            if node.op == .and, let base = type(of: node.childA, in: fileIndex, depth: depth + 1) { return .pointer(base) }
            return nil
        case .star:
            if let base = type(of: node.childA, in: fileIndex, depth: depth + 1), case .pointer(let pointee) = base { return pointee }
            return nil
        case .compositeLit:
            return resolveTypeExpression(node.childA, in: fileIndex)
        case .typeAssert:
            return node.childB.exists ? resolveTypeExpression(node.childB, in: fileIndex) : nil
        case .funcLit:
            return .function
        default:
            return nil
        }
    }

    func type(ofLocal local: LocalDeclaration, in fileIndex: Int, depth: Int) -> GoType? {
        if local.typeExpression.exists {
            return resolveTypeExpression(local.typeExpression, in: fileIndex)
        }
        switch local.kind {
        case .variable:
            return type(ofValue: local.value, index: local.valueIndex, count: local.valueCount, in: fileIndex, depth: depth)
        default:
            return nil
        }
    }

    /// The type of the `index`-th of `count` names initialised from `value`.
    func type(ofValue value: NodeID, index: Int, count: Int, in fileIndex: Int, depth: Int) -> GoType? {
        guard value.exists else { return nil }
        let tree = package.files[fileIndex].tree
        if count > 1 && tree.kind(value) == .call {
            guard let results = resultTypes(of: value, in: fileIndex, depth: depth + 1), index < results.count else { return nil }
            return results[index]
        }
        if count > 1 && index > 0 { return nil }  // `v, ok := m[k]` and friends
        return type(of: value, in: fileIndex, depth: depth + 1)
    }

    func type(ofPackageValue site: DeclarationSite, depth: Int) -> GoType? {
        let tree = package.files[site.file].tree
        let spec = tree[site.node]
        if spec.childC.exists { return resolveTypeExpression(spec.childC, in: site.file) }
        let values = Array(tree.ids(spec.listDE))
        let names = Int(spec.b)
        if values.count == names, site.nameIndex < values.count {
            return type(of: values[site.nameIndex], in: site.file, depth: depth + 1)
        }
        if values.count == 1 {
            return type(ofValue: values[0], index: site.nameIndex, count: names, in: site.file, depth: depth)
        }
        return nil
    }

    func fieldType(of base: GoType, field: String, depth: Int) -> GoType? {
        guard case .named(let path, let name) = base, path == PackageScope.localPath,
            let site = package.scope.types[name]
        else { return nil }
        let tree = package.files[site.file].tree
        var structType = tree[site.node].childC
        if tree.kind(structType) == .star { structType = tree[structType].childA }
        guard structType.exists, tree.kind(structType) == .structType else { return nil }
        for fieldNode in tree.ids(tree[structType].listAB) {
            let declared = tree[fieldNode]
            for name in tree.ids(declared.listAB) where tree.text(name) == field {
                return resolveTypeExpression(declared.childC, in: site.file)
            }
        }
        return nil
    }

    /// The types embedded (fields without names) in one of the package's struct types.
    public func embeddedTypes(of type: GoType) -> [GoType] {
        guard case .named(let path, let name) = type.dereferenced, path == PackageScope.localPath,
            let site = package.scope.types[name]
        else { return [] }
        let tree = package.files[site.file].tree
        let structType = tree[site.node].childC
        guard structType.exists, tree.kind(structType) == .structType else { return [] }
        return tree.ids(tree[structType].listAB).compactMap { field in
            let node = tree[field]
            guard node.b == 0 else { return nil }
            return resolveTypeExpression(node.childC, in: site.file)?.dereferenced
        }
    }

    // MARK: - Calls

    func resultTypes(of call: NodeID, in fileIndex: Int, depth: Int) -> [GoType]? {
        guard depth < TypeOracle.maxDepth else { return nil }
        let source = package.files[fileIndex]
        let tree = source.tree
        guard tree.kind(call) == .call else { return nil }
        var function = tree[call].childA
        while tree.kind(function) == .paren { function = tree[function].childA }
        if tree.kind(function) == .index || tree.kind(function) == .indexList { function = tree[function].childA }
        switch tree.kind(function) {
        case .ident:
            if source.resolution.local(for: function) != nil { return nil }
            let name = tree.text(function)
            if let site = package.scope.functions[name] { return declaredResults(site) }
            if package.scope.types[name] != nil { return [.named(package: PackageScope.localPath, name: name)] }
            if name == "new", let argument = tree.ids(tree[call].listBC).first,
                let pointee = resolveTypeExpression(argument, in: fileIndex) {
                return [.pointer(pointee)]
            }
            for path in source.imports.dotImports {
                if let results = StandardLibrary.resultTypes(package: path, function: name) { return results }
            }
            return nil
        case .selector:
            if let (path, name) = qualifiedName(function, in: fileIndex) {
                return StandardLibrary.resultTypes(package: path, function: name)
            }
            let selector = tree[function]
            guard let receiver = type(of: selector.childA, in: fileIndex, depth: depth + 1) else { return nil }
            let method = tree.text(selector.childB)
            if let results = StandardLibrary.resultTypes(receiver: receiver, method: method) { return results }
            if case .named(let path, let typeName) = receiver.dereferenced, path == PackageScope.localPath,
                let site = package.scope.methods[typeName]?[method] {
                return declaredResults(site)
            }
            return nil
        default:
            return nil
        }
    }

    /// The declared result types of one of the package's functions (unknown ones as `.other`).
    func declaredResults(_ site: DeclarationSite) -> [GoType] {
        let tree = package.files[site.file].tree
        let signature = tree[tree[site.node].childC]
        guard signature.childC.exists else { return [] }
        var results: [GoType] = []
        for field in tree.ids(tree[signature.childC].listAB) {
            let node = tree[field]
            let type = resolveTypeExpression(node.childC, in: site.file) ?? .other
            for _ in 0..<max(1, Int(node.b)) { results.append(type) }
        }
        return results
    }

    // MARK: - Type expressions

    func qualifiedName(_ expression: NodeID, in fileIndex: Int) -> (package: String, name: String)? {
        let source = package.files[fileIndex]
        let tree = source.tree
        guard tree.kind(expression) == .selector else { return nil }
        let selector = tree[expression]
        guard let path = source.importPath(ofPackageName: selector.childA) else { return nil }
        return (path, tree.text(selector.childB))
    }

    /// The `GoType` a written type expression denotes.
    public func resolveTypeExpression(_ expression: NodeID, in fileIndex: Int) -> GoType? {
        guard expression.exists else { return nil }
        let source = package.files[fileIndex]
        let tree = source.tree
        let node = tree[expression]
        switch node.kind {
        case .ident:
            let name = tree.text(expression)
            if let local = source.resolution.local(for: expression) {
                return local.kind == .localType ? .named(package: PackageScope.localPath, name: name) : .other
            }
            if package.scope.types[name] != nil { return .named(package: PackageScope.localPath, name: name) }
            if name == "error" { return StandardLibrary.error }
            for path in source.imports.dotImports where StandardLibrary.methods[path + "." + name] != nil {
                return .named(package: path, name: name)
            }
            return .other
        case .selector:
            guard let (path, name) = qualifiedName(expression, in: fileIndex) else { return nil }
            return .named(package: path, name: name)
        case .star:
            guard let base = resolveTypeExpression(node.childA, in: fileIndex) else { return nil }
            return .pointer(base)
        case .paren:
            return resolveTypeExpression(node.childA, in: fileIndex)
        case .index, .indexList:
            return resolveTypeExpression(node.childA, in: fileIndex)
        case .chanType:
            return .channel(resolveTypeExpression(node.childA, in: fileIndex) ?? .other)
        case .funcType:
            return .function
        default:
            return .other
        }
    }
}

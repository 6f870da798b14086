import GoSyntax

/// Which import path each local package name of one file stands for.
///
/// `http.Get` is only `net/http`'s `Get` when `http` really names
/// `net/http` in that file: imports may be renamed (`h "net/http"`), dotted
/// (`. "net/http"`) or blank (`_ "net/http/pprof"`), and an unrelated local
/// variable may shadow the name (the resolver answers that part).
public struct ImportTable: Sendable {
    /// Local name -> import path, for named and default-named imports.
    public private(set) var pathByName: [String: String] = [:]
    /// Paths imported with `.`, whose names are used unqualified.
    public private(set) var dotImports: [String] = []

    public init(tree: SyntaxTree) {
        guard let file = tree.fileSyntax(tree.root) else { return }
        for declaration in file.declarations {
            guard let group = tree.genericDeclaration(declaration), group.keyword == .kwImport else { continue }
            for spec in group.specs {
                guard let importSpec = tree.importSpec(spec), importSpec.path.exists else { continue }
                let path = ImportTable.unquote(tree.text(importSpec.path))
                if importSpec.name.exists {
                    let name = tree.text(importSpec.name)
                    if name == "." {
                        dotImports.append(path)
                    } else if name != "_" && !name.isEmpty {
                        pathByName[name] = path
                    }
                } else {
                    pathByName[ImportTable.defaultName(forPath: path)] = path
                }
            }
        }
    }

    /// The import path a local package name refers to in this file, if any.
    public func path(forName name: String) -> String? { pathByName[name] }

    /// The package name an import path is usually declared with: its last
    /// element, skipping a `/vN` major-version suffix and dropping `go-`
    /// prefixes and `.vN`/`-go` decorations (`gopkg.in/yaml.v3` -> `yaml`).
    public static func defaultName(forPath path: String) -> String {
        var elements = path.split(separator: "/").map(String.init)
        if elements.count > 1, let last = elements.last, last.count >= 2, last.first == "v", last.dropFirst().allSatisfy(\.isNumber) {
            elements.removeLast()
        }
        var name = elements.last ?? path
        if let dot = name.firstIndex(of: ".") { name = String(name[..<dot]) }
        if name.hasPrefix("go-") { name = String(name.dropFirst(3)) }
        if name.hasSuffix("-go") { name = String(name.dropLast(3)) }
        return name.replacingHyphens()
    }

    static func unquote(_ literal: String) -> String {
        guard literal.count >= 2 else { return literal }
        return String(literal.dropFirst().dropLast())
    }
}

extension String {
    fileprivate func replacingHyphens() -> String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}

import FilePaths
import GoSyntax

/// Groups parsed files into packages: files of one directory with the same
/// package clause (so an external `x_test` package is its own package).
public enum PackageLoader {
    /// One parsed file waiting to be grouped.
    public struct ParsedFile: Sendable {
        public var path: String
        public var tree: SyntaxTree
        public var isReported: Bool

        public init(path: String, tree: SyntaxTree, isReported: Bool) {
            self.path = path
            self.tree = tree
            self.isReported = isReported
        }
    }

    /// The files of one package, with the module's Go version, ready to be
    /// analysed (possibly on another thread).
    public struct Group: Sendable {
        public var files: [ParsedFile]
        public var moduleVersion: GoVersion?

        public init(files: [ParsedFile], moduleVersion: GoVersion?) {
            self.files = files
            self.moduleVersion = moduleVersion
        }
    }

    /// Groups in a stable order (by directory, then package name); files
    /// keep their given order within a group. Files whose package clause
    /// could not be parsed are left out. Looks up each directory's go.mod
    /// version (not thread-safe: call it from one thread).
    public static func groups(from files: [ParsedFile], versions: ModuleVersions) -> [Group] {
        var members: [String: [ParsedFile]] = [:]
        for file in files {
            guard let packageName = file.tree.packageClauseName else { continue }
            let name = file.tree.text(packageName)
            guard !name.isEmpty else { continue }
            members[directory(of: file.path) + "\u{0}" + name, default: []].append(file)
        }
        return members.keys.sorted().compactMap { key -> Group? in
            guard let files = members[key], let first = files.first else { return nil }
            return Group(files: files, moduleVersion: versions.version(forDirectory: directory(of: first.path)))
        }
    }

    /// Builds the analysed package of a group: resolution, imports and
    /// versions of every file. Safe on any thread: name resolution recurses
    /// per nesting level, so it moves to a larger stack when this one is small.
    public static func package(of group: Group, override: GoVersion? = nil) -> AnalyzedPackage {
        StackGuard.withDeepStack {
            AnalyzedPackage(files: group.files.map { member in
                SourceFile(
                    path: member.path, tree: member.tree, moduleVersion: group.moduleVersion, override: override,
                    isReported: member.isReported)
            })
        }
    }

    /// Groups and builds every package, in order, on this thread.
    public static func packages(from files: [ParsedFile], versions: ModuleVersions, override: GoVersion? = nil) -> [AnalyzedPackage] {
        groups(from: files, versions: versions).map { package(of: $0, override: override) }
    }

    /// The directory part of a path (`.` for a bare file name).
    public static func directory(of path: String) -> String {
        PathText.directory(of: path)
    }
}

import FilePaths
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the directory a file's reported identity is relative to: the
/// enclosing git work tree (a directory holding `.git`, which is a folder in
/// a clone and a file in worktrees and submodules), else the nearest
/// directory holding `go.mod`, else none.
///
/// Fingerprints, SARIF `%SRCROOT%` and `--exclude` patterns use it, so that
/// they do not depend on where leaklint is started. Lookups are cached per
/// directory; not thread-safe (the driver asks before fanning out).
final class RepositoryRoots {
    private var cache: [String: String?] = [:]

    /// The root for an absolute, cleaned directory, or nil.
    func root(ofDirectory directory: String) -> String? {
        if let cached = cache[directory] { return cached }
        let chain = PathText.selfAndAncestors(of: directory)
        var found: String?
        var moduleRoot: String?
        for candidate in chain {
            if let cached = cache[candidate], moduleRoot == nil {
                found = cached
                break
            }
            if RepositoryRoots.exists(PathText.join(candidate, ".git")) {
                found = candidate
                break
            }
            if moduleRoot == nil && RepositoryRoots.exists(PathText.join(candidate, "go.mod")) { moduleRoot = candidate }
        }
        let result = found ?? moduleRoot
        cache[directory] = .some(result)
        return result
    }

    /// The path of a file relative to its root, for hashing; the cleaned
    /// path as given when it has no root.
    func identity(ofFile path: String, workingDirectory: String) -> String {
        let absolute = PathText.absolute(path, from: workingDirectory)
        guard let root = root(ofDirectory: PathText.directory(of: absolute)),
            let relative = PathText.relative(absolute, inside: root)
        else { return PathText.clean(path) }
        return relative
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}

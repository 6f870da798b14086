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
/// they do not depend on where leaklint is started. What each directory
/// holds is looked up once and remembered for every directory a lookup
/// passes, so naming thousands of files in thousands of directories (deep
/// or wide) costs one look per directory. Not thread-safe (the driver asks
/// before fanning out).
final class RepositoryRoots {
    /// The nearest directories at or above one that hold `.git` and `go.mod`.
    private struct Markers {
        var git: String?
        var module: String?
    }

    private var markers: [String: Markers] = [:]
    /// Directories looked at on disk so far (tests check it stays linear).
    private(set) var probes = 0

    /// The root for an absolute, cleaned directory, or nil.
    func root(ofDirectory directory: String) -> String? {
        let found = markers(of: PathText.clean(directory))
        return found.git ?? found.module
    }

    private func markers(of directory: String) -> Markers {
        // Up to the first directory already known, or one holding `.git`
        // (whose `go.mod` and ancestors no longer matter), or the top.
        var pending: [(path: String, git: Bool, module: Bool)] = []
        var inherited = Markers()
        var current = directory
        while true {
            if let known = markers[current] {
                inherited = known
                break
            }
            probes += 1
            let git = RepositoryRoots.exists(PathText.join(current, ".git"))
            pending.append((current, git, !git && RepositoryRoots.exists(PathText.join(current, "go.mod"))))
            if git || current == "/" || !PathText.isAbsolute(current) { break }
            current = PathText.directory(of: current)
        }
        for entry in pending.reversed() {
            if entry.git { inherited.git = entry.path }
            if entry.module { inherited.module = entry.path }
            markers[entry.path] = inherited
        }
        return inherited
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

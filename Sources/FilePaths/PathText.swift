/// Path arithmetic on plain strings, the way Go's `path/filepath` does it
/// on Unix: purely lexical, never touching the file system, never trapping.
///
/// Foundation's `NSString` path methods trap on some one-character paths
/// (`a`, `-`) and differ between platforms, so every place that splits,
/// joins or normalises a path goes through here instead.
public enum PathText {
    /// The shortest path naming the same file lexically: duplicate slashes,
    /// `.` segments, trailing slashes and `..` after a real segment removed;
    /// `..` above the root of an absolute path dropped. The empty path is `.`.
    public static func clean(_ path: String) -> String {
        let absolute = path.utf8.first == slash
        var kept: [Substring] = []
        // How many leading `..` segments a relative path keeps.
        var leadingParents = 0
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if kept.count > leadingParents {
                    kept.removeLast()
                } else if !absolute {
                    kept.append(segment)
                    leadingParents += 1
                }
                continue
            }
            kept.append(segment)
        }
        let body = kept.joined(separator: "/")
        if absolute { return "/" + body }
        return body.isEmpty ? "." : body
    }

    /// Whether the path starts at the root.
    public static func isAbsolute(_ path: String) -> Bool {
        path.utf8.first == slash
    }

    /// Everything but the last segment, cleaned: `a/b.go` -> `a`, `b.go` -> `.`,
    /// `/b.go` -> `/`, `a/` -> `a` (like `filepath.Dir`).
    public static func directory(of path: String) -> String {
        guard let index = path.utf8.lastIndex(of: slash) else { return "." }
        if index == path.utf8.startIndex { return "/" }
        return clean(String(path[..<index]))
    }

    /// The last segment, ignoring trailing slashes: `a/b.go` -> `b.go`,
    /// `a/` -> `a`, `/` -> `/`, `` -> `.` (like `filepath.Base`).
    public static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.utf8.count > 1, trimmed.utf8.last == slash { trimmed = trimmed.dropLast() }
        if trimmed.isEmpty { return "." }
        if trimmed == "/" { return "/" }
        guard let index = trimmed.utf8.lastIndex(of: slash) else { return String(trimmed) }
        return String(trimmed[trimmed.utf8.index(after: index)...])
    }

    /// `directory/name`, without doubling a slash; not cleaned, so that
    /// paths keep the spelling people typed (`./a` stays `./a/b.go`).
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        if name.isEmpty { return directory }
        if directory.utf8.last == slash { return directory + name }
        return directory + "/" + name
    }

    /// `path` made absolute against `workingDirectory` (itself absolute), cleaned.
    public static func absolute(_ path: String, from workingDirectory: String) -> String {
        isAbsolute(path) ? clean(path) : clean(join(workingDirectory, path))
    }

    /// `path` relative to `base` when it lies inside `base` (both cleaned and
    /// absolute, or both relative); nil otherwise. `base` itself gives `.`.
    public static func relative(_ path: String, inside base: String) -> String? {
        let path = clean(path)
        let base = clean(base)
        if path == base { return "." }
        if base == "/" { return isAbsolute(path) ? String(path.dropFirst()) : nil }
        if base == "." { return isAbsolute(path) || path == ".." || path.hasPrefix("../") ? nil : path }
        let prefix = base + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.utf8.count))
    }

    /// An absolute, cleaned directory and each directory above it, up to `/`.
    public static func selfAndAncestors(of directory: String) -> [String] {
        var result = [clean(directory)]
        while let last = result.last, last != "/", isAbsolute(last) {
            result.append(self.directory(of: last))
        }
        return result
    }

    /// Removes leading `./` (not a lone `.` or `./`) and duplicate slashes,
    /// so that paths print as people typed them, only tidier.
    public static func tidy(_ path: String) -> String {
        var result = Substring(path)
        while result.hasPrefix("./") && result.utf8.count > 2 { result = result.dropFirst(2) }
        guard result.contains("//") else { return String(result) }
        var tidied = ""
        var previousWasSlash = false
        for character in result {
            let isSlash = character == "/"
            if !(isSlash && previousWasSlash) { tidied.append(character) }
            previousWasSlash = isSlash
        }
        return tidied
    }

    private static let slash = UInt8(ascii: "/")
}

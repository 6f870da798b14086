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
        let bytes = Array(path.utf8)
        if bytes.withUnsafeBufferPointer({ isClean($0) }) { return path }
        let absolute = bytes.first == slash
        // Segments as ranges of `bytes`; `..` pops a real segment, or stays at the front of a relative path.
        var kept: [Range<Int>] = []
        var leadingParents = 0
        var index = 0
        while index < bytes.count {
            while index < bytes.count && bytes[index] == slash { index += 1 }
            let start = index
            while index < bytes.count && bytes[index] != slash { index += 1 }
            let length = index - start
            if length == 0 || (length == 1 && bytes[start] == dot) { continue }
            if length == 2 && bytes[start] == dot && bytes[start + 1] == dot {
                if kept.count > leadingParents {
                    kept.removeLast()
                } else if !absolute {
                    kept.append(start..<index)
                    leadingParents += 1
                }
                continue
            }
            kept.append(start..<index)
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        if absolute { result.append(slash) }
        for (position, range) in kept.enumerated() {
            if position > 0 { result.append(slash) }
            result.append(contentsOf: bytes[range])
        }
        if result.isEmpty { result.append(dot) }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `clean` would return the path unchanged: not empty, no empty,
    /// `.` or `..` segment, and no trailing slash (except the root itself).
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        if bytes.count == 1 { return true }
        var segmentStart = 0
        for index in 0...bytes.count {
            guard index == bytes.count || bytes[index] == slash else { continue }
            let length = index - segmentStart
            if length == 0 && index != 0 { return false }
            if length == 1 && bytes[segmentStart] == dot { return false }
            if length == 2 && bytes[segmentStart] == dot && bytes[segmentStart + 1] == dot { return false }
            segmentStart = index + 1
        }
        return true
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
    /// so that paths print as people typed them, only tidier. Works on the
    /// UTF-8 bytes: it runs once per file of a lint.
    public static func tidy(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var start = 0
        while bytes.count - start > 2 && bytes[start] == dot && bytes[start + 1] == slash { start += 2 }
        var previousWasSlash = false
        var hasDoubleSlash = false
        for byte in bytes[start...] {
            if byte == slash && previousWasSlash {
                hasDoubleSlash = true
                break
            }
            previousWasSlash = byte == slash
        }
        if start == 0 && !hasDoubleSlash { return path }
        var tidied: [UInt8] = []
        tidied.reserveCapacity(bytes.count - start)
        previousWasSlash = false
        for byte in bytes[start...] {
            let isSlash = byte == slash
            if !(isSlash && previousWasSlash) { tidied.append(byte) }
            previousWasSlash = isSlash
        }
        return String(decoding: tidied, as: UTF8.self)
    }

    private static let dot = UInt8(ascii: ".")
    private static let slash = UInt8(ascii: "/")
}

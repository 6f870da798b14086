import Foundation

/// Finds the Go version a directory's code is written for: the `go` line of
/// the nearest `go.mod` at or above it.
///
/// Lookups are cached per directory, so a tree of thousands of packages
/// reads each `go.mod` once. Not thread-safe: the driver resolves versions
/// before fanning out.
public final class ModuleVersions {
    private var cache: [String: GoVersion?] = [:]
    private let readFile: (String) -> [UInt8]?

    /// `readFile` returns a file's bytes or nil; tests pass a fake.
    public init(readFile: @escaping (String) -> [UInt8]? = ModuleVersions.readFromDisk) {
        self.readFile = readFile
    }

    /// The version of the nearest `go.mod` at or above `directory`, or nil if there is none.
    public func version(forDirectory directory: String) -> GoVersion? {
        let start = ModuleVersions.absolute(directory)
        var visited: [String] = []
        var current = start
        var found: GoVersion??
        while true {
            if let cached = cache[current] {
                found = .some(cached)
                break
            }
            visited.append(current)
            if let bytes = readFile(current == "/" ? "/go.mod" : current + "/go.mod") {
                found = .some(ModuleVersions.goLine(in: bytes))
                break
            }
            guard current != "/", let slash = current.lastIndex(of: "/") else { break }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
        let result: GoVersion? = found ?? nil
        for directory in visited { cache[directory] = .some(result) }
        return result
    }

    /// The version in a `go 1.N` directive; nil if the file has none.
    public static func goLine(in bytes: [UInt8]) -> GoVersion? {
        let text = String(decoding: bytes, as: UTF8.self)
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(rawLine)
            if let comment = line.range(of: "//") { line = line[..<comment.lowerBound] }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count == 2 && words[0] == "go", let version = GoVersion(parsing: words[1]) {
                return version
            }
        }
        return nil
    }

    public static func readFromDisk(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    /// An absolute, normalised directory path (no `.`/`..` segments, no trailing slash).
    public static func absolute(_ directory: String) -> String {
        let base = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        var parts: [Substring] = []
        for part in base.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}

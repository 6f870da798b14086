import FilePaths
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
    private let workingDirectory: String

    /// `readFile` returns a file's bytes or nil; tests pass a fake.
    public init(readFile: @escaping (String) -> [UInt8]? = ModuleVersions.readFromDisk, workingDirectory: String? = nil) {
        self.readFile = readFile
        self.workingDirectory = workingDirectory ?? (try? WorkingDirectory.current().get()) ?? "/"
    }

    /// Directories looked at so far (tests check it stays linear in the directories asked about).
    public private(set) var probes = 0

    /// The version of the nearest `go.mod` at or above `directory`, or nil if there is none.
    /// Climbs only up to the first directory already known.
    public func version(forDirectory directory: String) -> GoVersion? {
        var visited: [String] = []
        var found: GoVersion??
        var current = absolute(directory)
        while true {
            if let cached = cache[current] {
                found = .some(cached)
                break
            }
            probes += 1
            visited.append(current)
            if let bytes = readFile(PathText.join(current, "go.mod")) {
                found = .some(ModuleVersions.goLine(in: bytes))
                break
            }
            if current == "/" || !PathText.isAbsolute(current) { break }
            current = PathText.directory(of: current)
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

    /// An absolute, cleaned directory path: relative paths are taken from
    /// the current directory (or `/` when it cannot be known).
    func absolute(_ directory: String) -> String {
        PathText.absolute(directory, from: workingDirectory)
    }
}

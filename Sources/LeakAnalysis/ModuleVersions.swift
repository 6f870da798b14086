import FilePaths

/// Finds the Go version a directory's code is written for: the `go` line of
/// the nearest `go.mod` at or above it.
///
/// Lookups are cached per directory, so a tree of thousands of packages
/// reads each `go.mod` once. A `go.mod` that exists but cannot be read (a
/// FIFO, a device, a dangling link, no permission, over the size limit) ends
/// the search like a readable one, as it does for the go command, with an
/// unknown version; it is recorded in `problems` so that the driver can warn.
/// Not thread-safe: the driver resolves versions before fanning out.
public final class ModuleVersions {
    /// What looking for a `go.mod` at one path found.
    public enum ModuleFile: Sendable {
        case contents([UInt8])
        /// No file of that name (a directory named `go.mod` counts as none, as for the go command).
        case missing
        /// A file that is there but cannot be read, and why.
        case unusable(String)
    }

    /// A `go.mod` that could not be read.
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var message: String
    }

    /// What an unreadable `go.mod` means for the lint, to follow its problem in a warning.
    public static let unknownVersionConsequence = "the go version of its module is unknown, so the newest is assumed"

    /// Larger `go.mod` files are refused (the go command's own limit).
    public static let maxFileSize = 16 << 20

    /// Each unusable `go.mod` met, once, in the order met.
    public private(set) var problems: [Problem] = []
    private var cache: [String: GoVersion?] = [:]
    private let readModuleFile: (String) -> ModuleFile
    private let workingDirectory: String

    /// Reads `go.mod` files from disk.
    public convenience init(workingDirectory: String? = nil) {
        self.init(readModuleFile: ModuleVersions.readFromDisk, workingDirectory: workingDirectory)
    }

    /// `readFile` returns a file's bytes, or nil when there is none; tests pass a fake.
    public convenience init(readFile: @escaping (String) -> [UInt8]?, workingDirectory: String? = nil) {
        self.init(readModuleFile: { path in readFile(path).map { .contents($0) } ?? .missing }, workingDirectory: workingDirectory)
    }

    public init(readModuleFile: @escaping (String) -> ModuleFile, workingDirectory: String? = nil) {
        self.readModuleFile = readModuleFile
        self.workingDirectory = workingDirectory ?? (try? WorkingDirectory.current().get()) ?? "/"
    }

    /// Directories looked at so far (tests check it stays linear in the directories asked about).
    public private(set) var probes = 0

    /// The version of the nearest `go.mod` at or above `directory`, or nil
    /// if there is none or it cannot be read. Climbs only up to the first
    /// directory already known.
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
            let path = PathText.join(current, "go.mod")
            switch readModuleFile(path) {
            case .missing:
                if current == "/" || !PathText.isAbsolute(current) { break }
                current = PathText.directory(of: current)
                continue
            case .contents(let bytes):
                found = .some(ModuleVersions.goLine(in: bytes))
            case .unusable(let message):
                problems.append(Problem(path: path, message: message))
                found = .some(nil)
            }
            break
        }
        let result: GoVersion? = found ?? nil
        for directory in visited { cache[directory] = .some(result) }
        return result
    }

    /// The version in a `go 1.N` directive; nil if the file has none. Lines
    /// may end in LF or CRLF, and a UTF-8 byte order mark may lead.
    public static func goLine(in bytes: [UInt8]) -> GoVersion? {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let next = end + 1
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            if let version = goDirective(bytes[start..<end]) { return version }
            start = next
        }
        return nil
    }

    /// `go 1.N` (with an optional `//` comment) on one line, else nil.
    static func goDirective(_ line: ArraySlice<UInt8>) -> GoVersion? {
        var content = line
        if let slash = line.indices.first(where: { line[$0] == 0x2F && $0 + 1 < line.endIndex && line[$0 + 1] == 0x2F }) {
            content = line[..<slash]
        }
        let words = content.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
        guard words.count == 2, words[0].elementsEqual("go".utf8) else { return nil }
        return GoVersion(parsing: String(decoding: words[1], as: UTF8.self))
    }

    /// Reads a `go.mod` with the size limit; a directory of that name is no `go.mod`.
    public static func readFromDisk(_ path: String) -> ModuleFile {
        switch SmallFile.read(path: path, limit: maxFileSize) {
        case .success(let bytes): return .contents(bytes)
        case .failure(.missing), .failure(.isDirectory): return .missing
        case .failure(let failure): return .unusable(failure.description)
        }
    }

    /// An absolute, cleaned directory path: relative paths are taken from
    /// the current directory (or `/` when it cannot be known).
    func absolute(_ directory: String) -> String {
        PathText.absolute(directory, from: workingDirectory)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands command-line path arguments into the list of Go files to read.
///
/// Like the go command: `DIR/...` and directories are walked recursively,
/// skipping `vendor`, `testdata` and folders whose name starts with `.` or
/// `_`; symbolic links met during a walk are not followed (so a link loop
/// cannot trap the walk); a file named explicitly is always read, whatever
/// its name.
public struct FileDiscovery {
    /// A path argument that could not be used, with the reason.
    public struct Problem: Equatable, Sendable {
        public var path: String
        public var message: String
    }

    public private(set) var files: [String] = []
    public private(set) var problems: [Problem] = []
    /// Files named on the command line (not found by walking a directory).
    public private(set) var explicitFiles: Set<String> = []
    private var seen: Set<String> = []

    public init() {}

    public mutating func add(argument: String) {
        // `DIR/...` and `DIR` both mean the whole tree below DIR.
        var path = argument
        if path == "..." {
            path = "."
        } else if path.hasSuffix("/...") {
            path = String(path.dropLast(4))
            if path.isEmpty { path = "/" }
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            problems.append(Problem(path: argument, message: "cannot read: \(reason)"))
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            var visited: Set<FileIdentity> = []
            walk(directory: path, visited: &visited)
        } else {
            addFile(path)
            explicitFiles.insert(FileDiscovery.clean(path))
        }
    }

    /// The `.go` files next to `path` (for the buffer an editor sends on standard input).
    public static func goFiles(inDirectoryOf path: String) -> [String] {
        let directory = (path as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return names.sorted().filter { $0.hasSuffix(".go") && !$0.hasPrefix(".") && !$0.hasPrefix("_") }.compactMap { name in
            let candidate = clean(directory.isEmpty ? name : directory + "/" + name)
            var info = stat()
            guard lstat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return candidate
        }
    }

    /// The other `.go` files in the directories of explicitly named files,
    /// read for context (declarations, types) but not reported on.
    public func siblingsOfExplicitFiles() -> [String] {
        var directories: [String] = []
        for file in explicitFiles.sorted() {
            let directory = (file as NSString).deletingLastPathComponent
            if !directories.contains(directory) { directories.append(directory) }
        }
        var result: [String] = []
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
            for name in names.sorted() where name.hasSuffix(".go") && !name.hasPrefix(".") && !name.hasPrefix("_") {
                let path = FileDiscovery.clean(directory.isEmpty ? name : directory + "/" + name)
                var info = stat()
                guard !seen.contains(path), lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                result.append(path)
            }
        }
        return result
    }

    private mutating func addFile(_ path: String) {
        let normalised = FileDiscovery.clean(path)
        if seen.insert(normalised).inserted { files.append(normalised) }
    }

    /// Device and inode of a directory, to visit each one once.
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private mutating func walk(directory: String, visited: inout Set<FileIdentity>) {
        var info = stat()
        guard stat(directory, &info) == 0 else { return }
        let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        guard visited.insert(identity).inserted else { return }
        guard let handle = opendir(directory) else {
            let reason = String(cString: strerror(errno)).lowercased()
            problems.append(Problem(path: FileDiscovery.clean(directory), message: "cannot read directory: \(reason)"))
            return
        }
        var names: [String] = []
        var undecodable: [[UInt8]] = []
        while let entry = readdir(handle) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                let all = raw.bindMemory(to: UInt8.self)
                return Array(all[0..<(all.firstIndex(of: 0) ?? all.count)])
            }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                undecodable.append(bytes)
                continue
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(handle)
        for bytes in undecodable where FileDiscovery.wouldBeRead(bytes, in: directory) {
            // Paths are Strings here; a name that is not UTF-8 cannot be opened reliably, so say so.
            problems.append(Problem(
                path: FileDiscovery.clean((directory.hasSuffix("/") ? directory : directory + "/") + FileDiscovery.escaped(bytes)),
                message: "file name is not valid UTF-8; skipped (rename it to lint it)"))
        }
        names.sort()
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names {
            let child = prefix + name
            var childInfo = stat()
            guard lstat(child, &childInfo) == 0 else { continue }
            let type = childInfo.st_mode & S_IFMT
            if type == S_IFDIR {
                if name.hasPrefix(".") || name.hasPrefix("_") || name == "vendor" || name == "testdata" { continue }
                walk(directory: child, visited: &visited)
            } else if name.hasSuffix(".go") && !name.hasPrefix(".") && !name.hasPrefix("_") {
                if type == S_IFREG {
                    addFile(child)
                } else if type != S_IFLNK {
                    problems.append(Problem(path: FileDiscovery.clean(child), message: "not a regular file"))
                } else {
                    // A symlinked .go file is read like the go command does; a dangling one is reported.
                    var target = stat()
                    if stat(child, &target) == 0 && (target.st_mode & S_IFMT) == S_IFREG {
                        addFile(child)
                    } else if stat(child, &target) != 0 {
                        problems.append(Problem(path: FileDiscovery.clean(child), message: "dangling symbolic link"))
                    }
                }
            }
        }
    }

    /// Whether an entry with this raw name would have been linted (a `.go`
    /// file or a directory the walk enters).
    static func wouldBeRead(_ name: [UInt8], in directory: String) -> Bool {
        guard name.first != UInt8(ascii: "."), name.first != UInt8(ascii: "_") else { return false }
        if name.count > 3 && Array(name.suffix(3)) == Array(".go".utf8) { return true }
        var path = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8) + name
        path.append(0)
        var info = stat()
        let found = path.withUnsafeBufferPointer { buffer -> Int32 in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                guard let base = characters.baseAddress else { return -1 }
                return lstat(base, &info)
            }
        }
        return found == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// A name with its invalid bytes written as `\xNN`, for messages.
    static func escaped(_ name: [UInt8]) -> String {
        var result = ""
        var index = 0
        while index < name.count {
            var length = 1
            var decoded: String?
            for width in (1...4).reversed() where index + width <= name.count {
                if let text = String(validating: name[index..<index + width], as: UTF8.self), text.unicodeScalars.count == 1 {
                    decoded = text
                    length = width
                    break
                }
            }
            if let decoded {
                result += decoded
            } else {
                result += "\\x" + String(name[index], radix: 16, uppercase: true)
            }
            index += length
        }
        return result
    }

    /// Removes `./` prefixes and duplicate slashes so paths print as people typed them.
    static func clean(_ path: String) -> String {
        var result = path
        while result.hasPrefix("./") && result.count > 2 { result.removeFirst(2) }
        while result.contains("//") { result = result.replacingOccurrences(of: "//", with: "/") }
        return result
    }
}

import FilePaths
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands command-line path arguments into the list of Go files to read.
///
/// Paths follow the go command: `DIR` is the package in that directory,
/// `DIR/...` the tree below it, skipping `vendor`, `testdata` and folders
/// whose name starts with `.` or `_`. Symbolic links met during a walk are
/// not followed into directories (so a link loop cannot trap the walk). A
/// `.go` file named explicitly is always read, whatever its name; any other
/// file named explicitly is refused. `--tests=false` and exclusion patterns
/// apply to every file, named or walked.
public struct FileDiscovery {
    /// A path that could not be used, with the reason.
    public struct Problem: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            /// A path argument that names nothing usable (printed `reason: PATH`).
            case argument
            /// A file or directory met on the way (printed `PATH: reason`).
            case entry
        }

        public var path: String
        public var message: String
        public var kind: Kind
    }

    /// Which files a lint takes beyond the paths it is given.
    public struct Selection: Sendable {
        /// `--tests=false` leaves `_test.go` files out.
        public var includeTests = true
        /// Patterns of paths to leave out, each relative to its own base directory.
        public var exclusions: [Exclusion] = []

        public init(includeTests: Bool = true, exclusions: [Exclusion] = []) {
            self.includeTests = includeTests
            self.exclusions = exclusions
        }
    }

    /// An exclusion pattern and the directory it is relative to: the
    /// configuration file's, or (nil) the repository root of each path.
    public struct Exclusion: Sendable {
        public var pattern: PathPattern
        public var base: String?

        public init(pattern: PathPattern, base: String?) {
            self.pattern = pattern
            self.base = base
        }
    }

    public private(set) var files: [String] = []
    public private(set) var problems: [Problem] = []
    /// Files named on the command line (not found by listing a directory).
    public private(set) var explicitFiles: Set<String> = []
    /// Files left out by `--tests=false` or an exclusion pattern.
    public private(set) var excludedCount = 0
    /// Folders a walk left out because an exclusion pattern matched them.
    public private(set) var excludedFolderCount = 0
    private var seen: Set<String> = []
    private let selection: Selection
    private let workingDirectory: String
    private let roots: RepositoryRoots

    public init(selection: Selection = Selection(), workingDirectory: String = "/") {
        self.init(selection: selection, workingDirectory: workingDirectory, roots: RepositoryRoots())
    }

    init(selection: Selection, workingDirectory: String, roots: RepositoryRoots) {
        self.selection = selection
        self.workingDirectory = workingDirectory
        self.roots = roots
    }

    public mutating func add(argument: String) {
        var path = argument
        var recursive = false
        if path.hasSuffix("/...") {
            path = String(path.dropLast(4))
            if path.isEmpty { path = "/" }
            recursive = true
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            problems.append(Problem(path: argument, message: FileDiscovery.errnoDescription(), kind: .argument))
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if recursive {
                var visited: Set<FileIdentity> = []
                walk(directory: path, visited: &visited)
            } else {
                listPackage(directory: path)
            }
        } else if recursive {
            problems.append(Problem(path: argument, message: "not a directory", kind: .argument))
        } else if !path.hasSuffix(".go") {
            problems.append(Problem(path: argument, message: "not a Go file", kind: .argument))
        } else {
            let tidied = PathText.tidy(path)
            guard isSelected(file: tidied) else { return }
            addFile(tidied)
            explicitFiles.insert(tidied)
        }
    }

    /// The `.go` files next to `path` (for the buffer an editor sends on standard input).
    public static func goFiles(inDirectoryOf path: String) -> [String] {
        let directory = PathText.directory(of: path)
        return goFileNames(in: directory).map { PathText.tidy(directory == "." ? $0 : PathText.join(directory, $0)) }
    }

    /// The other `.go` files in the directories of explicitly named files,
    /// read for context (declarations, types) but not reported on.
    public func siblingsOfExplicitFiles() -> [String] {
        var directories: [String] = []
        var known: Set<String> = []
        for file in explicitFiles.sorted() {
            let directory = PathText.directory(of: file)
            if known.insert(directory).inserted { directories.append(directory) }
        }
        var result: [String] = []
        for directory in directories {
            for name in FileDiscovery.goFileNames(in: directory) {
                let path = PathText.tidy(directory == "." ? name : PathText.join(directory, name))
                if !seen.contains(path) { result.append(path) }
            }
        }
        return result
    }

    /// Names of the regular `.go` files directly in `directory` (not starting with `.` or `_`), sorted.
    static func goFileNames(in directory: String) -> [String] {
        let listing = DirectoryListing(directory)
        return listing.names.filter { name in
            guard FileDiscovery.isGoFileName(name) else { return false }
            var info = stat()
            return stat(PathText.join(directory, name), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        }
    }

    static func isGoFileName(_ name: String) -> Bool {
        name.hasSuffix(".go") && name.utf8.count > 3 && !name.hasPrefix(".") && !name.hasPrefix("_")
    }

    private mutating func addFile(_ path: String) {
        if seen.insert(path).inserted { files.append(path) }
    }

    /// `--tests` and the exclusion patterns.
    private mutating func isSelected(file path: String) -> Bool {
        if !selection.includeTests && path.hasSuffix("_test.go") {
            excludedCount += 1
            return false
        }
        if isExcluded(path) {
            excludedCount += 1
            return false
        }
        return true
    }

    private func isExcluded(_ path: String) -> Bool {
        guard !selection.exclusions.isEmpty else { return false }
        let absolute = PathText.absolute(path, from: workingDirectory)
        for exclusion in selection.exclusions {
            let base = exclusion.base ?? roots.root(ofDirectory: PathText.directory(of: absolute)) ?? workingDirectory
            if let relative = PathText.relative(absolute, inside: base), relative != ".",
                exclusion.pattern.matches(relativePath: relative) {
                return true
            }
        }
        return false
    }

    /// The package in one directory: its `.go` files, not its subdirectories.
    private mutating func listPackage(directory: String) {
        let listing = DirectoryListing(directory)
        if let failure = listing.failure {
            problems.append(Problem(path: PathText.tidy(directory), message: "cannot read directory: \(failure)", kind: .entry))
            return
        }
        reportUndecodable(listing, in: directory)
        for name in listing.names where FileDiscovery.isGoFileName(name) {
            // A subdirectory named like a Go file is another package, not this one's file.
            let child = PathText.join(directory, name)
            var info = stat()
            if lstat(child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { continue }
            addWalked(child)
        }
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
        if isExcluded(directory) {
            excludedFolderCount += 1
            return
        }
        let listing = DirectoryListing(directory)
        if let failure = listing.failure {
            problems.append(Problem(path: PathText.tidy(directory), message: "cannot read directory: \(failure)", kind: .entry))
            return
        }
        reportUndecodable(listing, in: directory)
        for (name, kind) in zip(listing.names, listing.kinds) {
            let child = PathText.join(directory, name)
            var childInfo = stat()
            guard lstat(child, &childInfo) == 0 else {
                // Gone since the listing is no loss; anything else that would have been read is reported.
                let failure = errno
                if failure != ENOENT && (FileDiscovery.isGoFileName(name) || (kind == .directory && FileDiscovery.isWalked(folder: name))) {
                    problems.append(Problem(path: PathText.tidy(child), message: FileDiscovery.skipMessage(child, failure), kind: .entry))
                }
                continue
            }
            if (childInfo.st_mode & S_IFMT) == S_IFDIR {
                if !FileDiscovery.isWalked(folder: name) { continue }
                walk(directory: child, visited: &visited)
            } else if FileDiscovery.isGoFileName(name) {
                addWalked(child)
            }
        }
    }

    /// Whether a walk enters a folder of this name (the go command's rule).
    static func isWalked(folder name: String) -> Bool {
        !(name.hasPrefix(".") || name.hasPrefix("_") || name == "vendor" || name == "testdata")
    }

    /// Why an entry that could not be looked at is skipped, naming the
    /// system's path-length limit when that is the reason.
    static func skipMessage(_ path: String, _ failure: Int32) -> String {
        if failure == ENAMETOOLONG {
            let limit = pathconf("/", Int32(_PC_PATH_MAX))
            let bound = limit > 0 ? "; the system's limit is \(limit)" : ""
            return "path too long (\(path.utf8.count) bytes\(bound)); skipped"
        }
        return "\(String(cString: strerror(failure)).lowercased()); skipped"
    }

    /// A `.go` entry met while listing a directory: regular files and links
    /// to them are taken; anything else is reported.
    private mutating func addWalked(_ child: String) {
        let tidied = PathText.tidy(child)
        var info = stat()
        guard lstat(child, &info) == 0 else {
            let failure = errno
            if failure != ENOENT { problems.append(Problem(path: tidied, message: FileDiscovery.skipMessage(child, failure), kind: .entry)) }
            return
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFLNK {
            // A symlinked .go file is read like the go command does; a dangling one is reported.
            var target = stat()
            guard stat(child, &target) == 0 else {
                problems.append(Problem(path: tidied, message: "dangling symbolic link", kind: .entry))
                return
            }
            guard (target.st_mode & S_IFMT) == S_IFREG else {
                problems.append(Problem(path: tidied, message: "not a regular file", kind: .entry))
                return
            }
        } else if type != S_IFREG {
            problems.append(Problem(path: tidied, message: "not a regular file", kind: .entry))
            return
        }
        if isSelected(file: tidied) { addFile(tidied) }
    }

    private mutating func reportUndecodable(_ listing: DirectoryListing, in directory: String) {
        for bytes in listing.undecodable where FileDiscovery.wouldBeRead(bytes, in: directory) {
            // Paths are Strings here; a name that is not UTF-8 cannot be opened reliably, so say so.
            problems.append(Problem(
                path: PathText.tidy(PathText.join(directory, FileDiscovery.escaped(bytes))),
                message: "file name is not valid UTF-8; skipped (rename it to lint it)", kind: .entry))
        }
    }

    /// Whether an entry with this raw name would have been linted (a `.go`
    /// file or a directory the walk enters).
    static func wouldBeRead(_ name: [UInt8], in directory: String) -> Bool {
        guard name.first != UInt8(ascii: "."), name.first != UInt8(ascii: "_") else { return false }
        if name.count > 3 && Array(name.suffix(3)) == Array(".go".utf8) { return true }
        var path = Array(PathText.join(directory, "").utf8) + name
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

    static func errnoDescription() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

/// The entries of one directory, read with `opendir`/`readdir`: names that
/// are valid UTF-8 (sorted, without `.` and `..`), the raw bytes of those
/// that are not, or why the directory could not be read.
struct DirectoryListing {
    /// What `readdir` says an entry is, when the file system tells: it tells
    /// a folder from a file where `lstat` cannot (a path over the system's limit).
    enum Kind: Equatable {
        case directory, other, unknown
    }

    var names: [String] = []
    /// The kind of each entry of `names`, at the same index.
    var kinds: [Kind] = []
    var undecodable: [[UInt8]] = []
    var failure: String?

    init(_ directory: String) {
        guard let handle = opendir(directory) else {
            failure = FileDiscovery.errnoDescription()
            return
        }
        while let entry = readdir(handle) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                let all = raw.bindMemory(to: UInt8.self)
                return Array(all[0..<(all.firstIndex(of: 0) ?? all.count)])
            }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                undecodable.append(bytes)
                continue
            }
            if name != "." && name != ".." {
                let type = entry.pointee.d_type
                names.append(name)
                kinds.append(type == UInt8(DT_DIR) ? .directory : type == UInt8(DT_UNKNOWN) ? .unknown : .other)
            }
        }
        closedir(handle)
        let order = names.indices.sorted { names[$0] < names[$1] }
        names = order.map { names[$0] }
        kinds = order.map { kinds[$0] }
    }
}

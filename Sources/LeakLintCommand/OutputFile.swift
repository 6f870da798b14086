#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report (`--output`) or a baseline (`--write-baseline`) to the
/// path the user gave, in the way that suits what the path names:
///
/// - a regular file or a missing path is replaced atomically
///   (`AtomicReplacement`), so a reader never sees half a report;
/// - a symbolic link stays a link: its target is replaced (or, when the
///   link dangles, created through it);
/// - a terminal, a pipe, a FIFO or another character device (`/dev/null`)
///   is written through, never replaced by a file;
/// - the process's own standard output or error (`/dev/stdout`, or the
///   file it is redirected to) is written through the open descriptor, so
///   that the report is not lost and an appended log is not truncated;
/// - a directory, a block device or a socket is refused.
enum OutputFile {
    /// How a path is written.
    enum Destination: Equatable {
        /// Atomic replacement of this regular file (or creation of this path).
        case replace(String, mode: mode_t?)
        /// Opened and written in place; `create` for the target of a dangling link.
        case through(String, create: Bool)
        case standardOutput
        case standardError
        case refused(String)
    }

    /// Why a write failed.
    struct Failure: Error, CustomStringConvertible {
        var reason: String
        /// Whether to say that the file the path held before is intact
        /// (after an atomic write failed; a refusal changes nothing anyway).
        var keptPrevious: Bool
        var description: String { keptPrevious ? "\(reason); the previous file, if any, is unchanged" : reason }
    }

    /// Where `path` leads, looked up now.
    static func destination(of path: String) -> Destination {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            guard code == ENOENT else { return .refused(DescriptorWriter.describe(code)) }
            var link = stat()
            if lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK { return .through(path, create: true) }
            return .replace(path, mode: nil)
        }
        if isOpen(1, sameFileAs: info) { return .standardOutput }
        if isOpen(2, sameFileAs: info) { return .standardError }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            var link = stat()
            guard lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK else { return .replace(path, mode: info.st_mode & 0o7777) }
            guard let resolved = realpath(path, nil) else { return .refused(DescriptorWriter.describe(errno)) }
            defer { free(resolved) }
            return .replace(String(cString: resolved), mode: info.st_mode & 0o7777)
        case S_IFCHR, S_IFIFO:
            return .through(path, create: false)
        case S_IFDIR:
            return .refused("is a directory")
        case S_IFBLK:
            return .refused("is a block device; leaklint writes reports to files, terminals and pipes only")
        default:
            return .refused("is not a regular file, a terminal or a pipe")
        }
    }

    /// Writes `text` to `path`; standard output and error go through
    /// `output`, whose failures are reported when the run finishes.
    static func write(_ text: String, to path: String, output: OutputSink) -> Failure? {
        switch destination(of: path) {
        case .replace(let target, let mode):
            var text = text
            let failure = text.withUTF8 { AtomicReplacement.write(UnsafeRawBufferPointer($0), to: target, keeping: .init(mode: mode)) }
            return failure.map { Failure(reason: $0, keptPrevious: true) }
        case .through(let target, let create):
            return writeThrough(text, to: target, create: create).map { Failure(reason: $0, keptPrevious: false) }
        case .standardOutput:
            output.out(text, terminator: "")
            return nil
        case .standardError:
            output.error(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            return nil
        case .refused(let reason):
            return Failure(reason: reason, keptPrevious: false)
        }
    }

    /// Opens `path` for writing (truncating a regular file a dangling link
    /// leads to) and writes `text`; nil on success, else why not.
    private static func writeThrough(_ text: String, to path: String, create: Bool) -> String? {
        let flags = O_WRONLY | O_CLOEXEC | (create ? O_CREAT | O_TRUNC : 0)
        var descriptor: Int32
        repeat { descriptor = open(path, flags, 0o666) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { return DescriptorWriter.describe(errno) }
        if let code = DescriptorWriter.writeAll(descriptor, text) {
            close(descriptor)
            return DescriptorWriter.describe(code)
        }
        guard close(descriptor) == 0 || errno == EINTR else { return DescriptorWriter.describe(errno) }
        return nil
    }

    /// Whether `descriptor` is open for writing on the file `info` describes.
    private static func isOpen(_ descriptor: Int32, sameFileAs info: stat) -> Bool {
        var open = stat()
        guard fstat(descriptor, &open) == 0, open.st_dev == info.st_dev, open.st_ino == info.st_ino else { return false }
        let flags = fcntl(descriptor, F_GETFL)
        return flags >= 0 && (flags & O_ACCMODE) != O_RDONLY
    }
}

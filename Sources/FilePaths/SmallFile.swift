#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the small files a run depends on besides the sources (`go.mod`,
/// `.leaklint.json`) with plain POSIX calls and a size limit, and says why
/// when it cannot: a FIFO or device is refused without being opened for
/// long (so it never blocks), a dangling link is told apart from a missing
/// file, and no more than the limit is ever buffered, whatever the file claims.
public enum SmallFile {
    /// Why a file could not be read.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Nothing of that name (or a path through something that is not a directory).
        case missing
        case isDirectory
        case danglingLink
        case notRegularFile
        /// `size` is nil when the file grew past the limit while being read.
        case tooLarge(size: Int?, limit: Int)
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing: return "no such file or directory"
            case .isDirectory: return "is a directory"
            case .danglingLink: return "dangling symbolic link"
            case .notRegularFile: return "not a regular file"
            case .tooLarge(let size, let limit):
                return "file too large (\(size.map(String.init) ?? "over \(limit)") bytes; the limit is \(limit))"
            case .unreadable(let reason): return "cannot read file: \(reason)"
            }
        }
    }

    /// The whole file, if it is a regular file of at most `limit` bytes.
    public static func read(path: String, limit: Int) -> Result<[UInt8], Failure> {
        // Devices and FIFOs are refused before being opened.
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(openFailure(path, errno)) }
        if let failure = typeFailure(info) { return .failure(failure) }
        // O_NONBLOCK so that a FIFO put in the file's place meanwhile does not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(openFailure(path, errno)) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(reason(errno))) }
        if let failure = typeFailure(info) { return .failure(failure) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size: size, limit: limit)) }
        // One byte over the size tells a file that grew since `fstat`; it is
        // read on, but never past one byte over the limit.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        while true {
            if total == bytes.count {
                guard bytes.count <= limit else { return .failure(.tooLarge(size: nil, limit: limit)) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count * 2, limit + 1) - bytes.count))
            }
            let room = bytes.count - total
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemRead(descriptor, base + total, room)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(reason(errno)))
            }
            if count == 0 { break }
            total += count
        }
        bytes.removeLast(bytes.count - total)
        return .success(bytes)
    }

    /// Whether anything has this name, a dangling symbolic link included.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private static func typeFailure(_ info: stat) -> Failure? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .isDirectory
        default: return .notRegularFile
        }
    }

    private static func openFailure(_ path: String, _ code: Int32) -> Failure {
        switch code {
        case ENOENT:
            // A link whose target is gone still has a name.
            var info = stat()
            if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK { return .danglingLink }
            return .missing
        case ENOTDIR: return .missing
        case EISDIR: return .isDirectory
        default: return .unreadable(reason(code))
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

/// `read(2)`, named apart from `SmallFile.read(path:limit:)`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

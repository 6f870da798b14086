#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a source file into bytes with plain POSIX calls, refusing what is
/// not a regular file (directories, FIFOs, devices) instead of blocking on it.
public enum SourceReader {
    /// Where standard input comes from: the process's, or a test's bytes.
    public typealias StandardInput = () -> Result<[UInt8], Failure>

    /// Files larger than this are refused: offsets are 32-bit, and a
    /// linter has no business with gigabyte "source" files.
    public static let maxFileSize = 256 * 1024 * 1024

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case cannotOpen(String)
        case notRegularFile
        case tooLarge(Int)
        /// A stream went on past the limit (its size is unknown).
        case overLimit(Int)
        case readFailed(String)

        public var description: String {
            switch self {
            case .cannotOpen(let reason): return "cannot read file: \(reason)"
            case .notRegularFile: return "not a regular file"
            case .tooLarge(let size): return "file too large (\(size) bytes; the limit is \(SourceReader.maxFileSize))"
            case .overLimit(let limit): return "too large (more than the limit of \(limit) bytes)"
            case .readFailed(let reason): return "read failed: \(reason)"
            }
        }
    }

    public static func read(path: String) -> Result<[UInt8], Failure> {
        // O_NONBLOCK so that opening a FIFO does not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotOpen(errnoDescription())) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.cannotOpen(errnoDescription())) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegularFile) }
        let size = Int(info.st_size)
        guard size <= maxFileSize else { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        while total < size {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return posixRead(descriptor, base + total, size - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.readFailed(errnoDescription()))
            }
            if count == 0 {
                // The file shrank while we were reading it.
                bytes.removeLast(size - total)
                break
            }
            total += count
        }
        return .success(bytes)
    }

    /// Reads all of standard input, up to `maxFileSize` bytes: past the
    /// limit it stops reading (never buffering more) and fails.
    public static func readStandardInput() -> Result<[UInt8], Failure> {
        readStream(0)
    }

    /// Reads a named input that may be a stream (a baseline given as
    /// `/dev/stdin` or `<(...)`): a regular file as `read(path:)` does,
    /// a FIFO or character device to its end, bounded like standard input.
    /// Opening blocks until a FIFO has a writer, as for any command reading one.
    public static func read(pathAcceptingStreams path: String) -> Result<[UInt8], Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(.cannotOpen(errnoDescription())) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFREG { return read(path: path) }
        guard kind == S_IFIFO || kind == S_IFCHR else { return .failure(.notRegularFile) }
        var descriptor: Int32
        repeat { descriptor = open(path, O_RDONLY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { return .failure(.cannotOpen(errnoDescription())) }
        defer { close(descriptor) }
        return readStream(descriptor)
    }

    /// Reads `descriptor` to its end, failing once more than `limit` bytes
    /// have come. A regular file is measured first, so that one past the
    /// limit is refused without reading it.
    static func readStream(_ descriptor: Int32, limit: Int = maxFileSize) -> Result<[UInt8], Failure> {
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG {
            let remaining = Int(info.st_size) - max(0, Int(lseek(descriptor, 0, SEEK_CUR)))
            if remaining > limit { return .failure(.tooLarge(remaining)) }
        }
        var bytes: [UInt8] = []
        let chunkSize = 65536
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return posixRead(descriptor, base, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.readFailed(errnoDescription()))
            }
            if count == 0 { return .success(bytes) }
            if bytes.count + count > limit { return .failure(.overLimit(limit)) }
            if bytes.count + count > bytes.capacity {
                // Doubling, but never reserving past the limit.
                bytes.reserveCapacity(min(max(2 * bytes.capacity, chunkSize), limit))
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    static func errnoDescription() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

/// `read(2)`, named apart from `SourceReader.read(path:)`.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

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
    /// Files larger than this are refused: offsets are 32-bit, and a
    /// linter has no business with gigabyte "source" files.
    public static let maxFileSize = 256 * 1024 * 1024

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case cannotOpen(String)
        case notRegularFile
        case tooLarge(Int)
        case readFailed(String)

        public var description: String {
            switch self {
            case .cannotOpen(let reason): return "cannot read file: \(reason)"
            case .notRegularFile: return "not a regular file"
            case .tooLarge(let size): return "file too large (\(size) bytes; the limit is \(SourceReader.maxFileSize))"
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

    /// Reads all of standard input.
    public static func readStandardInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return posixRead(0, base, buffer.count)
            }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    static func errnoDescription() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

/// `read(2)`, named apart from `SourceReader.read(path:)`.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's current directory, asked of the system once per call with
/// `getcwd`, which can fail (a deleted directory, a path too long), unlike
/// Foundation's `currentDirectoryPath`, which papers over the failure.
public enum WorkingDirectory {
    /// The absolute current directory, or the reason it cannot be known.
    public static func current() -> Result<String, WorkingDirectoryError> {
        var capacity = 4096
        while capacity <= 1 << 20 {
            var buffer = [CChar](repeating: 0, count: capacity)
            let found = buffer.withUnsafeMutableBufferPointer { pointer -> Bool in
                guard let base = pointer.baseAddress else { return false }
                return getcwd(base, pointer.count) != nil
            }
            if found {
                let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                return .success(String(decoding: bytes, as: UTF8.self))
            }
            if errno != ERANGE { break }
            capacity *= 4
        }
        return .failure(WorkingDirectoryError(reason: String(cString: strerror(errno)).lowercased()))
    }
}

/// Why the current directory is unknown.
public struct WorkingDirectoryError: Error, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { "cannot determine the current directory: \(reason)" }
}

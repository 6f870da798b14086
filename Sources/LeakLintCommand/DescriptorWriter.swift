#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to a file descriptor with plain `write(2)` calls, so that a
/// failure (a closed descriptor, a full disk, a reader gone) is an error
/// value the caller reports, where Foundation's `FileHandle.write` traps.
enum DescriptorWriter {
    /// Writes all of `bytes`, resuming after interruptions and partial
    /// writes, and waiting when the descriptor is non-blocking and full;
    /// nil on success, else the `errno` of the failure.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var written = 0
        while written < bytes.count {
            let count = write(descriptor, base + written, bytes.count - written)
            if count > 0 {
                written += count
                continue
            }
            if count == 0 { return EIO }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&request, 1, -1)
                continue
            }
            return code
        }
        return nil
    }

    static func writeAll(_ descriptor: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    }

    /// Gives standard input, output and error a descriptor each if the
    /// process started with one closed: otherwise the next file opened
    /// takes its number, and the report would be written into that file.
    /// The stand-in is `/dev/null`, opened so that writing to standard
    /// output or error, or reading standard input, fails with an error.
    static func occupyClosedStandardDescriptors() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            let opened = open("/dev/null", (descriptor == 0 ? O_WRONLY : O_RDONLY))
            // open takes the lowest free number, which is this one; anything else is closed again.
            if opened >= 0 && opened != descriptor { close(opened) }
        }
    }

    /// The message for an `errno`, lowercased for leaklint's messages.
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

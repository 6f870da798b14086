#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a source file's contents for `--fix` so that readers (an
/// editor, a build) see the old file or the new one, never half of each:
/// the new bytes go to a temporary file in the same directory, which then
/// takes the file's place with `rename`. The file keeps its permission
/// bits (and its owner, where the process may set it); a symbolic link is
/// followed, so the link stays and its target is rewritten.
enum FileRewriter {
    /// nil on success, else why the file could not be rewritten (it is then unchanged).
    static func replace(_ path: String, with bytes: [UInt8]) -> String? {
        guard let resolved = realpath(path, nil) else { return describe(errno) }
        let target = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(target, &info) == 0 else { return describe(errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return "not a regular file" }

        let directory = target.lastIndex(of: "/").map { String(target[..<$0]) } ?? "."
        let name = target.lastIndex(of: "/").map { String(target[target.index(after: $0)...]) } ?? target
        let temporary = (directory.isEmpty ? "" : directory) + "/.\(name).leaklint-\(getpid()).tmp"
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 && errno == EEXIST {
            // Left by an earlier process with this id that did not finish: no one else writes it.
            unlink(temporary)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        }
        guard descriptor >= 0 else { return describe(errno) }
        func fail(_ code: Int32) -> String {
            close(descriptor)
            unlink(temporary)
            return describe(code)
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(descriptor, base + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return fail(errno)
            }
            written += count
        }
        // Owner first: changing it may clear set-id bits that fchmod then restores.
        _ = fchown(descriptor, info.st_uid, info.st_gid)
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0 else { return fail(errno) }
        guard fsync(descriptor) == 0 else { return fail(errno) }
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            return describe(code)
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            return describe(code)
        }
        return nil
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

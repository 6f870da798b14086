#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a source file's contents for `--fix` so that readers (an
/// editor, a build) see the old file or the new one, never half of each
/// (`AtomicReplacement`). The file keeps its permission bits (and its
/// owner, where the process may set it); a symbolic link is followed, so
/// the link stays and its target is rewritten.
enum FileRewriter {
    /// nil on success, else why the file could not be rewritten (it is then unchanged).
    static func replace(_ path: String, with bytes: [UInt8]) -> String? {
        guard let resolved = realpath(path, nil) else { return describe(errno) }
        let target = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(target, &info) == 0 else { return describe(errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return "not a regular file" }
        let attributes = AtomicReplacement.Attributes(mode: info.st_mode & 0o7777, owner: (info.st_uid, info.st_gid))
        return bytes.withUnsafeBytes { AtomicReplacement.write($0, to: target, keeping: attributes) }
    }

    static func describe(_ code: Int32) -> String {
        DescriptorWriter.describe(code)
    }
}

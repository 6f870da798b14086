#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import FilePaths

/// Puts new contents at a path so that readers (an editor, a build, a CI
/// step) see the old file or the new one, never half of one: the bytes go
/// to a hidden temporary file in the same directory, which then takes the
/// path's place with `rename`. The temporary file is removed if anything
/// fails, and if the process is interrupted meanwhile (`InterruptCleanup`).
///
/// Only for a regular file or a missing path: `rename` replaces whatever
/// the path names, so callers resolve symbolic links and devices first.
enum AtomicReplacement {
    /// What the new file keeps of the one it replaces.
    struct Attributes {
        /// Permission bits (with set-id and sticky bits), else those of a new file.
        var mode: mode_t?
        /// Owner and group, where the process may set them.
        var owner: (uid: uid_t, gid: gid_t)?
    }

    /// The hidden temporary name beside `path`: `dir/.name.leaklint-PID.tmp`.
    static func temporaryPath(for path: String) -> String {
        PathText.join(PathText.directory(of: path), ".\(PathText.lastComponent(of: path)).leaklint-\(getpid()).tmp")
    }

    /// nil on success, else why `path` could not be replaced (it is then unchanged).
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, keeping attributes: Attributes = Attributes()) -> String? {
        let temporary = temporaryPath(for: path)
        // A file that will get a mode of its own is private until then; a new one gets the usual 0666 less the umask.
        let creationMode: mode_t = attributes.mode == nil ? 0o666 : 0o600
        return InterruptCleanup.whileWriting(temporary) {
            var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, creationMode)
            if descriptor < 0 && errno == EEXIST {
                // Left by an earlier process with this id that did not finish: no one else writes it.
                unlink(temporary)
                descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, creationMode)
            }
            guard descriptor >= 0 else { return DescriptorWriter.describe(errno) }
            func fail(_ code: Int32) -> String {
                close(descriptor)
                unlink(temporary)
                return DescriptorWriter.describe(code)
            }
            if let code = DescriptorWriter.writeAll(descriptor, bytes) { return fail(code) }
            // Owner first: changing it may clear set-id bits that fchmod then restores.
            if let owner = attributes.owner { _ = fchown(descriptor, owner.uid, owner.gid) }
            if let mode = attributes.mode, fchmod(descriptor, mode) != 0 { return fail(errno) }
            guard fsync(descriptor) == 0 else { return fail(errno) }
            guard close(descriptor) == 0 else {
                let code = errno
                unlink(temporary)
                return DescriptorWriter.describe(code)
            }
            guard rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                return DescriptorWriter.describe(code)
            }
            return nil
        }
    }
}

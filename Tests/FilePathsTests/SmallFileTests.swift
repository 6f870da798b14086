import FilePaths
import Foundation
import Testing

/// Small files a run depends on are read within a size limit, and every way
/// of not being a readable file is told apart, without blocking or buffering.
@Suite struct SmallFileTests {
    /// A scratch directory, removed when the test ends.
    final class Scratch {
        let root = NSTemporaryDirectory() + "leaklint-small-" + UUID().uuidString
        init() throws { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: root) }
        func path(_ name: String) -> String { root + "/" + name }
    }

    @Test func readsARegularFileUpToTheLimit() throws {
        let scratch = try Scratch()
        try Data("go 1.21\n".utf8).write(to: URL(fileURLWithPath: scratch.path("go.mod")))
        #expect(SmallFile.read(path: scratch.path("go.mod"), limit: 8) == .success(Array("go 1.21\n".utf8)))
        #expect(SmallFile.read(path: scratch.path("go.mod"), limit: 7) == .failure(.tooLarge(size: 8, limit: 7)))
    }

    @Test func aGigabyteFileIsRefusedBeforeAnythingIsRead() throws {
        let scratch = try Scratch()
        let path = scratch.path("go.mod")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 1 << 30) == 0)  // sparse: no disk space, no time
        let result = SmallFile.read(path: path, limit: 16 << 20)
        #expect(result == .failure(.tooLarge(size: 1 << 30, limit: 16 << 20)))
        #expect(SmallFile.Failure.tooLarge(size: 1 << 30, limit: 16 << 20).description
            == "file too large (1073741824 bytes; the limit is 16777216)")
    }

    @Test func specialFilesAreRefusedWithoutBlocking() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.path("fifo"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("null"), withDestinationPath: "/dev/null")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("gone"), withDestinationPath: scratch.path("nowhere"))
        try FileManager.default.createDirectory(atPath: scratch.path("dir"), withIntermediateDirectories: false)
        #expect(SmallFile.read(path: scratch.path("fifo"), limit: 100) == .failure(.notRegularFile))
        #expect(SmallFile.read(path: scratch.path("null"), limit: 100) == .failure(.notRegularFile))
        #expect(SmallFile.read(path: scratch.path("gone"), limit: 100) == .failure(.danglingLink))
        #expect(SmallFile.read(path: scratch.path("dir"), limit: 100) == .failure(.isDirectory))
        #expect(SmallFile.read(path: scratch.path("missing"), limit: 100) == .failure(.missing))
        #expect(SmallFile.read(path: scratch.path("missing/go.mod"), limit: 100) == .failure(.missing))
        #expect(SmallFile.exists(scratch.path("gone")))
        #expect(!SmallFile.exists(scratch.path("missing")))
    }
}

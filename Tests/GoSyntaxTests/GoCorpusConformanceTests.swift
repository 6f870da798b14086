import Foundation
import GoSyntax
import Synchronization
import Testing

// Conformance against Go's own parser: every `.go` file under `$GOROOT/src`
// (testdata included) is parsed by `go/parser`, through the helper program in
// `scripts/goast-sexpr`, and by `GoParser`. The two must accept and reject the
// same files and, where both accept, print the same `sexpr()`.

/// Checks GoParser against go/parser, the reference, on the Go standard library sources.
@Suite(.enabled(if: GoToolchain.isAvailable, "no `go` executable on PATH"))
struct GoCorpusConformance {
    @Test func acceptsAndRejectsTheSameFilesAsGoParser() throws {
        let report = try GoCorpus.report.get()
        let accepted = report.files.filter(\.goAccepts)
        let disagreeing = report.files.filter { $0.goAccepts != ($0.ourErrorCount == 0) }
        print(
            "GoCorpusConformance: \(report.files.count) files, go/parser accepts \(accepted.count), "
                + "rejects \(report.files.count - accepted.count); parsers agree on \(report.files.count - disagreeing.count), "
                + "disagree on \(disagreeing.count)")
        let lines = disagreeing.prefix(20).map { file in
            let path = report.relativePath(file.path)
            if file.goAccepts {
                return "  go accepts, we reject: \(path): \(file.ourFirstError ?? "?") (\(file.ourErrorCount) errors)"
            }
            return "  go rejects, we accept: \(path)"
        }
        #expect(
            disagreeing.count == 0,
            "\(disagreeing.count) files accepted by one parser and rejected by the other:\n\(lines.joined(separator: "\n"))")
    }

    @Test func treesMatchGoParser() throws {
        let report = try GoCorpus.report.get()
        let compared = report.files.filter { $0.goAccepts && $0.ourErrorCount == 0 }
        let mismatched = compared.filter { $0.treeMismatch != nil }
        print(
            "GoCorpusConformance: trees compared for \(compared.count) files accepted by both; "
                + "\(compared.count - mismatched.count) equal, \(mismatched.count) differ")
        let lines = mismatched.prefix(20).map { file in
            let mismatch = file.treeMismatch!
            return """
                  \(report.relativePath(file.path)): first difference at UTF-8 offset \(mismatch.offset)
                    ours: \(mismatch.ours)
                    go:   \(mismatch.go)
                """
        }
        #expect(mismatched.count == 0, "\(mismatched.count) trees differ from go/parser's:\n\(lines.joined(separator: "\n"))")
    }
}

/// Finds the Go toolchain on PATH so the conformance tests can run, or be skipped without one.
enum GoToolchain {
    /// Path of the first executable named `go` on PATH, if any.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = String(directory) + "/go"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }()

    static var isAvailable: Bool { executable != nil }

    /// The environment for `go` commands: the caller's, pinned to the local
    /// toolchain, with a build cache in `scratch` when the default one is not writable.
    static func environment(scratch: URL) throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["GOTOOLCHAIN"] = "local"
        environment["GOWORK"] = "off"
        let cache = try run(["env", "GOCACHE"], environment: environment).trimmingCharacters(in: .whitespacesAndNewlines)
        if !isWritableDirectory(cache) {
            let local = scratch.appendingPathComponent("gocache")
            try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
            environment["GOCACHE"] = local.path
        }
        return environment
    }

    /// Whether a file can be created in directory `path` (created if missing).
    /// Tried for real: permission bits say little when running as root.
    private static func isWritableDirectory(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }  // empty or "off"
        let probe = path + "/.goast-sexpr-probe-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Data().write(to: URL(fileURLWithPath: probe))
            try FileManager.default.removeItem(atPath: probe)
            return true
        } catch {
            return false
        }
    }

    /// Runs `go` with `arguments` and returns its standard output as text.
    static func run(_ arguments: [String], environment: [String: String], directory: URL? = nil) throws -> String {
        let result = try Subprocess.run(executable!, arguments, environment: environment, directory: directory)
        guard result.status == 0 else {
            throw CorpusFailure("go \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.standardError)")
        }
        return String(decoding: result.standardOutput, as: UTF8.self)
    }
}

/// Runs a child process to completion, so the tests can drive `go` and the helper program.
enum Subprocess {
    /// What a finished process produced.
    struct Result {
        var status: Int32
        var standardOutput: Data
        var standardError: String
    }

    /// Standard input comes from `inputFile` (or is empty); standard error
    /// goes to a temporary file so that neither pipe can fill up and block.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], directory: URL? = nil,
        inputFile: URL? = nil
    ) throws -> Result {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("goast-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        process.standardOutput = output
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        process.standardError = errorHandle
        let inputHandle = try inputFile.map { try FileHandle(forReadingFrom: $0) }
        process.standardInput = inputHandle ?? FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        try inputHandle?.close()
        let standardError = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, standardOutput: data, standardError: standardError)
    }
}

/// A setup problem (no GOROOT, build failure...) reported as a test error.
struct CorpusFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// How the two parsers fared on one corpus file.
struct FileOutcome: Sendable {
    var path: String
    var goAccepts: Bool
    var ourErrorCount: Int
    /// `line:column: message` of our first error, if any.
    var ourFirstError: String?
    /// Set when both parsers accept the file and the trees differ.
    var treeMismatch: TreeMismatch?
}

/// Where our S-expression first departs from go/parser's, with context from each side.
struct TreeMismatch: Sendable {
    var offset: Int
    var ours: String
    var go: String
}

/// Both parsers' results on every `.go` file under `$GOROOT/src`.
struct CorpusReport: Sendable {
    var sourceRoot: String
    var files: [FileOutcome]

    func relativePath(_ path: String) -> String {
        path.hasPrefix(sourceRoot + "/") ? String(path.dropFirst(sourceRoot.count + 1)) : path
    }
}

/// Builds the corpus report once per test run; both tests share it.
enum GoCorpus {
    static let report: Result<CorpusReport, CorpusFailure> = {
        do {
            return .success(try makeReport())
        } catch let failure as CorpusFailure {
            return .failure(failure)
        } catch {
            return .failure(CorpusFailure("\(error)"))
        }
    }()

    /// `Tests/GoSyntaxTests/<this file>` -> the package root.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static func makeReport() throws -> CorpusReport {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("goast-sexpr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let environment = try GoToolchain.environment(scratch: scratch)
        let goroot = try GoToolchain.run(["env", "GOROOT"], environment: environment)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !goroot.isEmpty else { throw CorpusFailure("go env GOROOT printed nothing") }
        let sourceRoot = goroot + "/src"
        let paths = try goFiles(under: sourceRoot)
        guard !paths.isEmpty else { throw CorpusFailure("no .go files under \(sourceRoot)") }

        let program = scratch.appendingPathComponent("goast-sexpr")
        _ = try GoToolchain.run(
            ["build", "-o", program.path, "."], environment: environment,
            directory: repositoryRoot.appendingPathComponent("scripts/goast-sexpr"))

        let list = scratch.appendingPathComponent("files.txt")
        try Data(paths.map { $0 + "\n" }.joined().utf8).write(to: list)
        let result = try Subprocess.run(program.path, [], environment: environment, inputFile: list)
        guard result.status == 0 else {
            throw CorpusFailure("goast-sexpr failed (\(result.status)): \(result.standardError)")
        }
        let goLines = try GoOutput(result.standardOutput, paths: paths)

        let files = parallelMap(count: paths.count) { index in
            compare(path: paths[index], go: goLines.line(index))
        }
        return CorpusReport(sourceRoot: sourceRoot, files: files)
    }

    /// Every regular `.go` file below `root`, sorted.
    private static func goFiles(under root: String) throws -> [String] {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(at: rootURL, includingPropertiesForKeys: [.isRegularFileKey])
        else { throw CorpusFailure("cannot list \(root)") }
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "go" {
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                paths.append(url.path)
            }
        }
        return paths.sorted()
    }

    /// Parses one file with `GoParser` and compares it with go/parser's verdict and tree.
    private static func compare(path: String, go: GoOutput.Line) -> FileOutcome {
        let source = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        let tree = GoParser.parse(source)
        var outcome = FileOutcome(path: path, goAccepts: go.accepts, ourErrorCount: tree.errors.count)
        if let first = tree.errors.first {
            let (line, column) = tree.makeLineTable().position(ofOffset: Int(first.offset))
            outcome.ourFirstError = "\(line):\(column): \(first.message)"
        }
        if go.accepts && tree.errors.isEmpty {
            outcome.treeMismatch = firstDifference(ours: tree.sexpr(), go: go.sexpr)
        }
        return outcome
    }

    private static func firstDifference(ours: String, go: String) -> TreeMismatch? {
        var ours = ours
        var go = go
        let offset: Int? = ours.withUTF8 { a in
            go.withUTF8 { b in
                let common = min(a.count, b.count)
                if a.count == b.count && (common == 0 || memcmp(a.baseAddress!, b.baseAddress!, common) == 0) { return nil }
                var index = 0
                while index < common && a[index] == b[index] { index += 1 }
                return index
            }
        }
        guard let offset else { return nil }
        func context(_ text: String) -> String {
            let bytes = Array(text.utf8)
            let start = max(0, offset - 20)
            let end = min(bytes.count, offset + 60)
            let snippet = String(decoding: bytes[min(start, bytes.count)..<end], as: UTF8.self)
            return (start > 0 ? "…" : "") + snippet + (end < bytes.count ? "…" : "")
        }
        return TreeMismatch(offset: offset, ours: context(ours), go: context(go))
    }
}

/// The helper program's output, split into per-file lines without copying it.
struct GoOutput: Sendable {
    /// One file's verdict and, when accepted, its S-expression.
    struct Line {
        var accepts: Bool
        var sexpr: String
    }

    private let data: Data
    /// Per input file: the byte range of the S-expression, or nil when go/parser rejected it.
    private let ranges: [Range<Int>?]

    init(_ data: Data, paths: [String]) throws {
        var ranges: [Range<Int>?] = []
        ranges.reserveCapacity(paths.count)
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                let rest = bytes.count - start
                let newline = memchr(bytes.baseAddress! + start, 0x0A, rest).map {
                    UnsafeRawPointer(bytes.baseAddress!).distance(to: UnsafeRawPointer($0))
                } ?? bytes.count
                let line = start..<newline
                start = newline + 1
                guard ranges.count < paths.count else { throw CorpusFailure("goast-sexpr printed more lines than files") }
                let path = paths[ranges.count]
                let expectedError = "ERR " + path
                let expectedPrefix = "OK " + path + "\t"
                if Self.matches(bytes, line, expectedError) && line.count == expectedError.utf8.count {
                    ranges.append(nil)
                } else if Self.matches(bytes, line, expectedPrefix) {
                    ranges.append((line.lowerBound + expectedPrefix.utf8.count)..<line.upperBound)
                } else {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[line.prefix(200)]), as: UTF8.self)
                    throw CorpusFailure("unexpected goast-sexpr line for \(path): \(text)")
                }
            }
        }
        guard ranges.count == paths.count else {
            throw CorpusFailure("goast-sexpr printed \(ranges.count) lines for \(paths.count) files")
        }
        self.data = data
        self.ranges = ranges
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ prefix: String) -> Bool {
        let utf8 = Array(prefix.utf8)
        guard line.count >= utf8.count else { return false }
        return memcmp(bytes.baseAddress! + line.lowerBound, utf8, utf8.count) == 0
    }

    /// The verdict for the `index`-th file, with the line escapes undone:
    /// `\\` is a backslash, `\n` a newline and `\r` a carriage return.
    func line(_ index: Int) -> Line {
        guard let range = ranges[index] else { return Line(accepts: false, sexpr: "") }
        let sexpr = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String in
            let escaped = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[range])
            guard memchr(escaped.baseAddress!, 0x5C, escaped.count) != nil else {
                return String(decoding: escaped, as: UTF8.self)
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(escaped.count)
            var index = 0
            while index < escaped.count {
                let byte = escaped[index]
                if byte == 0x5C && index + 1 < escaped.count {
                    switch escaped[index + 1] {
                    case UInt8(ascii: "n"): bytes.append(0x0A)
                    case UInt8(ascii: "r"): bytes.append(0x0D)
                    default: bytes.append(escaped[index + 1])
                    }
                    index += 2
                } else {
                    bytes.append(byte)
                    index += 1
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return Line(accepts: true, sexpr: sexpr)
    }
}

/// Maps `body` over `0..<count` on worker threads with a large stack (the
/// parser recurses once per nesting level, which needs room in debug builds)
/// and returns the results in input order.
private func parallelMap<T: Sendable>(count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let storage = ParallelResults<T>(count: count)
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
    let finished = DispatchSemaphore(value: 0)
    for _ in 0..<workers {
        let thread = Thread {
            while true {
                let index = storage.next.add(1, ordering: .relaxed).oldValue
                if index >= count { break }
                storage.store(body(index), at: index)
            }
            finished.signal()
        }
        thread.stackSize = 256 * 1024 * 1024
        thread.start()
    }
    for _ in 0..<workers { finished.wait() }
    return storage.results()
}

/// Result slots each written by one worker and read after all have finished.
private final class ParallelResults<T>: @unchecked Sendable {
    let next = Atomic<Int>(0)
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func results() -> [T] { slots.map { $0! } }
}

import Foundation
import Testing
@testable import LeakLintCommand

/// The pre-commit and CI examples tell users which leaklint release to pin
/// (`rev: v0.1.0`, `ref: v0.1.0`). They must name the release that
/// `leaklint --version` reports, or a copied example pins another one.
@Suite struct VersionReferenceTests {
    /// A place in a file that names a release.
    struct Reference: Equatable, CustomStringConvertible {
        var line: Int
        var text: String
        var description: String { "\(line): \(text)" }
    }

    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // LeakLintCommandTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .path

    /// Files that show how to pin leaklint; each must name the release at least once.
    static let pinningFiles = ["README.md", "Examples/pre-commit/.pre-commit-config.yaml", "Examples/ci/github-actions.yml"]

    /// Every file a release could be named in: the pinning files, the hook
    /// definition and everything in the pre-commit and CI example folders.
    static func scannedFiles() throws -> [String] {
        var files = Set(pinningFiles + [".pre-commit-hooks.yaml"])
        for folder in ["Examples/pre-commit", "Examples/ci"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/" + folder) {
                files.insert(folder + "/" + name)
            }
        }
        return files.sorted()
    }

    /// Every place in `text` that names a release: a `vX.Y.Z` token (not one
    /// after `@`, which versions a GitHub action) and the value of any `rev:` or
    /// `ref:` key, whatever it is. Lines count from 1.
    static func references(in text: String) -> [Reference] {
        var found: [Reference] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(line.utf8)
            var starts = Set<Int>()
            func add(_ start: Int, _ end: Int) {
                guard start < end, starts.insert(start).inserted else { return }
                found.append(Reference(line: index + 1, text: String(decoding: bytes[start..<end], as: UTF8.self)))
            }
            for start in keyValueStarts(bytes) {
                var end = start
                while end < bytes.count, !Array(" \t,}#".utf8).contains(bytes[end]) { end += 1 }
                var from = start
                if end - from >= 2, bytes[from] == bytes[end - 1], bytes[from] == UInt8(ascii: "\"") || bytes[from] == UInt8(ascii: "'") {
                    from += 1
                    end -= 1
                }
                add(from, end)
            }
            for start in bytes.indices where bytes[start] == UInt8(ascii: "v") {
                if start > 0, isWordByte(bytes[start - 1]) || Array("@./-".utf8).contains(bytes[start - 1]) { continue }
                if let end = semanticVersionEnd(bytes, from: start + 1) { add(start, end) }
            }
        }
        return found.sorted { ($0.line, $0.text) < ($1.line, $1.text) }
    }

    /// Where the values of `rev:` and `ref:` keys begin in a line.
    static func keyValueStarts(_ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        for key in ["rev:", "ref:"] {
            let keyBytes = Array(key.utf8)
            var index = 0
            while index + keyBytes.count <= bytes.count {
                let atKey = Array(bytes[index..<(index + keyBytes.count)]) == keyBytes
                if atKey, index == 0 || !isWordByte(bytes[index - 1]) {
                    var value = index + keyBytes.count
                    while value < bytes.count, bytes[value] == UInt8(ascii: " ") || bytes[value] == UInt8(ascii: "\t") { value += 1 }
                    starts.append(value)
                }
                index += 1
            }
        }
        return starts
    }

    /// The end of `N.N.N` (with an optional `-pre.release` suffix) starting at
    /// `start`, or nil when there is none or it runs into more word characters.
    static func semanticVersionEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        for part in 0..<3 {
            let digits = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > digits else { return nil }
            if part < 2 {
                guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return nil }
                index += 1
            }
        }
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "-"), isWordByte(bytes[index + 1]) {
            index += 1
            while index < bytes.count, isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
        }
        if index < bytes.count, isWordByte(bytes[index]) { return nil }
        return index
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    @Test func examplesPinTheReleaseTheBinaryReports() throws {
        let expected = "v" + Command.version
        let files = try VersionReferenceTests.scannedFiles()
        for required in VersionReferenceTests.pinningFiles {
            #expect(files.contains(required), "\(required) is missing")
        }
        var named: Set<String> = []
        for file in files {
            let text = try String(contentsOfFile: VersionReferenceTests.repositoryRoot + "/" + file, encoding: .utf8)
            let references = VersionReferenceTests.references(in: text)
            if !references.isEmpty { named.insert(file) }
            let wrong = references.filter { $0.text != expected }
            #expect(wrong.isEmpty, "\(file) names \(wrong.map { "\(file):\($0)" }) but leaklint --version says \(Command.version)")
        }
        #expect(named.isSuperset(of: VersionReferenceTests.pinningFiles), "no release named in \(Set(VersionReferenceTests.pinningFiles).subtracting(named).sorted())")
    }

    @Test func findsPinnedReleasesButNotOtherVersions() {
        let text = """
            repos:
              - repo: https://github.com/OWNER/leaklint
                rev: v0.2.0    # the tag
              - rev: 'v1.0.0-rc.1'
                with: { repository: OWNER/leaklint, ref: v0.1.0, path: .leaklint }
                ref: main
            # `v0.3.1` are placeholders; SARIF 2.1.0, swift:6.1, go 1.21
            uses: actions/checkout@v4
            uses: github/codeql-action/upload-sarif@v3.1.0
            prev: v9, xref: x, dev0.1.0, v1.2, v1.2.3a
            """
        #expect(VersionReferenceTests.references(in: text) == [
            Reference(line: 3, text: "v0.2.0"),
            Reference(line: 4, text: "v1.0.0-rc.1"),
            Reference(line: 5, text: "v0.1.0"),
            Reference(line: 6, text: "main"),
            Reference(line: 7, text: "v0.3.1"),
        ])
    }
}

import Foundation
import Testing
@testable import LeakLintCommand

/// The hook in `.pre-commit-hooks.yaml`, run the way the pre-commit framework
/// runs it: the `entry` command, then the hook's `args`, then the names of the
/// changed files that pass the `types` filter.
@Suite struct PreCommitHook {
    /// The fields of one hook, read with plain line parsing (no YAML library):
    /// `key: value` lines below `- id: <id>`, up to the next `- id:`.
    struct HookDefinition {
        var fields: [String: String] = [:]

        init(id: String, yaml: String) throws {
            var inside = false
            for rawLine in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
                var line = rawLine.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                if line.hasPrefix("- ") {
                    line.removeFirst(2)
                    if line.hasPrefix("id:") {
                        inside = HookDefinition.value(of: line) == id
                    }
                }
                guard inside, let colon = line.firstIndex(of: ":") else { continue }
                let key = String(line[..<colon])
                fields[key] = HookDefinition.value(of: line)
            }
            guard fields["id"] == id else {
                throw HookError(message: "no hook with id \(id) in .pre-commit-hooks.yaml")
            }
        }

        /// The text after the first `:`, without surrounding quotes.
        static func value(of line: String) -> String {
            guard let colon = line.firstIndex(of: ":") else { return "" }
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "'" || first == "\"", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }

        /// A flow sequence such as `[go]` or `[--go-version, "1.21"]`; a plain scalar is a one-element list.
        static func list(_ text: String?) -> [String] {
            guard let text, !text.isEmpty else { return [] }
            guard text.hasPrefix("["), text.hasSuffix("]") else { return [text] }
            return text.dropFirst().dropLast().split(separator: ",").map { item in
                var element = item.trimmingCharacters(in: .whitespaces)
                if element.count >= 2, let first = element.first, first == "'" || first == "\"", element.last == first {
                    element = String(element.dropFirst().dropLast())
                }
                return element
            }.filter { !$0.isEmpty }
        }

        var entry: [String] { (fields["entry"] ?? "").split(separator: " ").map(String.init) }
        var args: [String] { HookDefinition.list(fields["args"]) }
        var types: [String] { HookDefinition.list(fields["types"]) }
    }

    struct HookError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static var repositoryRoot: URL {
        // Tests/LeakLintCommandTests/PreCommitHookTests.swift -> repository root
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func loadHook() throws -> HookDefinition {
        let file = repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml")
        return try HookDefinition(id: "leaklint", yaml: String(contentsOf: file, encoding: .utf8))
    }

    /// What pre-commit runs: `entry` (its first word is the program, here run
    /// in-process), then `args`, then the changed files matching `types`.
    static func runHook(_ hook: HookDefinition, changedFiles: [String]) -> CommandRun {
        // Only the tag pre-commit's `identify` gives .go files is simulated here.
        #expect(hook.types == ["go"])
        let matching = changedFiles.filter { $0.hasSuffix(".go") }
        let passFilenames = hook.fields["pass_filenames"].map { $0 != "false" } ?? true
        return CommandRun(Array(hook.entry.dropFirst()) + hook.args + (passFilenames ? matching : []))
    }

    /// Declares `fetch`, whose result must be closed, and leaks a response itself.
    static let sibling = """
        package svc

        import "net/http"

        func fetch(u string) (*http.Response, error) { return http.Get(u) }

        func leakInSibling(u string) int {
        	resp, _ := http.Get(u)
        	return resp.StatusCode
        }

        """

    /// Leaks the response returned by the sibling's `fetch`.
    static let leaky = """
        package svc

        func status(u string) int {
        	resp, err := fetch(u)
        	if err != nil {
        		return 0
        	}
        	return resp.StatusCode
        }

        """

    static let clean = """
        package svc

        func closed(u string) (int, error) {
        	resp, err := fetch(u)
        	if err != nil {
        		return 0, err
        	}
        	defer resp.Body.Close()
        	return resp.StatusCode, nil
        }

        """

    @Test func definitionIsTheLeaklintCommandOnGoFiles() throws {
        let hook = try PreCommitHook.loadHook()
        #expect(hook.entry.first == "leaklint")
        #expect(hook.fields["language"] == "swift")
        #expect(hook.fields["types"] == "[go]")
        #expect(hook.types == ["go"])
        #expect(hook.fields["name"]?.isEmpty == false)
        #expect(hook.fields["description"]?.isEmpty == false)
        // Files must be passed: leaklint reports only on the files it is given.
        #expect(hook.fields["pass_filenames"] != "false")
    }

    @Test func reportsOnlyTheChangedFilesAndReadsTheirSiblings() throws {
        let hook = try PreCommitHook.loadHook()
        let tree = try FixtureTree()
        let sibling = try tree.write("svc/client.go", PreCommitHook.sibling)
        let leaky = try tree.write("svc/status.go", PreCommitHook.leaky)
        let clean = try tree.write("svc/closed.go", PreCommitHook.clean)
        let notes = try tree.write("svc/NOTES.md", "not Go\n")

        let run = PreCommitHook.runHook(hook, changedFiles: [notes, leaky, clean])
        #expect(run.status == 1)
        let findings = run.out.split(separator: "\n").filter { !$0.hasPrefix("\t") }.map(String.init)
        // `fetch` is declared in the sibling, which was not passed: it was read for context.
        #expect(findings == [
            "\(leaky):4:15: resp.Body is never closed: the connection cannot be reused; defer resp.Body.Close() after checking the error (unclosed-body)"
        ])
        // The sibling's own leak and the clean file are not reported.
        #expect(!run.out.contains(sibling))
        #expect(!run.out.contains(clean))
        #expect(run.errorLines.first?.hasPrefix("1 finding in 1 file; 2 files checked in ") == true)
    }

    @Test func cleanChangedFileExitsZero() throws {
        let hook = try PreCommitHook.loadHook()
        let tree = try FixtureTree()
        try tree.write("svc/client.go", PreCommitHook.sibling)
        try tree.write("svc/status.go", PreCommitHook.leaky)
        let clean = try tree.write("svc/closed.go", PreCommitHook.clean)

        let run = PreCommitHook.runHook(hook, changedFiles: [clean])
        #expect(run.status == 0)
        #expect(run.out.isEmpty)
        #expect(run.errorLines.first?.hasPrefix("no findings; 1 file checked in ") == true)
    }
}

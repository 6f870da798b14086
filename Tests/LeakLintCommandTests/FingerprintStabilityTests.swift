import Foundation
import Testing

/// A finding's fingerprint, and SARIF's `%SRCROOT%`, depend on the linted
/// tree, never on the directory leaklint is started from: a baseline written
/// at the repository root keeps working in CI jobs that run elsewhere.
@Suite struct FingerprintStability {
    static func fingerprints(_ run: BinaryRun) throws -> [String] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        return findings.compactMap { $0["fingerprint"] as? String }
    }

    /// A repository with two leaky packages, linted three ways.
    static func makeRepository(marker: String) throws -> FixtureTree {
        let tree = try FixtureTree()
        if marker == ".git" {
            try FileManager.default.createDirectory(atPath: tree.path(".git"), withIntermediateDirectories: true)
        } else {
            try tree.write(marker, "module example.com/m\n\ngo 1.21\n")
        }
        try tree.write("svc/leaky.go", LintCommand.leaky)
        try tree.write("svc/inner/more.go", LintCommand.leaky)
        return tree
    }

    @Test(arguments: [".git", "go.mod"])
    func sameFingerprintsFromTheRootASubdirectoryAndByAbsolutePath(marker: String) throws {
        let tree = try Self.makeRepository(marker: marker)
        let fromRoot = try BinaryRun(["--format", "json", "--quiet", "./..."], in: tree.root)
        let fromSubdirectory = try BinaryRun(["--format", "json", "--quiet", "../..."], in: tree.path("svc"))
        let absolute = try BinaryRun(["--format", "json", "--quiet", tree.all], in: "/")
        let expected = try Self.fingerprints(fromRoot)
        #expect(expected.count == 4)
        #expect(try Self.fingerprints(fromSubdirectory) == expected)
        #expect(try Self.fingerprints(absolute) == expected)
        // Printed paths still follow the current directory.
        #expect(fromSubdirectory.out.contains("\"path\" : \"../svc/leaky.go\"") || fromSubdirectory.out.contains("\"path\": \"../svc/leaky.go\""))
    }

    @Test func aBaselineWrittenOneWaySilencesTheOthers() throws {
        let tree = try Self.makeRepository(marker: ".git")
        let baseline = tree.path("leaklint-baseline.sarif")
        let written = try BinaryRun(["--format", "sarif", "--output", baseline, "--quiet", "./..."], in: tree.root)
        #expect(written.status == 1)
        for (arguments, directory) in [(["../..."], tree.path("svc")), ([tree.all], "/"), (["./..."], tree.root)] {
            let run = try BinaryRun(["--baseline", baseline, "--quiet"] + arguments, in: directory)
            #expect(run.status == 0, "\(arguments) in \(directory): \(run.out)")
            #expect(run.out.isEmpty)
        }
        // A new leak is still new.
        try tree.write("svc/inner/new.go", LintCommand.leaky.replacingOccurrences(of: "func price", with: "func cost"))
        let run = try BinaryRun(["--baseline", baseline, "--quiet", "inner"], in: tree.path("svc"))
        #expect(run.status == 1)
        #expect(run.out.hasPrefix("inner/new.go:10:15: "))
    }

    @Test func sarifSourceRootComesFromTheLintedPaths() throws {
        let tree = try Self.makeRepository(marker: ".git")
        let run = try BinaryRun(["--format", "sarif", "--quiet", tree.path("svc/inner")], in: "/")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let sarifRun = try #require((document["runs"] as? [[String: Any]])?.first)
        let base = (sarifRun["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
        #expect(base?["uri"] as? String == "file://" + tree.root + "/")
        let results = try #require(sarifRun["results"] as? [[String: Any]])
        let location = (results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        let artifact = location?["artifactLocation"] as? [String: Any]
        #expect(artifact?["uri"] as? String == "svc/inner/more.go")
        #expect(artifact?["uriBaseId"] as? String == "%SRCROOT%")
    }
}

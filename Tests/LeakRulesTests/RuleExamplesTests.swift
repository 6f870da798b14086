import Foundation
import GoSyntax
import LeakAnalysis
import Testing
@testable import LeakRules

/// Runs every rule over the annotated examples in `Rules/<rule-id>/`: each
/// `// want "regexp"` must be matched by exactly one finding on its line,
/// and no other finding may appear; each `// related "regexp"` must be
/// matched by a related location of a finding on its line. Each folder is also checked with a
/// multi-byte first line (columns must not drift) and with a suppression
/// comment above every expected finding (which must silence it).
@Suite struct RuleExamples {
    static let rulesDirectory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Rules").path
    }()

    static var ruleFolders: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: rulesDirectory)) ?? []).sorted()
    }

    @Test func everyRuleHasAFolderWithReadmeAndExamples() {
        for rule in RuleRegistry.all {
            let folder = RuleExamples.rulesDirectory + "/" + rule.id
            #expect(FileManager.default.fileExists(atPath: folder + "/README.md"), "missing Rules/\(rule.id)/README.md")
            #expect(!ExampleFolder.goFiles(under: folder).isEmpty, "missing examples in Rules/\(rule.id)")
            #expect(!rule.documentation.isEmpty, "documentation of \(rule.id) is not embedded")
            let titleLine = rule.documentation.split(separator: "\n").dropFirst().first { !$0.isEmpty }
            #expect(titleLine.map(String.init) == rule.title, "the README of \(rule.id) must start with its title")
        }
        for folder in RuleExamples.ruleFolders {
            #expect(RuleRegistry.rule(withID: folder) != nil, "Rules/\(folder) names no rule")
        }
    }

    @Test(arguments: RuleRegistry.ids)
    func findingsMatchWantComments(ruleID: String) throws {
        let folder = try ExampleFolder(ruleID: ruleID)
        let outcome = folder.run(transform: { $0 })
        #expect(outcome.expectationCount > 0, "no // want comments in Rules/\(ruleID)")
        #expect(outcome.problems.isEmpty, "\(outcome.problems.joined(separator: "\n"))")
    }

    @Test(arguments: RuleRegistry.ids)
    func columnsDoNotDriftAfterAMultiByteFirstLine(ruleID: String) throws {
        let folder = try ExampleFolder(ruleID: ruleID)
        let plain = folder.findings(transform: { $0 })
        let shifted = folder.findings(transform: { "// ✓ ünïcödé – 日本語 ✓\n" + $0 })
        #expect(plain.count == shifted.count)
        // Messages may cite line numbers ("defined on line N"), which move too.
        func withoutDigits(_ message: String) -> String { message.filter { !$0.isNumber } }
        for (before, after) in zip(plain, shifted) {
            #expect(after.line == before.line + 1 && after.column == before.column
                    && withoutDigits(after.message) == withoutDigits(before.message),
                    "\(before) moved to \(after)")
        }
    }

    @Test(arguments: RuleRegistry.ids.filter { $0 != UnusedSuppressionRule.id })
    func aSuppressionCommentSilencesEveryFinding(ruleID: String) throws {
        let folder = try ExampleFolder(ruleID: ruleID)
        let suppressed = folder.findings(transform: { source in
            // A standalone directive above each line that expects a finding.
            var lines = source.components(separatedBy: "\n")
            var index = 0
            while index < lines.count {
                if lines[index].contains("// want ") {
                    let indentation = lines[index].prefix { $0 == "\t" || $0 == " " }
                    lines.insert(indentation + "//nolint:\(ruleID) // example", at: index)
                    index += 1
                }
                index += 1
            }
            return lines.joined(separator: "\n")
        })
        #expect(suppressed.isEmpty, "still reported: \(suppressed)")
    }
}

/// The Go example packages of one rule, with their `// want` expectations.
struct ExampleFolder {
    struct Finding: CustomStringConvertible {
        var path: String
        var line: Int
        var column: Int
        var ruleID: String
        var message: String
        /// Related locations: path, line and message.
        var related: [(path: String, line: Int, message: String)] = []
        var description: String { "\((path as NSString).lastPathComponent):\(line):\(column): \(message) (\(ruleID))" }
    }

    struct Outcome {
        var expectationCount = 0
        var problems: [String] = []
    }

    let ruleID: String
    let files: [(path: String, source: String)]
    let rules: [Rule]

    init(ruleID: String) throws {
        self.ruleID = ruleID
        let folder = RuleExamples.rulesDirectory + "/" + ruleID
        files = try ExampleFolder.goFiles(under: folder).map { path in
            (path, try String(contentsOfFile: path, encoding: .utf8))
        }
        // unused-suppression judges directives about the other rules.
        rules = ruleID == UnusedSuppressionRule.id
            ? RuleRegistry.all
            : RuleRegistry.all.filter { $0.id == ruleID || $0.id == UnusedSuppressionRule.id }
    }

    static func goFiles(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".go") }.sorted().map { folder + "/" + $0 }
    }

    /// Findings of the folder's rule after `transform` is applied to every file's text.
    func findings(transform: (String) -> String) -> [Finding] {
        let parsed = files.map { file in
            PackageLoader.ParsedFile(path: file.path, tree: GoParser.parse(transform(file.source)), isReported: true)
        }
        var result: [Finding] = []
        for package in PackageLoader.packages(from: parsed, versions: ModuleVersions()) {
            // A folder may carry a .leaklint.json (user-declared resources).
            var configuration = Configuration()
            if let first = package.files.first, let path = Configuration.find(from: (first.path as NSString).deletingLastPathComponent),
                case .success(let loaded) = Configuration.load(path: path, knownRules: RuleRegistry.ids) {
                configuration = loaded
            }
            let linter = Linter(rules: rules, configuration: configuration)
            for diagnostic in linter.lint(package) {
                guard let file = package.files.first(where: { $0.path == diagnostic.path }) else { continue }
                let lines = file.tree.makeLineTable()
                let (line, column) = lines.position(ofOffset: Int(diagnostic.start))
                let related = diagnostic.related.map { location in
                    (path: location.path, line: lines.line(ofOffset: Int(location.start)), message: location.message)
                }
                result.append(Finding(
                    path: diagnostic.path, line: line, column: column, ruleID: diagnostic.ruleID, message: diagnostic.message,
                    related: related))
            }
        }
        // The folder's own rule, and any complaint about suppression comments.
        return result.filter { $0.ruleID == ruleID || $0.ruleID == UnusedSuppressionRule.id }
    }

    /// Compares findings with the `// want` comments.
    func run(transform: (String) -> String) -> Outcome {
        var outcome = Outcome()
        var expectations: [String: [Int: [String]]] = [:]
        var relatedExpectations: [String: [Int: [String]]] = [:]
        for file in files {
            for (index, line) in file.source.components(separatedBy: "\n").enumerated() {
                let patterns = ExampleFolder.wantPatterns(in: line)
                if !patterns.isEmpty {
                    expectations[file.path, default: [:]][index + 1] = patterns
                    outcome.expectationCount += patterns.count
                }
                let related = ExampleFolder.wantPatterns(in: line, marker: "// related ")
                if !related.isEmpty { relatedExpectations[file.path, default: [:]][index + 1] = related }
            }
        }
        let found = findings(transform: transform)
        for (path, lines) in relatedExpectations {
            for (line, patterns) in lines.sorted(by: { $0.key < $1.key }) {
                for pattern in patterns {
                    let matched = found.contains { finding in
                        finding.ruleID == ruleID
                            && finding.related.contains { $0.path == path && $0.line == line && ExampleFolder.matches(pattern, $0.message) }
                    }
                    if !matched {
                        outcome.problems.append("missing related location: \((path as NSString).lastPathComponent):\(line): related \"\(pattern)\"")
                    }
                }
            }
        }
        for finding in found {
            var patterns = expectations[finding.path]?[finding.line] ?? []
            if let matched = patterns.firstIndex(where: { ExampleFolder.matches($0, finding.message) }) {
                patterns.remove(at: matched)
                expectations[finding.path]?[finding.line] = patterns
            } else {
                outcome.problems.append("unexpected finding: \(finding)")
            }
        }
        for (path, lines) in expectations {
            for (line, patterns) in lines.sorted(by: { $0.key < $1.key }) {
                for pattern in patterns {
                    outcome.problems.append("missing finding: \((path as NSString).lastPathComponent):\(line): want \"\(pattern)\"")
                }
            }
        }
        outcome.problems.sort()
        return outcome
    }

    static func matches(_ pattern: String, _ message: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) != nil
    }

    /// The Go-quoted patterns after `// want` (or another marker) on a line.
    static func wantPatterns(in line: String, marker word: String = "// want ") -> [String] {
        guard let marker = line.range(of: word) else { return [] }
        var patterns: [String] = []
        // `// want "a" // related "b"`: each marker's patterns end where the other marker starts.
        var rest = line[marker.upperBound...]
        for other in ["// want ", "// related "] where other != word {
            if let next = rest.range(of: other) { rest = rest[..<next.lowerBound] }
        }
        var characters = Array(rest)
        while let quote = characters.firstIndex(of: "\"") {
            var index = quote + 1
            var pattern = ""
            while index < characters.count && characters[index] != "\"" {
                if characters[index] == "\\" && index + 1 < characters.count {
                    index += 1
                    pattern.append(characters[index] == "n" ? "\n" : characters[index])
                } else {
                    pattern.append(characters[index])
                }
                index += 1
            }
            patterns.append(pattern)
            characters = index + 1 < characters.count ? Array(characters[(index + 1)...]) : []
        }
        return patterns
    }
}

import Foundation
import Testing
@testable import LeakRules

/// `.leaklint.json`: what it declares is parsed exactly, and every kind of
/// mistake is a precise error naming the file and the field.
@Suite struct ConfigurationParsing {
    static func parse(_ json: String) -> Result<Configuration, Configuration.Problem> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else {
            return .failure(Configuration.Problem(path: "x.json", field: "(file)", message: "is not valid JSON"))
        }
        return Configuration.parse(object, path: "x.json", knownRules: RuleRegistry.ids)
    }

    @Test func resourcesAndRuleSettings() throws {
        let result = ConfigurationParsing.parse("""
            {"resources": [{"package": "github.com/acme/pool", "function": "Acquire", "receiver": "*Pool",
                            "release": ["Release", "Close"], "message": "pooled connection never released"},
                           {"package": "github.com/acme/lock", "function": "Take", "release": ["Give"]}],
             "rules": {"defer-in-loop": {"enabled": false}, "unclosed-resource": {"severity": "error"}}}
            """)
        let configuration = try result.get()
        #expect(configuration.resources == [
            .init(package: "github.com/acme/pool", function: "Acquire", receiver: "Pool", release: ["Release", "Close"],
                  message: "pooled connection never released"),
            .init(package: "github.com/acme/lock", function: "Take", receiver: nil, release: ["Give"], message: "the resource leaks"),
        ])
        #expect(configuration.rules["defer-in-loop"] == .init(enabled: false, severity: nil))
        #expect(configuration.rules["unclosed-resource"] == .init(enabled: nil, severity: .error))
        #expect(configuration.resource(package: "github.com/acme/pool", function: "Acquire", receiver: "Pool") != nil)
        #expect(configuration.resource(package: "github.com/acme/pool", function: "Acquire", receiver: nil) == nil)
    }

    @Test(arguments: [
        ("[1, 2]", "x.json: (top level): must be a JSON object"),
        ("{\"resource\": []}", "x.json: resource: unknown field; expected \"resources\", \"rules\" or \"exclude\""),
        ("{\"exclude\": \"gen\"}", "x.json: exclude: must be an array of path patterns, e.g. [\"third_party/**\"]"),
        ("{\"exclude\": [\"\"]}", "x.json: exclude: must be an array of path patterns, e.g. [\"third_party/**\"]"),
        ("{\"resources\": {}}", "x.json: resources: must be an array of objects"),
        ("{\"resources\": [7]}", "x.json: resources[0]: must be an object"),
        ("{\"resources\": [{\"function\": \"F\", \"release\": [\"R\"]}]}",
         "x.json: resources[0].package: is required: the import path, e.g. \"github.com/acme/pool\""),
        ("{\"resources\": [{\"package\": \"p\", \"release\": [\"R\"]}]}",
         "x.json: resources[0].function: is required: the function or method that acquires the resource"),
        ("{\"resources\": [{\"package\": \"p\", \"function\": \"F\", \"release\": []}]}",
         "x.json: resources[0].release: is required: a non-empty array of method names, e.g. [\"Release\"]"),
        ("{\"resources\": [{\"package\": \"p\", \"function\": \"F\", \"release\": [\"R\"], \"colour\": 1}]}",
         "x.json: resources[0].colour: unknown field"),
        ("{\"resources\": [{\"package\": \"p\", \"function\": \"F\", \"release\": [\"R\"], \"receiver\": \"\"}]}",
         "x.json: resources[0].receiver: must be a type name such as \"*Pool\""),
        ("{\"rules\": {\"lost-cancle\": {\"enabled\": false}}}", "x.json: rules.lost-cancle: unknown rule; 'leaklint rules' lists them"),
        ("{\"rules\": {\"lost-cancel\": {\"severity\": \"fatal\"}}}",
         "x.json: rules.lost-cancel.severity: must be \"error\", \"warning\" or \"note\""),
        ("{\"rules\": {\"lost-cancel\": {\"enabled\": \"no\"}}}", "x.json: rules.lost-cancel.enabled: must be true or false"),
        ("{\"rules\": {\"lost-cancel\": {\"on\": true}}}",
         "x.json: rules.lost-cancel.on: unknown field; expected \"enabled\" or \"severity\""),
        ("{\"rules\": []}", "x.json: rules: must be an object keyed by rule id"),
    ])
    func malformedConfigurationsAreExplained(json: String, message: String) {
        guard case .failure(let problem) = ConfigurationParsing.parse(json) else {
            Issue.record("accepted: \(json)")
            return
        }
        #expect(problem.description == message)
    }

    @Test func unreadableAndInvalidFiles() throws {
        let directory = NSTemporaryDirectory() + "leaklint-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory + "/a/b", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/.leaklint.json"
        try "{ not json".write(toFile: path, atomically: true, encoding: .utf8)
        guard case .failure(let problem) = Configuration.load(path: path, knownRules: RuleRegistry.ids) else {
            Issue.record("invalid JSON accepted")
            return
        }
        #expect(problem.description == "\(path): (file): is not valid JSON")
        #expect(Configuration.find(from: directory + "/a/b") == path)
        guard case .failure(let missing) = Configuration.load(path: directory + "/none.json", knownRules: []) else {
            Issue.record("missing file accepted")
            return
        }
        #expect(missing.description == "\(directory)/none.json: (file): cannot be read: no such file or directory")
    }

    @Test func resourcesAreFoundByPackageReceiverAndFunctionTheFirstDeclarationWinning() throws {
        var configuration = try ConfigurationParsing.parse("""
            {"resources": [{"package": "a/pool", "function": "Get", "receiver": "*Pool", "release": ["Put"], "message": "first"},
                           {"package": "a/pool", "function": "Get", "receiver": "Pool", "release": ["Free"], "message": "second"},
                           {"package": "a/pool", "function": "Get", "release": ["Close"], "message": "function"}]}
            """).get()
        #expect(configuration.resource(package: "a/pool", function: "Get", receiver: "Pool")?.message == "first")
        #expect(configuration.resource(package: "a/pool", function: "Get", receiver: nil)?.message == "function")
        #expect(configuration.resource(package: "a/pool", function: "Put", receiver: "Pool") == nil)
        #expect(configuration.resource(package: "b/pool", function: "Get", receiver: nil) == nil)
        configuration.resources.append(Configuration.CustomResource(
            package: "b/pool", function: "Get", receiver: nil, release: ["Close"], message: "added"))
        #expect(configuration.resource(package: "b/pool", function: "Get", receiver: nil)?.message == "added")
    }

    @Test func byteOrderMarkAndCRLFLineEndingsAreAccepted() throws {
        let directory = NSTemporaryDirectory() + "leaklint-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/.leaklint.json"
        let text = "{\r\n  \"rules\": {\"defer-in-loop\": {\"enabled\": false}},\r\n  \"exclude\": [\"gen/**\"]\r\n}\r\n"
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: path))
        let configuration = try Configuration.load(path: path, knownRules: RuleRegistry.ids).get()
        #expect(configuration.rules["defer-in-loop"] == Configuration.RuleSettings(enabled: false, severity: nil))
        #expect(configuration.exclude == ["gen/**"])
    }

    @Test func aDanglingLinkIsFoundAndSaysSoInsteadOfBeingSkipped() throws {
        let directory = NSTemporaryDirectory() + "leaklint-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory + "/a", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "{}".write(toFile: directory + "/.leaklint.json", atomically: true, encoding: .utf8)
        let link = directory + "/a/.leaklint.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory + "/a/moved.json")
        #expect(Configuration.find(from: directory + "/a") == link)
        guard case .failure(let problem) = Configuration.load(path: link, knownRules: RuleRegistry.ids) else {
            Issue.record("a dangling link was read")
            return
        }
        #expect(problem.description == "\(link): (file): cannot be read: dangling symbolic link")
    }

    @Test func aFileOverTheSizeLimitIsRefusedUnread() throws {
        let directory = NSTemporaryDirectory() + "leaklint-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/.leaklint.json"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(Configuration.maxFileSize + 1)) == 0)
        guard case .failure(let problem) = Configuration.load(path: path, knownRules: RuleRegistry.ids) else {
            Issue.record("an oversized file was read")
            return
        }
        #expect(problem.description == "\(path): (file): cannot be read: file too large (1048577 bytes; the limit is 1048576)")
    }

    @Test func severityOverridesChangeTheRulesTheLinterRuns() throws {
        let configuration = try ConfigurationParsing.parse("{\"rules\": {\"lost-cancel\": {\"severity\": \"error\"}}}").get()
        let linter = Linter(rules: RuleRegistry.all, configuration: configuration)
        #expect(linter.rules.first { $0.id == "lost-cancel" }?.severity == .error)
        #expect(linter.rules.first { $0.id == "unclosed-body" }?.severity == .warning)
    }
}

import Foundation
import Testing

/// The Go code in `Rules/` and `Examples/` must be real Go: gofmt-clean and
/// accepted by `go vet` (with vet's own leak checks off, since the examples
/// leak on purpose). Runs only where a Go toolchain is on PATH.
@Suite(.enabled(if: GoCommand.executable != nil, "no `go` executable on PATH"))
struct GoExamplesCompile {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Every folder holding a go.mod below Rules/ and Examples/.
    static var modules: [String] {
        var result: [String] = []
        for top in ["Rules", "Examples"] {
            let base = repositoryRoot + "/" + top
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            for case let path as String in enumerator where path.hasSuffix("go.mod") {
                result.append(base + "/" + (path as NSString).deletingLastPathComponent)
            }
        }
        return result.sorted()
    }

    @Test func everyModuleIsGofmtCleanAndPassesVet() throws {
        let go = try #require(GoCommand.executable)
        let modules = GoExamplesCompile.modules
        #expect(modules.count >= 6)
        let root = try GoCommand.run(go, ["env", "GOROOT"], in: GoExamplesCompile.repositoryRoot).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for module in modules {
            let format = try GoCommand.run(root + "/bin/gofmt", ["-l", "."], in: module)
            #expect(format.status == 0 && format.output.isEmpty, "gofmt -l in \(module): \(format.output)")
            let vet = try GoCommand.run(go, ["vet", "-lostcancel=false", "-loopclosure=false", "./..."], in: module)
            #expect(vet.status == 0, "go vet in \(module): \(vet.output)")
        }
    }
}

/// Finds and runs the Go toolchain for the example checks.
enum GoCommand {
    static let executable: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = String(directory) + "/go"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static func run(_ executable: String, _ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GOTOOLCHAIN"] = "local"
        environment["GOWORK"] = "off"
        environment["GOFLAGS"] = "-mod=mod"
        if environment["GOCACHE"] == nil && environment["HOME"] == nil {
            environment["GOCACHE"] = NSTemporaryDirectory() + "leaklint-gocache"
        }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

import FilePaths
import Foundation
import GoSyntax
import LeakAnalysis
import LeakReporters
import LeakRules

/// The `leaklint` command: turns arguments into work for the parser and
/// prints what it found. Contains no analysis of its own.
public enum Command {
    public static var version: String { ToolInfo.version }

    /// Bytes as text for a message, invalid UTF-8 written as `\xNN` and
    /// control characters escaped (see `PrintableText`).
    public static func escaped(_ bytes: [UInt8]) -> String { PrintableText.escaped(FileDiscovery.escaped(bytes)) }

    /// Makes the process safe to run in before `run`: a closed standard
    /// descriptor is occupied (so no file opened later takes its number),
    /// exceeding the file size limit fails a write instead of killing the
    /// process (SIGXFSZ), an interrupted run removes the temporary file of
    /// an unfinished atomic write (`InterruptCleanup`), and memory is
    /// allocated to suit an address-space limit (`ParallelMap`).
    public static func prepareProcess() {
        DescriptorWriter.occupyClosedStandardDescriptors()
        ParallelMap.adaptToAddressSpaceLimit()
        signal(SIGXFSZ, SIG_IGN)
        InterruptCleanup.install()
    }

    /// Runs the command and returns the process exit status. `standardInput`
    /// supplies the bytes of standard input (tests pass their own). A write
    /// to standard output or error that failed makes the status 2.
    public static func run(
        arguments: [String], output: OutputSink = .standard,
        standardInput: @escaping SourceReader.StandardInput = SourceReader.readStandardInput
    ) -> Int32 {
        output.finish(runMode(arguments: arguments, output: output, standardInput: standardInput))
    }

    static func runMode(arguments: [String], output: OutputSink, standardInput: @escaping SourceReader.StandardInput) -> Int32 {
        let options: Options
        switch Options.parse(arguments) {
        case .success(let parsed): options = parsed
        case .failure(let error):
            output.errorLine("leaklint: \(error.message)")
            output.error("run 'leaklint --help' for usage")
            return 2
        }
        switch options.mode {
        case .help:
            output.out(Options.usage)
            return 0
        case .version:
            output.out("leaklint \(version)")
            return 0
        case .dumpAST(let path):
            return dumpAST(path: path, output: output, standardInput: standardInput)
        case .parseOnly:
            return check(options: options, output: output, standardInput: standardInput)
        case .lint:
            return lint(options: options, output: output, standardInput: standardInput)
        case .listRules:
            output.out(RuleCatalog.table())
            return 0
        case .explain(let id):
            guard let rule = RuleRegistry.rule(withID: id) else {
                output.errorLine("leaklint: \(RuleCatalog.unknownRuleMessage(id))")
                return 2
            }
            output.out(MarkdownText.render(rule.documentation), terminator: "")
            return 0
        }
    }

    static func dumpAST(path: String, output: OutputSink, standardInput: SourceReader.StandardInput) -> Int32 {
        var source: [UInt8]?
        if path == "-" {
            switch standardInput() {
            case .success(let bytes): source = bytes
            case .failure(let failure):
                output.error("leaklint: cannot read standard input: \(failure)")
                return 2
            }
        }
        let file = LoadedFile.load(path: path, isReported: true, source: source)
        if let tree = file.tree { output.out(tree.dump(), terminator: "") }
        for error in file.errors { output.error(error.text) }
        return file.errors.isEmpty ? 0 : 2
    }

    /// The rules selected by `--enable` / `--disable`, or a usage error naming an unknown id.
    static func selectedRules(_ options: Options, configuration: Configuration = Configuration()) -> Result<[Rule], Options.UsageError> {
        for id in options.enabledRules + options.disabledRules where RuleRegistry.rule(withID: id) == nil {
            return .failure(Options.UsageError(message: RuleCatalog.unknownRuleMessage(id)))
        }
        // The configuration switches rules off (or back on); command-line flags have the last word.
        var rules = RuleRegistry.all.filter { configuration.rules[$0.id]?.enabled ?? true }
        if !options.enabledRules.isEmpty { rules = RuleRegistry.all }
        if !options.enabledRules.isEmpty { rules = rules.filter { options.enabledRules.contains($0.id) } }
        return .success(rules.filter { !options.disabledRules.contains($0.id) })
    }

    static func readPathList(
        _ source: String, standardInput: SourceReader.StandardInput = SourceReader.readStandardInput
    ) -> Result<[String], Options.UsageError> {
        let bytes: [UInt8]
        if source == "-" {
            switch standardInput() {
            case .success(let read): bytes = read
            case .failure(let failure): return .failure(Options.UsageError(message: "--files-from -: cannot read standard input: \(failure)"))
            }
        } else {
            switch SourceReader.read(path: source) {
            case .success(let read): bytes = read
            case .failure(let failure): return .failure(Options.UsageError(message: "\(source): \(failure)"))
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return .success(text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { String($0) }.filter { !$0.isEmpty })
    }
}

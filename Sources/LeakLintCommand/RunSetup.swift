import FilePaths
import Foundation
import LeakAnalysis
import LeakRules

/// What a lint or a parse works on, settled before any file is read: the
/// current directory, the project configuration, and the files selected by
/// the path arguments, `--files-from`, `--tests`, `--exclude` and the
/// configuration's `exclude`. Every usage problem found here ends the run
/// with exit status 2 before any work starts.
struct RunSetup {
    var workingDirectory: String
    /// false when the current directory could not be determined (it was
    /// deleted): the run then works on absolute paths only, printed as given.
    var knowsWorkingDirectory = true
    var configuration = Configuration()
    var discovery: FileDiscovery
    let roots: RepositoryRoots
    /// The paths came only from `--files-from`, and it listed none.
    var listedNothing = false

    /// Prints what is wrong and returns nil, or the settled run.
    static func prepare(_ options: Options, output: OutputSink, standardInput: SourceReader.StandardInput) -> RunSetup? {
        func fail(_ message: String) -> RunSetup? {
            output.errorLine("leaklint: \(message)")
            return nil
        }
        var workingDirectory = "/"
        var unknownDirectory: WorkingDirectoryError?
        switch WorkingDirectory.current() {
        case .success(let directory): workingDirectory = directory
        case .failure(let error):
            // Absolute paths do not need it.
            if let need = needForWorkingDirectory(options) { return fail("\(error.description); \(need)") }
            unknownDirectory = error
        }
        if options.standardInputPath != nil && options.filesFrom == "-" {
            return fail("--stdin-filename and --files-from - both need standard input; pass the paths in a file instead")
        }
        if let problem = missingInputs(options) { return fail(problem) }

        var setup = RunSetup(workingDirectory: workingDirectory, discovery: FileDiscovery(), roots: RepositoryRoots())
        setup.knowsWorkingDirectory = unknownDirectory == nil
        var configurationDirectory: String?
        let configurationPath = options.configPath
            ?? Configuration.find(from: PathText.absolute(configurationSearchStart(options), from: workingDirectory))
        if let path = configurationPath {
            switch Configuration.load(path: path, knownRules: RuleRegistry.ids) {
            case .success(let loaded): setup.configuration = loaded
            case .failure(let problem): return fail(problem.description)
            }
            configurationDirectory = PathText.directory(of: PathText.absolute(path, from: workingDirectory))
        }
        var selection = FileDiscovery.Selection(includeTests: options.includeTests)
        selection.exclusions = options.excludePatterns.map { FileDiscovery.Exclusion(pattern: PathPattern($0), base: nil) }
        if let base = configurationDirectory {
            selection.exclusions += setup.configuration.exclude.map { FileDiscovery.Exclusion(pattern: PathPattern($0), base: base) }
        }
        setup.discovery = FileDiscovery(selection: selection, workingDirectory: workingDirectory, roots: setup.roots)

        var arguments = options.paths
        if let listFile = options.filesFrom {
            switch Command.readPathList(listFile, standardInput: standardInput) {
            case .success(let listed): arguments += listed
            case .failure(let problem): return fail(problem.message)
            }
            if let unknownDirectory, let relative = arguments.first(where: { !PathText.isAbsolute($0) }) {
                return fail("\(unknownDirectory.description); it is needed for the relative path \(relative) (use absolute paths)")
            }
            setup.listedNothing = arguments.isEmpty
        }
        if arguments.isEmpty && options.filesFrom == nil && options.standardInputPath == nil { arguments = ["./..."] }
        for argument in arguments { setup.discovery.add(argument: argument) }
        return setup
    }

    /// Why a run with these options needs the current directory, or nil
    /// when every path it is given is absolute.
    static func needForWorkingDirectory(_ options: Options) -> String? {
        if options.paths.isEmpty && options.filesFrom == nil && options.standardInputPath == nil {
            return "name the files to lint with absolute paths"
        }
        let named = options.paths + [
            options.filesFrom == "-" ? nil : options.filesFrom, options.standardInputPath, options.configPath, options.baseline,
            options.output, options.writeBaseline,
        ].compactMap { $0 }
        guard let relative = named.first(where: { !PathText.isAbsolute($0) }) else { return nil }
        return "it is needed for the relative path \(relative) (use absolute paths)"
    }

    /// Files and folders the options name that must exist before anything is read.
    static func missingInputs(_ options: Options) -> String? {
        for (flag, path) in [("--config", options.configPath), ("--baseline", options.baseline)] {
            guard let path else { continue }
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                return "\(flag): no such file: \(path)"
            }
            if isDirectory.boolValue { return "\(flag): is a directory, not a file: \(path)" }
        }
        for (flag, output) in [("--output", options.output), ("--write-baseline", options.writeBaseline)] {
            guard let path = output else { continue }
            let directory = PathText.directory(of: path)
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
                return "\(flag): no such directory: \(directory)/"
            }
            if path.hasSuffix("/") || PathText.lastComponent(of: path) == "." || PathText.lastComponent(of: path) == ".." {
                return "\(flag) needs a file name, not a directory: \(path)"
            }
        }
        return nil
    }

    /// Where to look for `.leaklint.json`: the directory of the first path
    /// argument (or of the buffer given on standard input), else the current directory.
    static func configurationSearchStart(_ options: Options) -> String {
        var path = options.standardInputPath ?? options.paths.first ?? "."
        if path.hasSuffix("/...") { path = String(path.dropLast(4)) }
        if path.isEmpty { return "/" }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return path }
        return PathText.directory(of: path)
    }

    /// A path as printed: relative to the current directory when below it,
    /// as people and editors expect; otherwise as given.
    func display(_ path: String) -> String {
        displayPath(path)
    }

    /// `display`, as a function worker threads can call.
    var displayPath: @Sendable (String) -> String {
        guard knowsWorkingDirectory else { return { $0 } }
        let workingDirectory = workingDirectory
        return { DisplayPath.relative($0, to: workingDirectory) }
    }

    /// What a run that selected no file should say, and its exit status.
    func nothingSelected() -> (message: String, status: Int32) {
        if listedNothing { return ("no paths listed; nothing to lint", 0) }
        let files = discovery.excludedCount
        let folders = discovery.excludedFolderCount
        if files + folders > 0 {
            var parts: [String] = []
            if files > 0 { parts.append("\(files) \(files == 1 ? "file" : "files")") }
            if folders > 0 { parts.append("\(folders) \(folders == 1 ? "folder" : "folders")") }
            return ("no Go files left to lint: \(parts.joined(separator: " and ")) left out by --tests or an exclude pattern", 0)
        }
        return ("no Go files matched", 2)
    }
}

/// How paths are printed: relative to the current directory when below it,
/// as people and editors expect; otherwise as given.
enum DisplayPath {
    static func relative(_ path: String, to currentDirectory: String) -> String {
        guard PathText.isAbsolute(path), let relative = PathText.relative(path, inside: currentDirectory), relative != "." else {
            return path
        }
        return relative
    }
}

/// The `--stats` line: files, bytes, lines, wall time, throughput, jobs.
enum Statistics {
    static func line(files: Int, bytes: Int, lines: Int, since started: Date, jobs: Int) -> String {
        let seconds = Date().timeIntervalSince(started)
        let megabytes = Double(bytes) / 1_000_000
        let rate = seconds > 0 ? megabytes / seconds : 0
        return String(format: "%d files, %d bytes, %d lines in %.3fs (%.1f MB/s, %d jobs)", files, bytes, lines, seconds, rate, jobs)
    }
}

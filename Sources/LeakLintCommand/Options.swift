import Foundation

/// The command-line options, parsed from the argument list.
///
/// Parsing never exits the process: a bad argument becomes a `UsageError`
/// that the command prints with a hint, exiting with status 2.
public struct Options: Equatable {
    public enum Mode: Equatable {
        case lint
        case parseOnly
        case dumpAST(String)
        case help
        case version
        /// `leaklint rules`: the table of rules.
        case listRules
        /// `leaklint explain RULE`: a rule's documentation.
        case explain(String)
    }

    public enum Format: String, Equatable, CaseIterable {
        case text, json, sarif
    }

    public var mode: Mode = .lint
    public var paths: [String] = []
    public var filesFrom: String?
    public var jobs: Int = ParallelMap.defaultJobs
    public var stats = false
    /// `--go-version 1.N`: overrides go.mod and build constraints.
    public var goVersion: String?
    public var enabledRules: [String] = []
    public var disabledRules: [String] = []
    public var format: Format = .text
    /// Write the report here (atomically) instead of standard output.
    public var output: String?
    /// No summary line on standard error.
    public var quiet = false
    /// The lowest severity that makes the exit status 1.
    public var failLevel: String = "warning"
    /// An earlier JSON or SARIF report whose findings are not reported again.
    public var baseline: String?
    /// `--write-baseline FILE`: write the current findings there as the next baseline; exit 0 unless there are errors.
    public var writeBaseline: String?
    /// Lint standard input as if it were this file.
    public var standardInputPath: String?
    /// `--config FILE`: the project configuration, instead of the nearest `.leaklint.json`.
    public var configPath: String?
    /// `--tests=false` leaves `_test.go` files out.
    public var includeTests = true
    /// `--include-generated` lints files marked `// Code generated ... DO NOT EDIT.` found in a walk.
    public var includeGenerated = false
    /// `--exclude PATTERN`: paths to leave out, relative to the repository root.
    public var excludePatterns: [String] = []
    /// `--fix`: apply the suggested fixes to the files.
    public var fix = false
    /// `--diff`: print the suggested fixes as a unified diff instead of the report.
    public var diff = false

    public struct UsageError: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    static let knownFlags = [
        "--parse-only", "--stats", "--jobs", "--files-from", "--dump-ast", "--help", "--version", "--go-version",
        "--enable", "--disable", "--format", "--output", "--quiet", "--fail-level", "--baseline", "--stdin-filename", "--config",
        "--tests", "--include-generated", "--exclude", "--write-baseline", "--fix", "--diff",
    ]

    /// Words that are commands, not paths (a directory of the same name is written `./rules`).
    static let subcommands = ["rules", "explain", "help"]

    public static func parse(_ arguments: [String]) -> Result<Options, UsageError> {
        var options = Options()
        var index = 0
        if let first = arguments.first, subcommands.contains(first) {
            if first == "help" {
                guard arguments.count == 1 else { return .failure(UsageError(message: "'leaklint help' takes no arguments")) }
                options.mode = .help
                return .success(options)
            }
            if first == "rules" {
                guard arguments.count == 1 else { return .failure(UsageError(message: "'leaklint rules' takes no arguments")) }
                options.mode = .listRules
                return .success(options)
            }
            guard arguments.count == 2 else {
                return .failure(UsageError(message: "usage: leaklint explain RULE (see 'leaklint rules')"))
            }
            options.mode = .explain(arguments[1])
            return .success(options)
        }
        var flagsEnded = false
        while index < arguments.count {
            var argument = arguments[index]
            if flagsEnded {
                options.paths.append(argument)
                index += 1
                continue
            }
            if argument == "--" {
                flagsEnded = true
                index += 1
                continue
            }
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                inlineValue = String(argument[argument.index(after: equals)...])
                argument = String(argument[..<equals])
            }
            if argument == "--tests" {
                guard let value = Options.boolean(inlineValue ?? "true") else {
                    return .failure(UsageError(message: "--tests takes true or false, as in --tests=false, not '\(inlineValue ?? "")'"))
                }
                options.includeTests = value
                index += 1
                continue
            }
            // A flag that takes a value gets it here, from `--flag=value` or the next argument.
            var text = ""
            if let missing = missingValueMessage(for: argument) {
                if let inline = inlineValue {
                    text = inline
                } else if index + 1 < arguments.count {
                    index += 1
                    text = arguments[index]
                } else {
                    return .failure(UsageError(message: missing))
                }
            }
            switch argument {
            case "--parse-only":
                options.mode = .parseOnly
            case "--stats":
                options.stats = true
            case "-h", "--help":
                options.mode = .help
            case "--version":
                options.mode = .version
            case "-j", "--jobs":
                guard let jobs = Int(text), jobs > 0, jobs <= 1024 else {
                    return .failure(UsageError(message: "\(argument) needs a number between 1 and 1024, not '\(text)'"))
                }
                options.jobs = jobs
            case "--files-from":
                options.filesFrom = text
            case "--go-version":
                guard Options.isLanguageVersion(text) else {
                    return .failure(UsageError(message: "--go-version needs a language version such as 1.21 or go1.21, not '\(text)'"))
                }
                options.goVersion = text
            case "--enable", "--disable":
                let ids = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if argument == "--enable" { options.enabledRules += ids } else { options.disabledRules += ids }
            case "--format":
                guard let format = Format(rawValue: text) else {
                    var message = "unknown format '\(text)': use text, json or sarif"
                    if let suggestion = Suggestion.closest(to: text, among: Format.allCases.map(\.rawValue)) {
                        message += " (did you mean \(suggestion)?)"
                    }
                    return .failure(UsageError(message: message))
                }
                options.format = format
            case "-o", "--output":
                options.output = text
            case "-q", "--quiet":
                options.quiet = true
            case "--fail-level":
                guard ["error", "warning", "note"].contains(text) else {
                    return .failure(UsageError(message: "--fail-level needs one of error, warning, note"))
                }
                options.failLevel = text
            case "--baseline":
                options.baseline = text
            case "--write-baseline":
                options.writeBaseline = text
            case "--config":
                options.configPath = text
            case "--stdin-filename":
                options.standardInputPath = text
            case "--dump-ast":
                options.mode = .dumpAST(text)
            case "--include-generated":
                options.includeGenerated = true
            case "--exclude":
                options.excludePatterns.append(text)
            case "--fix":
                options.fix = true
            case "--diff":
                options.diff = true
            default:
                if argument.hasPrefix("-") && argument != "-" {
                    return .failure(UsageError(message: unknownFlagMessage(arguments[index])))
                }
                if argument == "..." {
                    return .failure(UsageError(message: "'...' is not a path: write ./... for the packages below the current directory"))
                }
                options.paths.append(argument)
            }
            index += 1
        }
        if let problem = FixMode.usageProblem(fix: options.fix, diff: options.diff, standardInput: options.standardInputPath != nil) {
            return .failure(UsageError(message: problem))
        }
        if options.mode == .parseOnly, let problem = parseOnlyProblem(options) {
            return .failure(UsageError(message: problem))
        }
        return .success(options)
    }

    /// A flag that `--parse-only` would have to ignore, named: it parses and
    /// reports syntax errors, nothing else. `--output` needs a report to
    /// write, which only `--format json` and `sarif` make of syntax errors.
    static func parseOnlyProblem(_ options: Options) -> String? {
        let lintOnly: [(String, Bool)] = [
            ("--fix", options.fix), ("--diff", options.diff), ("--baseline", options.baseline != nil),
            ("--write-baseline", options.writeBaseline != nil), ("--enable", !options.enabledRules.isEmpty),
            ("--disable", !options.disabledRules.isEmpty), ("--go-version", options.goVersion != nil),
            ("--fail-level", options.failLevel != "warning"), ("--stdin-filename", options.standardInputPath != nil),
        ]
        if let flag = lintOnly.first(where: { $0.1 })?.0 {
            return "\(flag) cannot be used with --parse-only, which only parses (drop --parse-only to lint)"
        }
        if options.output != nil && options.format == .text {
            return "--parse-only --output needs --format json or sarif: in text form, syntax errors go to standard error"
        }
        return nil
    }

    /// `unknown flag -x`, with the flag meant when it is a near miss, a
    /// go-vet-style single-dash long flag (`-fix`, `-json`), or a file name
    /// starting with a dash.
    static func unknownFlagMessage(_ argument: String) -> String {
        var message = "unknown flag \(argument)"
        let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
        if !name.hasPrefix("--") && name.count > 2 {
            let doubled = "-" + name
            if knownFlags.contains(doubled) { return message + " (did you mean \(doubled)? long flags take two dashes)" }
            if let format = Format(rawValue: String(name.dropFirst())) { return message + " (did you mean --format \(format.rawValue)?)" }
        }
        if let suggestion = Suggestion.closest(to: name, among: knownFlags) {
            message += " (did you mean \(suggestion)?)"
        } else if name.hasSuffix(".go") {
            message += " (to lint a file whose name starts with -, write ./\(argument) or put -- before it)"
        }
        return message
    }

    /// `true`/`false` as Go's flag package spells them.
    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true", "1", "t", "T", "TRUE", "True": return true
        case "false", "0", "f", "F", "FALSE", "False": return false
        default: return nil
        }
    }

    /// `1.N` or `go1.N`, nothing else.
    static func isLanguageVersion(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.hasPrefix("go") { rest = rest.dropFirst(2) }
        guard rest.hasPrefix("1.") else { return false }
        let minor = rest.dropFirst(2)
        return !minor.isEmpty && minor.count <= 4 && minor.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// For flags that take a value, what to say when it is missing; nil for the others.
    static func missingValueMessage(for flag: String) -> String? {
        switch flag {
        case "-j", "--jobs": return "\(flag) needs a number, e.g. --jobs 4"
        case "--files-from": return "--files-from needs a file name, or - for standard input"
        case "--go-version": return "--go-version needs a version, e.g. --go-version 1.21"
        case "--enable", "--disable": return "\(flag) needs rule ids, e.g. \(flag) lost-cancel,unclosed-body"
        case "--format": return "--format needs one of text, json, sarif"
        case "-o", "--output": return "--output needs a file name"
        case "--fail-level": return "--fail-level needs one of error, warning, note"
        case "--baseline": return "--baseline needs an earlier JSON or SARIF report"
        case "--write-baseline": return "--write-baseline needs a file name (.sarif for SARIF, else JSON)"
        case "--config": return "--config needs a .leaklint.json file"
        case "--stdin-filename": return "--stdin-filename needs the path the source on standard input belongs to"
        case "--dump-ast": return "--dump-ast needs a Go file name"
        case "--exclude": return "--exclude needs a path pattern, e.g. --exclude 'third_party/**'"
        default: return nil
        }
    }

    public static let usage = """
        usage: leaklint [flags] [PATH...]
               leaklint rules              list the rules
               leaklint explain RULE       show a rule's documentation
               leaklint help               show this help

        Finds resource leaks in Go source code. Paths follow the go command:
        DIR is the package in that directory, DIR/... the packages below it
        (skipping vendor, testdata and folders starting with . or _), FILE.go
        one file (the other files of its package are read for context). The
        default is ./... Generated files (// Code generated ... DO NOT EDIT.)
        and //go:build ignore programs are skipped unless named explicitly.

        flags:
          --format FORMAT     text (default), json or sarif
          -o, --output FILE   write the report to FILE (atomically) instead of standard output
          -q, --quiet         no summary line on standard error
          --fail-level LEVEL  exit 1 only for findings at or above error, warning (default) or note
          --baseline FILE     report only findings not in this earlier json or sarif report
                              (sarif output still lists the others, as unchanged)
          --write-baseline F  write the current findings to F for --baseline (sarif if F ends
                              in .sarif, else json); exit 0 unless there are errors
          --tests=false       leave _test.go files out
          --include-generated lint generated files found in directories too
          --exclude PATTERN   leave out paths matching PATTERN (relative to the repository
                              root; * within a name, ** for any depth); repeatable
          --fix               apply the suggested fixes in place; report what is left
          --diff              print the suggested fixes as a unified diff instead of the report
          --config FILE       project configuration (default: the nearest .leaklint.json)
          --go-version 1.N    assume this Go version instead of go.mod's go line
          --enable RULES      run only these rules (comma-separated ids)
          --disable RULES     do not run these rules
          --files-from FILE   read paths, one per line, from FILE (- for standard input)
          --stdin-filename P  lint standard input as the file P (for editors with unsaved buffers)
          -j, --jobs N        files processed in parallel (default: all cores)
          --stats             print files, bytes, lines, time and MB/s on standard error
          --parse-only        only parse; report syntax errors (as a report too with --format json or sarif)
          --dump-ast FILE     print the syntax tree of one Go file
          --version           print the version
          -h, --help          print this help
          --                  end of flags (for paths starting with -)

        exit status: 0 clean, 1 findings, 2 errors (syntax errors, unreadable paths, bad usage);
        with --fix, findings it fixed no longer count; --diff does not change it

        examples:
          leaklint ./...
          leaklint --format sarif --output leaklint.sarif ./...
          leaklint --stdin-filename pkg/handler.go < pkg/handler.go
          leaklint --parse-only --stats $(go env GOROOT)/src/...
          git diff --name-only --diff-filter=d --relative -- '*.go' | leaklint --files-from -
        """
}

/// "Did you mean ...?" by edit distance.
enum Suggestion {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(Array(word), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

import GoSyntax

/// The standard-library calls that use a value without taking it over.
///
/// Passing a resource to an arbitrary function is a hand-off: that function
/// may close it or keep it. The standard library is known, though, and most
/// of what code does with a file, a response or its body there (print it,
/// copy from it, decode it, wrap it in a buffered reader) neither closes nor
/// keeps it: the caller still owns it. This table says so, per import path
/// (or receiver type) and function, and for which arguments.
public enum StandardLibraryBorrowing {
    /// What a call does with one of its arguments, seen from the argument's owner.
    public enum ArgumentUse: Sendable, Equatable {
        /// Reads from it, writes through it or formats it, and keeps nothing
        /// once the call returns: `io.Copy`, `fmt.Println`, `json.Marshal`.
        case reads
        /// The result keeps the value and reads or writes through it, but
        /// nothing reached through the result closes it: `bufio.NewReader`,
        /// `io.LimitReader`, `io.NopCloser`, `gzip.NewReader` (whose `Close`
        /// leaves the underlying reader open). The caller still owns the
        /// value, and the result is no new resource of it.
        case wraps
        /// The result keeps the value and closing the result closes it:
        /// `http.MaxBytesReader`. Whoever closes the result releases the value.
        case wrapsAndForwardsClose
        /// Reads the value to its end and closes it: the response body in
        /// `httputil.DumpResponse(resp, true)`.
        case drainsAndCloses
    }

    /// One function's arguments: which of them (`all`, or one position)
    /// the use applies to. `flag` marks `DumpResponse`-like functions whose
    /// use depends on a boolean argument: `use` when it is `true`, `reads`
    /// when it is `false`, unknown otherwise.
    struct Entry: Sendable {
        static let all: Int8 = -1
        var position: Int8
        var use: ArgumentUse
        var flag: Int8 = -1

        func use(ofArgument index: Int) -> ArgumentUse? {
            position == Entry.all || Int(position) == index ? use : nil
        }
    }

    private static func reads(_ position: Int8 = Entry.all) -> Entry { Entry(position: position, use: .reads) }
    private static func wraps(_ position: Int8 = Entry.all) -> Entry { Entry(position: position, use: .wraps) }

    /// Packages every function of which only reads its arguments.
    static let readingPackages: Set<String> = ["fmt", "strings", "bytes", "strconv", "errors", "unicode/utf8"]

    /// Package functions: import path -> function -> entry.
    static let functions: [String: [String: Entry]] = [
        "io": [
            "ReadAll": reads(0), "ReadFull": reads(0), "ReadAtLeast": reads(0), "WriteString": reads(0),
            "Copy": reads(), "CopyN": reads(), "CopyBuffer": reads(),
            "LimitReader": wraps(0), "TeeReader": wraps(), "MultiReader": wraps(), "MultiWriter": wraps(),
            "NewSectionReader": wraps(0), "NewOffsetWriter": wraps(0), "NopCloser": wraps(0),
        ],
        "io/ioutil": ["ReadAll": reads(0), "NopCloser": wraps(0)],
        "bufio": ["NewReader": wraps(0), "NewReaderSize": wraps(0), "NewScanner": wraps(0), "NewWriter": wraps(0), "NewWriterSize": wraps(0)],
        "encoding/json": ["NewDecoder": wraps(0), "NewEncoder": wraps(0), "Marshal": reads(0), "MarshalIndent": reads(0)],
        "encoding/xml": ["NewDecoder": wraps(0), "NewEncoder": wraps(0), "Marshal": reads(0), "MarshalIndent": reads(0)],
        "encoding/csv": ["NewReader": wraps(0), "NewWriter": wraps(0)],
        "encoding/gob": ["NewDecoder": wraps(0), "NewEncoder": wraps(0)],
        "encoding/binary": ["Read": reads(0), "Write": reads(0)],
        "encoding/base64": ["NewDecoder": wraps(1), "NewEncoder": wraps(1)],
        "encoding/base32": ["NewDecoder": wraps(1), "NewEncoder": wraps(1)],
        "encoding/hex": ["NewDecoder": wraps(0), "NewEncoder": wraps(0), "Dumper": wraps(0)],
        "encoding/pem": ["Encode": reads(0)],
        "compress/gzip": ["NewReader": wraps(0), "NewWriter": wraps(0), "NewWriterLevel": wraps(0)],
        "compress/zlib": ["NewReader": wraps(0), "NewWriter": wraps(0), "NewWriterLevel": wraps(0)],
        "compress/flate": ["NewReader": wraps(0), "NewWriter": wraps(0)],
        "compress/bzip2": ["NewReader": wraps(0)],
        "compress/lzw": ["NewReader": wraps(0), "NewWriter": wraps(0)],
        "archive/tar": ["NewReader": wraps(0), "NewWriter": wraps(0)],
        "archive/zip": ["NewReader": wraps(0), "NewWriter": wraps(0)],
        "mime/multipart": ["NewReader": wraps(0), "NewWriter": wraps(0)],
        "text/tabwriter": ["NewWriter": wraps(0)],
        "log": [
            "Print": reads(), "Printf": reads(), "Println": reads(), "Fatal": reads(), "Fatalf": reads(), "Fatalln": reads(),
            "Panic": reads(), "Panicf": reads(), "Panicln": reads(), "New": wraps(0),
        ],
        "log/slog": [
            "Debug": reads(), "Info": reads(), "Warn": reads(), "Error": reads(), "Log": reads(), "LogAttrs": reads(),
            "DebugContext": reads(), "InfoContext": reads(), "WarnContext": reads(), "ErrorContext": reads(),
            "Any": reads(), "Group": reads(), "NewTextHandler": wraps(0), "NewJSONHandler": wraps(0),
        ],
        "net/http": ["MaxBytesReader": Entry(position: 1, use: .wrapsAndForwardsClose)],
        "net/http/httputil": ["DumpResponse": Entry(position: 0, use: .drainsAndCloses, flag: 1)],
    ]

    /// Methods: receiver type ("log.Logger", pointer or not) -> method -> entry.
    static let methods: [String: [String: Entry]] = {
        let testing = Dictionary(
            uniqueKeysWithValues: ["Log", "Logf", "Error", "Errorf", "Fatal", "Fatalf", "Skip", "Skipf"].map { ($0, reads()) })
        let logger = Dictionary(
            uniqueKeysWithValues: ["Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"].map {
                ($0, reads())
            })
        let structured = Dictionary(
            uniqueKeysWithValues: ["Debug", "Info", "Warn", "Error", "Log", "LogAttrs", "DebugContext", "InfoContext", "WarnContext",
                                   "ErrorContext"].map { ($0, reads()) })
        let template = ["Execute": reads(), "ExecuteTemplate": reads()]
        return [
            "testing.T": testing, "testing.B": testing, "testing.F": testing, "testing.TB": testing,
            "log.Logger": logger, "log/slog.Logger": structured,
            "bytes.Buffer": ["ReadFrom": reads(0), "WriteTo": reads(0)],
            "bufio.Writer": ["ReadFrom": reads(0)], "bufio.Reader": ["WriteTo": reads(0)],
            "os.File": ["ReadFrom": reads(0)],
            "encoding/json.Encoder": ["Encode": reads(0)], "encoding/xml.Encoder": ["Encode": reads(0)],
            "text/template.Template": template, "html/template.Template": template,
            "net/http.Header": ["Write": reads(0)], "net/http.Response": ["Write": reads(0)], "net/http.Request": ["Write": reads(0)],
        ]
    }()

    /// Method names of `methods`, to rule a call out before its receiver's type is asked for.
    static let methodNames: Set<String> = Set(methods.values.flatMap { $0.keys })

    /// What the package function `package.function` does with argument
    /// `index` of `call`; nil when the table does not know the function (a
    /// hand-off, for a caller that must be cautious).
    public static func use(
        ofArgument index: Int, package: String, function: String, call: CallExpression, tree: SyntaxTree
    ) -> ArgumentUse? {
        if readingPackages.contains(package) { return .reads }
        guard let entry = functions[package]?[function], let use = entry.use(ofArgument: index) else { return nil }
        guard entry.flag >= 0 else { return use }
        let flag = Int(entry.flag)
        guard flag < call.arguments.count else { return nil }
        let argument = call.arguments[flag]
        guard tree.kind(argument) == .ident else { return nil }
        if tree.spells(argument, "true") { return use }
        return tree.spells(argument, "false") ? .reads : nil
    }

    /// What the method `method` of `receiver` (a type name qualified by
    /// its import path, `"log.Logger"`) does with argument `index`.
    public static func use(ofArgument index: Int, receiver: String, method: String) -> ArgumentUse? {
        methods[receiver]?[method]?.use(ofArgument: index)
    }

    /// Whether some receiver type in the table has a method called `method`.
    public static func mayBorrow(method: String) -> Bool { methodNames.contains(method) }
}

extension StandardLibraryBorrowing {
    /// The functions that keep no hold on an argument that stays the
    /// caller's to release (they read it, or wrap it without closing it):
    /// import path -> function -> argument position (-1: any). Packages
    /// whose every function only reads are not listed.
    public static let readerPositions: [String: [String: Int]] = functions.mapValues { entries in
        entries.compactMapValues { entry in
            entry.use == .reads || entry.use == .wraps ? Int(entry.position) : nil
        }
    }
}

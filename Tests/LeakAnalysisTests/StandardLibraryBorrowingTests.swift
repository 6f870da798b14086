import GoSyntax
import Testing
@testable import LeakAnalysis

/// The table of standard-library calls that use a value without taking it over.
@Suite struct StandardLibraryBorrowingTests {
    /// The call `text` (e.g. `io.Copy(w, f)`) parsed inside a function, with its tree.
    static func call(_ text: String) throws -> (CallExpression, SyntaxTree) {
        let tree = GoParser.parse("package p\n\nfunc f() {\n\t\(text)\n}\n")
        var found: NodeID?
        tree.walk { id in
            if found == nil, tree.kind(id) == .call { found = id }
            return found == nil
        }
        let call = try #require(found.flatMap { tree.call($0) })
        return (call, tree)
    }

    static func use(_ text: String, argument: Int, package: String, function: String) throws -> StandardLibraryBorrowing.ArgumentUse? {
        let (call, tree) = try call(text)
        return StandardLibraryBorrowing.use(ofArgument: argument, package: package, function: function, call: call, tree: tree)
    }

    @Test func readersReadTheArgumentTheyAreListedFor() throws {
        #expect(try Self.use("io.Copy(w, f)", argument: 1, package: "io", function: "Copy") == .reads)
        #expect(try Self.use("io.Copy(f, r)", argument: 0, package: "io", function: "Copy") == .reads)
        #expect(try Self.use("io.ReadAll(f)", argument: 0, package: "io", function: "ReadAll") == .reads)
        #expect(try Self.use("io.ReadFull(f, buf)", argument: 0, package: "io", function: "ReadFull") == .reads)
        #expect(try Self.use("json.Marshal(v)", argument: 0, package: "encoding/json", function: "Marshal") == .reads)
        #expect(try Self.use("log.Printf(format, resp)", argument: 1, package: "log", function: "Printf") == .reads)
        #expect(try Self.use("slog.Info(m, k, resp)", argument: 2, package: "log/slog", function: "Info") == .reads)
    }

    @Test func aReaderListedForOneArgumentDoesNotCoverTheOthers() throws {
        #expect(try Self.use("io.ReadFull(f, buf)", argument: 1, package: "io", function: "ReadFull") == nil)
        #expect(try Self.use("base64.NewDecoder(enc, r)", argument: 0, package: "encoding/base64", function: "NewDecoder") == nil)
        #expect(try Self.use("base64.NewDecoder(enc, r)", argument: 1, package: "encoding/base64", function: "NewDecoder") == .wraps)
    }

    @Test func everyFunctionOfAReadingPackageReadsEveryArgument() throws {
        #expect(try Self.use("fmt.Println(a, resp)", argument: 1, package: "fmt", function: "Println") == .reads)
        #expect(try Self.use("fmt.Errorf(format, resp)", argument: 1, package: "fmt", function: "Errorf") == .reads)
        #expect(try Self.use("fmt.Fprintf(f, format)", argument: 0, package: "fmt", function: "Fprintf") == .reads)
        #expect(try Self.use("strings.Contains(s, t)", argument: 0, package: "strings", function: "Contains") == .reads)
        #expect(try Self.use("strconv.Quote(s)", argument: 0, package: "strconv", function: "Quote") == .reads)
        #expect(try Self.use("errors.Is(err, target)", argument: 1, package: "errors", function: "Is") == .reads)
    }

    @Test func wrappersThatCannotCloseTheValueWrapIt() throws {
        #expect(try Self.use("bufio.NewReader(f)", argument: 0, package: "bufio", function: "NewReader") == .wraps)
        #expect(try Self.use("bufio.NewReaderSize(f, n)", argument: 0, package: "bufio", function: "NewReaderSize") == .wraps)
        #expect(try Self.use("bufio.NewScanner(f)", argument: 0, package: "bufio", function: "NewScanner") == .wraps)
        #expect(try Self.use("io.LimitReader(f, n)", argument: 0, package: "io", function: "LimitReader") == .wraps)
        #expect(try Self.use("io.NopCloser(f)", argument: 0, package: "io", function: "NopCloser") == .wraps)
        #expect(try Self.use("gzip.NewReader(f)", argument: 0, package: "compress/gzip", function: "NewReader") == .wraps)
        #expect(try Self.use("json.NewDecoder(f)", argument: 0, package: "encoding/json", function: "NewDecoder") == .wraps)
        #expect(try Self.use("log.New(f, p, 0)", argument: 0, package: "log", function: "New") == .wraps)
    }

    @Test func maxBytesReaderClosesWhatItWrapsWhenClosed() throws {
        #expect(try Self.use("http.MaxBytesReader(w, body, n)", argument: 1, package: "net/http", function: "MaxBytesReader")
            == .wrapsAndForwardsClose)
        #expect(try Self.use("http.MaxBytesReader(w, body, n)", argument: 0, package: "net/http", function: "MaxBytesReader") == nil)
    }

    @Test func dumpResponseClosesTheBodyOnlyWhenAskedToDumpIt() throws {
        let path = "net/http/httputil"
        #expect(try Self.use("httputil.DumpResponse(resp, true)", argument: 0, package: path, function: "DumpResponse") == .drainsAndCloses)
        #expect(try Self.use("httputil.DumpResponse(resp, false)", argument: 0, package: path, function: "DumpResponse") == .reads)
        #expect(try Self.use("httputil.DumpResponse(resp, all)", argument: 0, package: path, function: "DumpResponse") == nil)
        #expect(try Self.use("httputil.DumpResponse(resp)", argument: 0, package: path, function: "DumpResponse") == nil)
    }

    @Test func unknownFunctionsAndPackagesAreNotInTheTable() throws {
        #expect(try Self.use("io.Pipe(f)", argument: 0, package: "io", function: "Pipe") == nil)
        #expect(try Self.use("tls.Client(conn, cfg)", argument: 0, package: "crypto/tls", function: "Client") == nil)
        #expect(try Self.use("log.SetOutput(f)", argument: 0, package: "log", function: "SetOutput") == nil)
        #expect(try Self.use("acme.Println(f)", argument: 0, package: "github.com/acme/fmt", function: "Println") == nil)
    }

    @Test func methodsAreLookedUpByTheirReceiverType() {
        #expect(StandardLibraryBorrowing.use(ofArgument: 1, receiver: "testing.T", method: "Fatalf") == .reads)
        #expect(StandardLibraryBorrowing.use(ofArgument: 0, receiver: "log.Logger", method: "Println") == .reads)
        #expect(StandardLibraryBorrowing.use(ofArgument: 2, receiver: "log/slog.Logger", method: "Info") == .reads)
        #expect(StandardLibraryBorrowing.use(ofArgument: 0, receiver: "bytes.Buffer", method: "ReadFrom") == .reads)
        #expect(StandardLibraryBorrowing.use(ofArgument: 1, receiver: "text/template.Template", method: "Execute") == .reads)
        #expect(StandardLibraryBorrowing.use(ofArgument: 0, receiver: "log/slog.Logger", method: "With") == nil)
        #expect(StandardLibraryBorrowing.use(ofArgument: 0, receiver: "acme.Logger", method: "Println") == nil)
        #expect(StandardLibraryBorrowing.mayBorrow(method: "Logf"))
        #expect(!StandardLibraryBorrowing.mayBorrow(method: "Close"))
    }

    @Test func readerPositionsListReadersAndWrappersButNotWhatCloses() {
        #expect(StandardLibraryBorrowing.readerPositions["io"]?["Copy"] == -1)
        #expect(StandardLibraryBorrowing.readerPositions["io"]?["ReadAll"] == 0)
        #expect(StandardLibraryBorrowing.readerPositions["bufio"]?["NewReader"] == 0)
        #expect(StandardLibraryBorrowing.readerPositions["net/http"]?["MaxBytesReader"] == nil)
        #expect(StandardLibraryBorrowing.readerPositions["net/http/httputil"]?["DumpResponse"] == nil)
    }
}

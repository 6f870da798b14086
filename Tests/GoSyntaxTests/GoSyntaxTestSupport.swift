import Foundation
import Testing
@testable import GoSyntax

/// Shared helpers: parse a Go snippet in a fixed context and render the part under test.
///
/// Each helper also checks that the snippet parsed without errors, reporting
/// the errors at the caller's source location.
enum Snippet {
    /// S-expression of the value in `package p; var _ = <source>`.
    static func expr(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let tree = parseClean("package p\nvar _ = " + source + "\n", sourceLocation)
        let declaration = tree.id(tree[tree.root].listBC, 0)
        let spec = tree.id(tree[declaration].listAB, 0)
        return tree.sexpr(tree.id(tree[spec].listDE, 0))
    }

    /// S-expression of the type in `package p; type _ <source>`.
    static func type(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let tree = parseClean("package p\ntype _ " + source + "\n", sourceLocation)
        let declaration = tree.id(tree[tree.root].listBC, 0)
        let spec = tree.id(tree[declaration].listAB, 0)
        return tree.sexpr(tree[spec].childC)
    }

    /// S-expressions of the statements in `func _() { <source> }`, separated by spaces.
    static func stmts(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let tree = parseClean("package p\nfunc _() {\n" + source + "\n}\n", sourceLocation)
        let declaration = tree.id(tree[tree.root].listBC, 0)
        let body = tree[declaration].childD
        return tree.ids(tree[body].listAB).map { tree.sexpr($0) }.joined(separator: " ")
    }

    /// S-expression of the whole file `package p\n<source>`.
    static func file(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        parseClean("package p\n" + source, sourceLocation).sexpr()
    }

    static func parseClean(_ source: String, _ sourceLocation: SourceLocation) -> SyntaxTree {
        let tree = GoParser.parse(source)
        #expect(tree.errors.isEmpty, "unexpected errors: \(tree.errors)", sourceLocation: sourceLocation)
        return tree
    }
}

/// A token as the tests compare it: kind, byte range, and whether the scanner inserted it.
struct ScannedToken: Equatable, CustomStringConvertible {
    var kind: TokenKind
    var start: Int
    var end: Int
    var inserted = false

    init(_ kind: TokenKind, _ start: Int, _ end: Int, inserted: Bool = false) {
        self.kind = kind
        self.start = start
        self.end = end
        self.inserted = inserted
    }

    /// An inserted semicolon: an empty range at `offset`.
    static func semi(_ offset: Int) -> ScannedToken { ScannedToken(.semicolon, offset, offset, inserted: true) }

    static func eof(_ offset: Int) -> ScannedToken { ScannedToken(.eof, offset, offset) }

    var description: String { "\(inserted ? "auto;" : kind.description)@\(start)..<\(end)" }
}

enum Scan {
    static func result(_ source: String) -> ScanResult { Scanner.scan(Array(source.utf8)) }

    static func tokens(_ source: String) -> [ScannedToken] { tokens(Array(source.utf8)) }

    static func tokens(_ bytes: [UInt8]) -> [ScannedToken] {
        Scanner.scan(bytes).tokens.map {
            ScannedToken($0.kind, Int($0.start), Int($0.end), inserted: $0.isInsertedSemicolon)
        }
    }

    /// Token kinds only, with inserted semicolons written as `\n`.
    static func kinds(_ source: String) -> [String] {
        Scanner.scan(Array(source.utf8)).tokens.map { $0.isInsertedSemicolon ? "\\n" : $0.kind.description }
    }

    /// `offset: message` for each lexical error.
    static func errors(_ source: String) -> [String] { errors(Array(source.utf8)) }

    static func errors(_ bytes: [UInt8]) -> [String] {
        Scanner.scan(bytes).errors.map { "\($0.offset): \($0.message)" }
    }
}

/// Runs `body` on a thread with a 256 MiB stack and waits for it: debug builds
/// use large frames, and deep inputs recurse up to `GoParser.maxNestingDepth`.
func onLargeStack<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = body()
        done.signal()
    }
    thread.stackSize = 256 << 20
    thread.start()
    done.wait()
    return box.value!
}

/// Written by one thread before it signals, read by another after waiting.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// `line:column: message` for each error of `tree`.
func positionedErrors(_ tree: SyntaxTree) -> [String] {
    let lines = tree.makeLineTable()
    return tree.errors.map {
        let (line, column) = lines.position(ofOffset: Int($0.offset))
        return "\(line):\(column): \($0.message)"
    }
}

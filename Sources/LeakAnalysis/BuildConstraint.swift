import GoSyntax

/// A file's `//go:build` line, parsed once in a single linear pass.
///
/// leaklint needs two answers from it: the Go version the line requires
/// (`//go:build go1.22` raises the language version of the file), and
/// whether no build can ever include the file (`//go:build ignore`, the
/// convention for stand-alone programs kept beside a package).
public struct BuildConstraint: Sendable {
    /// One node of the expression, in an array; children are indices.
    enum Term: Sendable {
        case tag(String)
        case not(Int)
        case and(Int, Int)
        case or(Int, Int)
    }

    /// Lines longer than this are not evaluated (Go's own parser refuses
    /// overly complex constraints too); the file then counts as unconstrained.
    public static let maxLength = 4096
    /// Parentheses and `!` nested deeper than this give up the same way.
    static let maxDepth = 100

    private var terms: [Term] = []
    private var root = -1

    /// The constraint of `tree`'s `//go:build` line before the package clause; nil if there is none or it cannot be parsed.
    public init?(in tree: SyntaxTree) {
        let source = tree.source
        guard let packageName = tree.packageClauseName else { return nil }
        let packageStart = Int(tree[packageName].start)
        let prefix = Array("//go:build".utf8)
        for comment in tree.comments where Int(comment.start) < packageStart {
            let start = Int(comment.start)
            let end = Int(comment.end)
            guard end - start > prefix.count, source[start..<(start + prefix.count)].elementsEqual(prefix) else { continue }
            let next = source[start + prefix.count]
            guard next == 0x20 || next == 0x09 else { continue }
            self.init(expression: source[(start + prefix.count)..<end])
            return
        }
        return nil
    }

    /// Parses the expression after `//go:build`; nil when it is malformed or too complex.
    public init?<Bytes: Collection>(expression: Bytes) where Bytes.Element == UInt8 {
        var steps = 0
        self.init(expression: expression, steps: &steps)
    }

    /// The same, adding to `steps` the bytes the parser looked at (each a
    /// bounded number of times: tests check the work is linear).
    init?<Bytes: Collection>(expression: Bytes, steps: inout Int) where Bytes.Element == UInt8 {
        guard expression.count <= BuildConstraint.maxLength else { return nil }
        var parser = ConstraintParser(bytes: Array(expression))
        let root = parser.parseExpression(depth: 0)
        let complete = parser.atEnd
        steps += parser.steps
        guard let root, complete else { return nil }
        terms = parser.terms
        self.root = root
    }

    /// The highest `go1.N` the whole constraint requires: a term of the
    /// top-level `&&` chain (through parentheses). `go1.21 || linux` requires nothing.
    public var requiredVersion: GoVersion? {
        var best: GoVersion?
        var pending = [root]
        while let index = pending.popLast() {
            switch terms[index] {
            case .tag(let name):
                if name.hasPrefix("go1."), let version = GoVersion(parsing: name), best.map({ version > $0 }) ?? true {
                    best = version
                }
            case .and(let left, let right):
                pending.append(left)
                pending.append(right)
            case .not, .or:
                continue
            }
        }
        return best
    }

    /// Whether no build includes the file: the expression is false when
    /// the tag `ignore` is unset, whatever the other tags are.
    public var excludesEveryBuild: Bool {
        evaluate() == .some(false)
    }

    /// Three-valued evaluation, bottom-up (children precede parents in
    /// `terms`): `ignore` is false, every other tag unknown (nil).
    private func evaluate() -> Bool? {
        var values = [Bool?](repeating: nil, count: terms.count)
        for (index, term) in terms.enumerated() {
            switch term {
            case .tag(let name):
                values[index] = name == "ignore" ? false : nil
            case .not(let operand):
                values[index] = values[operand].map { !$0 }
            case .and(let left, let right):
                if values[left] == false || values[right] == false {
                    values[index] = false
                } else if values[left] == true && values[right] == true {
                    values[index] = true
                }
            case .or(let left, let right):
                if values[left] == true || values[right] == true {
                    values[index] = true
                } else if values[left] == false && values[right] == false {
                    values[index] = false
                }
            }
        }
        return root >= 0 ? values[root] : nil
    }
}

/// Recursive descent over `||`, `&&`, `!`, parentheses and tags; each
/// byte is looked at a bounded number of times, and nesting is capped.
private struct ConstraintParser {
    let bytes: [UInt8]
    var position = 0
    var terms: [BuildConstraint.Term] = []
    /// Bytes looked at, counted where the parser reads one.
    var steps = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool {
        mutating get {
            skipSpaces()
            return position == bytes.count
        }
    }

    mutating func parseExpression(depth: Int) -> Int? {
        guard depth < BuildConstraint.maxDepth, var left = parseConjunction(depth: depth) else { return nil }
        while consume("||") {
            guard let right = parseConjunction(depth: depth) else { return nil }
            terms.append(.or(left, right))
            left = terms.count - 1
        }
        return left
    }

    mutating func parseConjunction(depth: Int) -> Int? {
        guard var left = parseUnary(depth: depth) else { return nil }
        while consume("&&") {
            guard let right = parseUnary(depth: depth) else { return nil }
            terms.append(.and(left, right))
            left = terms.count - 1
        }
        return left
    }

    mutating func parseUnary(depth: Int) -> Int? {
        guard depth < BuildConstraint.maxDepth else { return nil }
        skipSpaces()
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "!") {
            position += 1
            guard let operand = parseUnary(depth: depth + 1) else { return nil }
            terms.append(.not(operand))
            return terms.count - 1
        }
        if bytes[position] == UInt8(ascii: "(") {
            position += 1
            guard let inner = parseExpression(depth: depth + 1), consume(")") else { return nil }
            return inner
        }
        let start = position
        while position < bytes.count && ConstraintParser.isTagByte(bytes[position]) {
            position += 1
            steps += 1
        }
        guard position > start else { return nil }
        terms.append(.tag(String(decoding: bytes[start..<position], as: UTF8.self)))
        return terms.count - 1
    }

    mutating func consume(_ token: StaticString) -> Bool {
        skipSpaces()
        let count = token.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        steps += count
        let matches = token.withUTF8Buffer { expected in bytes[position..<(position + count)].elementsEqual(expected) }
        if matches { position += count }
        return matches
    }

    mutating func skipSpaces() {
        steps += 1
        while position < bytes.count && (bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0D) {
            position += 1
            steps += 1
        }
    }

    static func isTagByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }
}

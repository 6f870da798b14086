import Testing
@testable import GoSyntax

/// Expressions parse into the same shapes as go/parser builds (each expected tree was checked against go/ast).
@Suite struct ParserExpressionTests {
    /// Binary operators associate left and bind by the five precedence levels of the spec.
    @Test(arguments: [
        ("a || b && c == d + e * f", "(Binary || a (Binary && b (Binary == c (Binary + d (Binary * e f)))))"),
        ("a * b + c", "(Binary + (Binary * a b) c)"),
        ("a + b * c", "(Binary + a (Binary * b c))"),
        ("a - b - c", "(Binary - (Binary - a b) c)"),
        ("a == b || c < d && e != f", "(Binary || (Binary == a b) (Binary && (Binary < c d) (Binary != e f)))"),
        ("a << 1 | b >> 2 &^ c", "(Binary | (Binary << a 1) (Binary &^ (Binary >> b 2) c))"),
        ("a % b / c & d ^ e", "(Binary ^ (Binary & (Binary / (Binary % a b) c) d) e)"),
        ("x <= y && y >= z", "(Binary && (Binary <= x y) (Binary >= y z))"),
        ("a + b == c + d", "(Binary == (Binary + a b) (Binary + c d))"),
        ("a + b*c - d/e", "(Binary - (Binary + a (Binary * b c)) (Binary / d e))"),
        ("-a * b", "(Binary * (Unary - a) b)"),
        ("<-ch + 1", "(Binary + (Unary <- ch) 1)"),
    ])
    func binaryPrecedence(_ c: (source: String, expected: String)) {
        #expect(Snippet.expr(c.source) == c.expected)
    }

    /// Every unary operator, including `*` (a `Star` node), `<-` and `~`.
    @Test(arguments: [
        ("+a", "(Unary + a)"),
        ("-a", "(Unary - a)"),
        ("!a", "(Unary ! a)"),
        ("^a", "(Unary ^ a)"),
        ("*p", "(Star p)"),
        ("&x", "(Unary & x)"),
        ("<-ch", "(Unary <- ch)"),
        ("~a", "(Unary ~ a)"),
        ("- -a", "(Unary - (Unary - a))"),
        ("!!a", "(Unary ! (Unary ! a))"),
        ("*&x", "(Star (Unary & x))"),
        ("&T{}", "(Unary & (CompositeLit T []))"),
    ])
    func unaryOperators(_ c: (source: String, expected: String)) {
        #expect(Snippet.expr(c.source) == c.expected)
    }

    /// Unary operators apply to the whole primary expression after them.
    @Test(arguments: [
        ("*p.x", "(Star (Selector p x))"),
        ("-x[0]", "(Unary - (Index x 0))"),
        ("&a.b", "(Unary & (Selector a b))"),
        ("<-c.d", "(Unary <- (Selector c d))"),
    ])
    func unaryBindsLooserThanPrimarySuffixes(_ c: (source: String, expected: String)) {
        #expect(Snippet.expr(c.source) == c.expected)
    }

    /// Calls with no, several and trailing-comma arguments, with `...`, and chained.
    @Test(arguments: [
        ("f()", "(Call f [])"),
        ("f(a, b)", "(Call f [a b])"),
        ("f(xs...)", "(Call ... f [xs])"),
        ("f(a, xs...)", "(Call ... f [a xs])"),
        ("f(a,)", "(Call f [a])"),
        ("f(a, b,\n)", "(Call f [a b])"),
        ("f(a)(b)", "(Call (Call f [a]) [b])"),
        ("new(T)", "(Call new [T])"),
        ("make([]int, 0, 10)", "(Call make [(ArrayType - int) 0 10])"),
        ("make(chan<- int)", "(Call make [(ChanType send int)])"),
        ("make(map[string]struct{})", "(Call make [(MapType string (StructType []))])"),
    ])
    func calls(_ c: (source: String, expected: String)) {
        #expect(Snippet.expr(c.source) == c.expected)
    }

    /// Index, generic instantiation with several indices, and 2- and 3-index slices.
    @Test(arguments: [
        ("a[i]", "(Index a i)"),
        ("f[int, string]", "(IndexList f [int string])"),
        ("a[i][j]", "(Index (Index a i) j)"),
        ("m[k].f", "(Selector (Index m k) f)"),
        ("a[:]", "(Slice a - - -)"),
        ("a[i:]", "(Slice a i - -)"),
        ("a[:j]", "(Slice a - j -)"),
        ("a[i:j]", "(Slice a i j -)"),
        ("a[i:j:k]", "(Slice 3 a i j k)"),
        ("s[i:j][k]", "(Index (Slice s i j -) k)"),
        ("f[int](x)", "(Call (Index f int) [x])"),
        ("pkg.F[int, string](a)", "(Call (IndexList (Selector pkg F) [int string]) [a])"),
        ("a[:j:k]", "(Slice 3 a - j k)"),
    ])
    func indexAndSlice(_ c: (source: String, expected: String)) {
        #expect(Snippet.expr(c.source) == c.expected)
    }

    /// Selectors, type assertions and chains of primary suffixes.
    @Test(arguments: [
        ("x.(T)", "(TypeAssert x T)"),
        ("x.(*T)", "(TypeAssert x (Star T))"),
        ("x.(interface{ M() })", "(TypeAssert x (InterfaceType [(Field [M] (FuncType - (FieldList []) -) -)]))"),
        ("x.y.z", "(Selector (Selector x y) z)"),
        ("pkg.F(1).G", "(Selector (Call (Selector pkg F) [1]) G)"),
        ("x.(T).y", "(Selector (TypeAssert x T) y)"),
        ("a.b[c](d).e[f:g]", "(Slice (Selector (Call (Index (Selector a b) c) [d]) e) f g -)"),
    ])
    func selectorsAndTypeAssertions(_ c: (source: String, expected: String)) {
        #expect(Snippet.expr(c.source) == c.expected)
    }

    /// Composite literals with named, generic, array, slice, map and struct types, keys, and elided inner types.
    @Test(arguments: [
        ("T{}", "(CompositeLit T [])"),
        ("T{1, 2}", "(CompositeLit T [1 2])"),
        ("T{a: 1, b: 2}", "(CompositeLit T [(KeyValue a 1) (KeyValue b 2)])"),
        ("map[string][]int{\"a\": {1}, \"b\": {2, 3}}", "(CompositeLit (MapType string (ArrayType - int)) [(KeyValue \"a\" (CompositeLit - [1])) (KeyValue \"b\" (CompositeLit - [2 3]))])"),
        ("[]T{{1, 2}, {3}}", "(CompositeLit (ArrayType - T) [(CompositeLit - [1 2]) (CompositeLit - [3])])"),
        ("[...]int{1, 2, 3}", "(CompositeLit (ArrayType (Ellipsis -) int) [1 2 3])"),
        ("[][]int{{1}, {}}", "(CompositeLit (ArrayType - (ArrayType - int)) [(CompositeLit - [1]) (CompositeLit - [])])"),
        ("map[K]V{{1}: {2}}", "(CompositeLit (MapType K V) [(KeyValue (CompositeLit - [1]) (CompositeLit - [2]))])"),
        ("struct{ a int }{1}", "(CompositeLit (StructType [(Field [a] int -)]) [1])"),
        ("[]*T{{}}", "(CompositeLit (ArrayType - (Star T)) [(CompositeLit - [])])"),
        ("pkg.T{X: 1}", "(CompositeLit (Selector pkg T) [(KeyValue X 1)])"),
        ("G[int]{}", "(CompositeLit (Index G int) [])"),
        ("P[K, V]{k, v}", "(CompositeLit (IndexList P [K V]) [k v])"),
        ("[]int{1, 2,}", "(CompositeLit (ArrayType - int) [1 2])"),
        ("T{\n1,\n2,\n}", "(CompositeLit T [1 2])"),
    ])
    func compositeLiterals(_ c: (source: String, expected: String)) {
        #expect(Snippet.expr(c.source) == c.expected)
    }

    /// Function literals with parameters, results and variadic parameters.
    @Test(arguments: [
        ("func() {}", "(FuncLit (FuncType - (FieldList []) -) (Block []))"),
        ("func(a int) int { return a }", "(FuncLit (FuncType - (FieldList [(Field [a] int -)]) (FieldList [(Field [] int -)])) (Block [(Return [a])]))"),
        ("func(x int) (int, error) { return x, nil }", "(FuncLit (FuncType - (FieldList [(Field [x] int -)]) (FieldList [(Field [] int -) (Field [] error -)])) (Block [(Return [x nil])]))"),
        ("func(a, b int, c ...string) {}", "(FuncLit (FuncType - (FieldList [(Field [a b] int -) (Field [c] (Ellipsis string) -)]) -) (Block []))"),
    ])
    func functionLiterals(_ c: (source: String, expected: String)) {
        #expect(Snippet.expr(c.source) == c.expected)
    }

    /// Parentheses and conversions to pointer, slice, channel, map and interface types.
    @Test(arguments: [
        ("(a)", "(Paren a)"),
        ("((a))", "(Paren (Paren a))"),
        ("(a + b) * c", "(Binary * (Paren (Binary + a b)) c)"),
        ("(*T)(x)", "(Call (Paren (Star T)) [x])"),
        ("[]byte(s)", "(Call (ArrayType - byte) [s])"),
        ("(<-chan int)(c)", "(Call (Paren (ChanType recv int)) [c])"),
        ("func()(x)", "(FuncType - (FieldList []) (FieldList [(Field [] x -)]))"),
        ("map[string]int(m)", "(Call (MapType string int) [m])"),
        ("interface{}(x)", "(Call (InterfaceType []) [x])"),
        ("chan int(nil)", "(Call (ChanType both int) [nil])"),
    ])
    func parenthesesAndConversions(_ c: (source: String, expected: String)) {
        #expect(Snippet.expr(c.source) == c.expected)
    }

    /// `<` and `>` in call arguments stay comparisons; an index result can be called.
    @Test(arguments: [
        ("f(a < b, c > (d))", "(Call f [(Binary < a b) (Binary > c (Paren d))])"),
        ("a[b](c)", "(Call (Index a b) [c])"),
        ("x == (T{})", "(Binary == x (Paren (CompositeLit T [])))"),
    ])
    func comparisonsVersusTypeArguments(_ c: (source: String, expected: String)) {
        #expect(Snippet.expr(c.source) == c.expected)
    }

    /// Literals are printed as their source text.
    @Test(arguments: [
        ("1", "1"),
        ("1.5", "1.5"),
        ("1i", "1i"),
        ("'a'", "'a'"),
        ("\"s\"", "\"s\""),
        ("`raw`", "`raw`"),
    ])
    func basicLiterals(_ c: (source: String, expected: String)) {
        #expect(Snippet.expr(c.source) == c.expected)
    }

    /// Operator nodes record where the operator is, not only the operands.
    @Test func binaryNodeRecordsOperatorOffset() {
        let tree = GoParser.parse("package p\nvar _ = a  +  b\n")
        var binary = NodeID.none
        tree.walk { id in
            if tree.kind(id) == .binary { binary = id }
            return true
        }
        #expect(tree.errors.isEmpty)
        #expect(tree[binary].op == .add)
        #expect(tree[binary].c == 21)
        #expect(tree.text(binary) == "a  +  b")
    }

    /// Call flags and slice flags are visible on the nodes, not only in the rendering.
    @Test func callAndSliceFlags() {
        let tree = GoParser.parse("package p\nvar _ = f(a[1:2:3]...)\n")
        var call = NodeID.none
        var slice = NodeID.none
        tree.walk { id in
            if tree.kind(id) == .call { call = id }
            if tree.kind(id) == .slice { slice = id }
            return true
        }
        #expect(tree[call].flags & NodeFlags.hasEllipsis != 0)
        #expect(tree[slice].flags & NodeFlags.slice3 != 0)
        #expect(tree.text(slice) == "a[1:2:3]")
    }
}

import Testing
@testable import GoSyntax

/// Every type form parses into the same shape as go/parser builds (each expected tree was checked against go/ast).
@Suite struct ParserTypeTests {
    /// Type names, qualified names, arrays with constant-expression lengths, slices and maps.
    @Test(arguments: [
        ("int", "int"),
        ("pkg.T", "(Selector pkg T)"),
        ("[4]int", "(ArrayType 4 int)"),
        ("[N]T", "(ArrayType N T)"),
        ("[2*N + 1]byte", "(ArrayType (Binary + (Binary * 2 N) 1) byte)"),
        ("[]int", "(ArrayType - int)"),
        ("[][]string", "(ArrayType - (ArrayType - string))"),
        ("map[string]int", "(MapType string int)"),
        ("map[K][]V", "(MapType K (ArrayType - V))"),
        ("map[[2]int]struct{}", "(MapType (ArrayType 2 int) (StructType []))"),
    ])
    func namesArraysSlicesAndMaps(_ c: (source: String, expected: String)) {
        #expect(Snippet.type(c.source) == c.expected)
    }

    /// Channel directions, including how `<-chan <-chan` and `chan<- <-chan` associate.
    @Test(arguments: [
        ("chan int", "(ChanType both int)"),
        ("chan<- int", "(ChanType send int)"),
        ("<-chan int", "(ChanType recv int)"),
        ("chan (<-chan int)", "(ChanType both (Paren (ChanType recv int)))"),
        ("chan<- chan int", "(ChanType send (ChanType both int))"),
        ("chan<- <-chan int", "(ChanType send (ChanType recv int))"),
        ("<-chan <-chan int", "(ChanType recv (ChanType recv int))"),
        ("chan chan<- int", "(ChanType both (ChanType send int))"),
    ])
    func channelDirections(_ c: (source: String, expected: String)) {
        #expect(Snippet.type(c.source) == c.expected)
    }

    /// Function types: unnamed and named parameters, variadic parameters, single and parenthesised results.
    @Test(arguments: [
        ("func()", "(FuncType - (FieldList []) -)"),
        ("func(int) string", "(FuncType - (FieldList [(Field [] int -)]) (FieldList [(Field [] string -)]))"),
        ("func(a, b int) (c string, err error)", "(FuncType - (FieldList [(Field [a b] int -)]) (FieldList [(Field [c] string -) (Field [err] error -)]))"),
        ("func(...int)", "(FuncType - (FieldList [(Field [] (Ellipsis int) -)]) -)"),
        ("func(a int, b ...string) error", "(FuncType - (FieldList [(Field [a] int -) (Field [b] (Ellipsis string) -)]) (FieldList [(Field [] error -)]))"),
        ("func() func() int", "(FuncType - (FieldList []) (FieldList [(Field [] (FuncType - (FieldList []) (FieldList [(Field [] int -)])) -)]))"),
        ("func(int, string) (bool)", "(FuncType - (FieldList [(Field [] int -) (Field [] string -)]) (FieldList [(Field [] bool -)]))"),
        ("func(x, y, z)", "(FuncType - (FieldList [(Field [] x -) (Field [] y -) (Field [] z -)]) -)"),
        ("func(f func(int) int) func()", "(FuncType - (FieldList [(Field [f] (FuncType - (FieldList [(Field [] int -)]) (FieldList [(Field [] int -)])) -)]) (FieldList [(Field [] (FuncType - (FieldList []) -) -)]))"),
    ])
    func functionTypes(_ c: (source: String, expected: String)) {
        #expect(Snippet.type(c.source) == c.expected)
    }

    /// Pointer types nest and combine with slices.
    @Test(arguments: [
        ("*int", "(Star int)"),
        ("**T", "(Star (Star T))"),
        ("*[]T", "(Star (ArrayType - T))"),
        ("[]*T", "(ArrayType - (Star T))"),
    ])
    func pointers(_ c: (source: String, expected: String)) {
        #expect(Snippet.type(c.source) == c.expected)
    }

    /// Struct types with grouped names, tags and every form of embedded field.
    @Test(arguments: [
        ("struct{}", "(StructType [])"),
        ("struct{ a, b int; c string }", "(StructType [(Field [a b] int -) (Field [c] string -)])"),
        ("struct{ T }", "(StructType [(Field [] T -)])"),
        ("struct{ *T }", "(StructType [(Field [] (Star T) -)])"),
        ("struct{ pkg.T }", "(StructType [(Field [] (Selector pkg T) -)])"),
        ("struct{ *pkg.T }", "(StructType [(Field [] (Star (Selector pkg T)) -)])"),
        ("struct{ T[int] }", "(StructType [(Field [] (Index T int) -)])"),
        ("struct{ pkg.G[int, string] }", "(StructType [(Field [] (IndexList (Selector pkg G) [int string]) -)])"),
        ("struct{ a int `json:\"a\"`; T \"tag\"; *U `x` }", "(StructType [(Field [a] int `json:\"a\"`) (Field [] T \"tag\") (Field [] (Star U) `x`)])"),
        ("struct{ f func(); m map[string]int }", "(StructType [(Field [f] (FuncType - (FieldList []) -) -) (Field [m] (MapType string int) -)])"),
        ("struct{ a [N]int; b []int }", "(StructType [(Field [a] (ArrayType N int) -) (Field [b] (ArrayType - int) -)])"),
        ("struct {\n\ta int\n\tb, c string\n}", "(StructType [(Field [a] int -) (Field [b c] string -)])"),
    ])
    func structs(_ c: (source: String, expected: String)) {
        #expect(Snippet.type(c.source) == c.expected)
    }

    /// Interfaces with methods, embedded interfaces and type-set unions.
    @Test(arguments: [
        ("interface{}", "(InterfaceType [])"),
        ("interface{ M() }", "(InterfaceType [(Field [M] (FuncType - (FieldList []) -) -)])"),
        ("interface{ M(int) (string, error); N() }", "(InterfaceType [(Field [M] (FuncType - (FieldList [(Field [] int -)]) (FieldList [(Field [] string -) (Field [] error -)])) -) (Field [N] (FuncType - (FieldList []) -) -)])"),
        ("interface{ io.Reader; Close() error }", "(InterfaceType [(Field [] (Selector io Reader) -) (Field [Close] (FuncType - (FieldList []) (FieldList [(Field [] error -)])) -)])"),
        ("interface{ Stringer }", "(InterfaceType [(Field [] Stringer -)])"),
        ("interface{ ~int | ~string }", "(InterfaceType [(Field [] (Binary | (Unary ~ int) (Unary ~ string)) -)])"),
        ("interface{ int | float64 }", "(InterfaceType [(Field [] (Binary | int float64) -)])"),
        ("interface{ ~[]byte; M() }", "(InterfaceType [(Field [] (Unary ~ (ArrayType - byte)) -) (Field [M] (FuncType - (FieldList []) -) -)])"),
        ("interface{ comparable }", "(InterfaceType [(Field [] comparable -)])"),
        ("interface{ G[int] }", "(InterfaceType [(Field [] (Index G int) -)])"),
        ("interface{ pkg.G[int, bool] }", "(InterfaceType [(Field [] (IndexList (Selector pkg G) [int bool]) -)])"),
        ("interface{ *T | []int }", "(InterfaceType [(Field [] (Binary | (Star T) (ArrayType - int)) -)])"),
        ("interface{ ~int; ~string }", "(InterfaceType [(Field [] (Unary ~ int) -) (Field [] (Unary ~ string) -)])"),
    ])
    func interfaces(_ c: (source: String, expected: String)) {
        #expect(Snippet.type(c.source) == c.expected)
    }

    /// Instantiated generic types with one (`Index`) or several (`IndexList`) type arguments.
    @Test(arguments: [
        ("Pair[K, V]", "(IndexList Pair [K V])"),
        ("List[int]", "(Index List int)"),
        ("pkg.Map[string, []int]", "(IndexList (Selector pkg Map) [string (ArrayType - int)])"),
        ("G[[]int]", "(Index G (ArrayType - int))"),
        ("G[map[K]V, func()]", "(IndexList G [(MapType K V) (FuncType - (FieldList []) -)])"),
        ("Tree[*Node[T]]", "(Index Tree (Star (Index Node T)))"),
    ])
    func instantiatedGenerics(_ c: (source: String, expected: String)) {
        #expect(Snippet.type(c.source) == c.expected)
    }

    /// Parenthesised types are kept as `Paren` nodes.
    @Test(arguments: [
        ("(int)", "(Paren int)"),
        ("(*T)", "(Paren (Star T))"),
    ])
    func parenthesisedTypes(_ c: (source: String, expected: String)) {
        #expect(Snippet.type(c.source) == c.expected)
    }

    /// `[...]T` is only meaningful as the type of a composite literal; its length is an `Ellipsis` without element.
    @Test func ellipsisArrayLengthInCompositeLiteral() {
        #expect(Snippet.expr("[...]string{\"a\", \"b\"}") == "(CompositeLit (ArrayType (Ellipsis -) string) [\"a\" \"b\"])")
    }

    /// Channel direction is stored as flags on the node, not only in the rendering.
    @Test func channelDirectionFlags() {
        let tree = GoParser.parse("package p\nvar a chan int\nvar b chan<- int\nvar c <-chan int\n")
        var flags: [UInt16] = []
        tree.walk { id in
            if tree.kind(id) == .chanType { flags.append(tree[id].flags) }
            return true
        }
        #expect(flags == [NodeFlags.chanSend | NodeFlags.chanRecv, NodeFlags.chanSend, NodeFlags.chanRecv])
    }
}

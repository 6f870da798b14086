import Testing
@testable import GoSyntax

/// Every declaration form parses into the same shape as go/parser builds (each expected tree was checked against go/ast).
@Suite struct ParserDeclarationTests {
    /// Plain, named, dot, blank, grouped, empty and repeated imports.
    @Test(arguments: [
        ("import \"fmt\"", "(File p [(GenDecl import [(ImportSpec - \"fmt\")])])"),
        ("import f \"fmt\"", "(File p [(GenDecl import [(ImportSpec f \"fmt\")])])"),
        ("import . \"fmt\"", "(File p [(GenDecl import [(ImportSpec . \"fmt\")])])"),
        ("import _ \"embed\"", "(File p [(GenDecl import [(ImportSpec _ \"embed\")])])"),
        ("import (\n\t\"fmt\"\n\tstr \"strings\"\n\t. \"math\"\n\t_ \"net/http/pprof\"\n)", "(File p [(GenDecl import () [(ImportSpec - \"fmt\") (ImportSpec str \"strings\") (ImportSpec . \"math\") (ImportSpec _ \"net/http/pprof\")])])"),
        ("import ()", "(File p [(GenDecl import () [])])"),
        ("import \"a\"\nimport \"b\"", "(File p [(GenDecl import [(ImportSpec - \"a\")]) (GenDecl import [(ImportSpec - \"b\")])])"),
    ])
    func imports(_ c: (source: String, expected: String)) {
        #expect(Snippet.file(c.source) == c.expected)
    }

    /// Constants with and without types, and groups whose later specs repeat the previous expression implicitly (no values).
    @Test(arguments: [
        ("const X = 1", "(File p [(GenDecl const [(ValueSpec [X] - [1])])])"),
        ("const X int = 1", "(File p [(GenDecl const [(ValueSpec [X] int [1])])])"),
        ("const X, Y = 1, 2", "(File p [(GenDecl const [(ValueSpec [X Y] - [1 2])])])"),
        ("const (\n\tA = iota\n\tB\n\tC\n)", "(File p [(GenDecl const () [(ValueSpec [A] - [iota]) (ValueSpec [B] - []) (ValueSpec [C] - [])])])"),
        ("const (\n\tKB ByteSize = 1 << (10 * (iota + 1))\n\tMB\n\tGB\n)", "(File p [(GenDecl const () [(ValueSpec [KB] ByteSize [(Binary << 1 (Paren (Binary * 10 (Paren (Binary + iota 1)))))]) (ValueSpec [MB] - []) (ValueSpec [GB] - [])])])"),
        ("const (\n\ta, b = iota, iota * 10\n\tc, d\n\t_, _\n)", "(File p [(GenDecl const () [(ValueSpec [a b] - [iota (Binary * iota 10)]) (ValueSpec [c d] - []) (ValueSpec [_ _] - [])])])"),
    ])
    func constants(_ c: (source: String, expected: String)) {
        #expect(Snippet.file(c.source) == c.expected)
    }

    /// Variables with types, values, both, several names, and groups.
    @Test(arguments: [
        ("var x int", "(File p [(GenDecl var [(ValueSpec [x] int [])])])"),
        ("var x = 1", "(File p [(GenDecl var [(ValueSpec [x] - [1])])])"),
        ("var x, y int = 1, 2", "(File p [(GenDecl var [(ValueSpec [x y] int [1 2])])])"),
        ("var x, y = f()", "(File p [(GenDecl var [(ValueSpec [x y] - [(Call f [])])])])"),
        ("var (\n\tx int\n\ty = 2\n\tz, w string\n)", "(File p [(GenDecl var () [(ValueSpec [x] int []) (ValueSpec [y] - [2]) (ValueSpec [z w] string [])])])"),
        ("var m map[string]int", "(File p [(GenDecl var [(ValueSpec [m] (MapType string int) [])])])"),
    ])
    func variables(_ c: (source: String, expected: String)) {
        #expect(Snippet.file(c.source) == c.expected)
    }

    /// Type definitions, grouped declarations and aliases (flagged `alias`).
    @Test(arguments: [
        ("type T int", "(File p [(GenDecl type [(TypeSpec T - int)])])"),
        ("type T struct{}", "(File p [(GenDecl type [(TypeSpec T - (StructType []))])])"),
        ("type (\n\tA int\n\tB = A\n)", "(File p [(GenDecl type () [(TypeSpec A - int) (TypeSpec alias B - A)])])"),
        ("type A = B", "(File p [(GenDecl type [(TypeSpec alias A - B)])])"),
        ("type A = pkg.B", "(File p [(GenDecl type [(TypeSpec alias A - (Selector pkg B))])])"),
    ])
    func typeDeclarationsAndAliases(_ c: (source: String, expected: String)) {
        #expect(Snippet.file(c.source) == c.expected)
    }

    /// Type parameter lists with constraints, shared constraints, `_`, unions, `~` and instantiated constraints; generic aliases.
    @Test(arguments: [
        ("type Map[K comparable, V any] struct{ m map[K]V }", "(File p [(GenDecl type [(TypeSpec Map (FieldList [(Field [K] comparable -) (Field [V] any -)]) (StructType [(Field [m] (MapType K V) -)]))])])"),
        ("type T[P *C,] struct{}", "(File p [(GenDecl type [(TypeSpec T (FieldList [(Field [P] (Star C) -)]) (StructType []))])])"),
        ("type T[P ~int | ~string] []P", "(File p [(GenDecl type [(TypeSpec T (FieldList [(Field [P] (Binary | (Unary ~ int) (Unary ~ string)) -)]) (ArrayType - P))])])"),
        ("type T[P interface{ ~int }] int", "(File p [(GenDecl type [(TypeSpec T (FieldList [(Field [P] (InterfaceType [(Field [] (Unary ~ int) -)]) -)]) int)])])"),
        ("type A[P any] = B[P]", "(File p [(GenDecl type [(TypeSpec alias A (FieldList [(Field [P] any -)]) (Index B P))])])"),
        ("type T[P any] int", "(File p [(GenDecl type [(TypeSpec T (FieldList [(Field [P] any -)]) int)])])"),
        ("type T[P any, Q any] struct{}", "(File p [(GenDecl type [(TypeSpec T (FieldList [(Field [P] any -) (Field [Q] any -)]) (StructType []))])])"),
        ("type T[P, Q any] struct{}", "(File p [(GenDecl type [(TypeSpec T (FieldList [(Field [P Q] any -)]) (StructType []))])])"),
        ("type T[P Constraint[int]] struct{}", "(File p [(GenDecl type [(TypeSpec T (FieldList [(Field [P] (Index Constraint int) -)]) (StructType []))])])"),
        ("type T[_ any] struct{}", "(File p [(GenDecl type [(TypeSpec T (FieldList [(Field [_] any -)]) (StructType []))])])"),
        ("type List[T any] struct {\n\tnext *List[T]\n\tval  T\n}", "(File p [(GenDecl type [(TypeSpec List (FieldList [(Field [T] any -)]) (StructType [(Field [next] (Star (Index List T)) -) (Field [val] T -)]))])])"),
    ])
    func genericTypeDeclarations(_ c: (source: String, expected: String)) {
        #expect(Snippet.file(c.source) == c.expected)
    }

    /// Like go/parser, `[P *C]`, `[P *C | D]` and `[P (C)]` read as array lengths; a trailing comma or a type-only constraint makes a type parameter list.
    @Test(arguments: [
        ("type T[P *C] struct{}", "(File p [(GenDecl type [(TypeSpec T - (ArrayType (Binary * P C) (StructType [])))])])"),
        ("type T [N]int", "(File p [(GenDecl type [(TypeSpec T - (ArrayType N int))])])"),
        ("type T [N * M]int", "(File p [(GenDecl type [(TypeSpec T - (ArrayType (Binary * N M) int))])])"),
        ("type T [2]int", "(File p [(GenDecl type [(TypeSpec T - (ArrayType 2 int))])])"),
        ("type T []int", "(File p [(GenDecl type [(TypeSpec T - (ArrayType - int))])])"),
        ("type T[P *int | string] struct{}", "(File p [(GenDecl type [(TypeSpec T - (ArrayType (Binary | (Binary * P int) string) (StructType [])))])])"),
        ("type T[P (C)] struct{}", "(File p [(GenDecl type [(TypeSpec T - (ArrayType (Call P [C]) (StructType [])))])])"),
        ("type T [P * C]int", "(File p [(GenDecl type [(TypeSpec T - (ArrayType (Binary * P C) int))])])"),
    ])
    func arrayLengthVersusTypeParameters(_ c: (source: String, expected: String)) {
        #expect(Snippet.file(c.source) == c.expected)
    }

    /// Function declarations with and without bodies, grouped, unnamed and variadic parameters, and results.
    @Test(arguments: [
        ("func f()", "(File p [(FuncDecl - f (FuncType - (FieldList []) -) -)])"),
        ("func f() {}", "(File p [(FuncDecl - f (FuncType - (FieldList []) -) (Block []))])"),
        ("func f(a int, b string) {}", "(File p [(FuncDecl - f (FuncType - (FieldList [(Field [a] int -) (Field [b] string -)]) -) (Block []))])"),
        ("func f(a, b int) {}", "(File p [(FuncDecl - f (FuncType - (FieldList [(Field [a b] int -)]) -) (Block []))])"),
        ("func f(int, string) {}", "(File p [(FuncDecl - f (FuncType - (FieldList [(Field [] int -) (Field [] string -)]) -) (Block []))])"),
        ("func f(a ...int) {}", "(File p [(FuncDecl - f (FuncType - (FieldList [(Field [a] (Ellipsis int) -)]) -) (Block []))])"),
        ("func f(a int, rest ...string) {}", "(File p [(FuncDecl - f (FuncType - (FieldList [(Field [a] int -) (Field [rest] (Ellipsis string) -)]) -) (Block []))])"),
        ("func f() int { return 0 }", "(File p [(FuncDecl - f (FuncType - (FieldList []) (FieldList [(Field [] int -)])) (Block [(Return [0])]))])"),
        ("func f() (int, error) { return 0, nil }", "(File p [(FuncDecl - f (FuncType - (FieldList []) (FieldList [(Field [] int -) (Field [] error -)])) (Block [(Return [0 nil])]))])"),
        ("func f() (n int, err error) { return }", "(File p [(FuncDecl - f (FuncType - (FieldList []) (FieldList [(Field [n] int -) (Field [err] error -)])) (Block [(Return [])]))])"),
        ("func f() (a, b int) { return }", "(File p [(FuncDecl - f (FuncType - (FieldList []) (FieldList [(Field [a b] int -)])) (Block [(Return [])]))])"),
        ("func main() {\n}\n\nfunc helper() {}", "(File p [(FuncDecl - main (FuncType - (FieldList []) -) (Block [])) (FuncDecl - helper (FuncType - (FieldList []) -) (Block []))])"),
        ("func f(a, b int, c ...string) (int, error)", "(File p [(FuncDecl - f (FuncType - (FieldList [(Field [a b] int -) (Field [c] (Ellipsis string) -)]) (FieldList [(Field [] int -) (Field [] error -)])) -)])"),
        ("func f(f func())", "(File p [(FuncDecl - f (FuncType - (FieldList [(Field [f] (FuncType - (FieldList []) -) -)]) -) -)])"),
        ("func f(ch <-chan int, out chan<- string)", "(File p [(FuncDecl - f (FuncType - (FieldList [(Field [ch] (ChanType recv int) -) (Field [out] (ChanType send string) -)]) -) -)])"),
    ])
    func functions(_ c: (source: String, expected: String)) {
        #expect(Snippet.file(c.source) == c.expected)
    }

    /// Methods with named, unnamed, pointer and generic receivers.
    @Test(arguments: [
        ("func (t T) M() {}", "(File p [(FuncDecl (FieldList [(Field [t] T -)]) M (FuncType - (FieldList []) -) (Block []))])"),
        ("func (t *T) M(x int) bool { return true }", "(File p [(FuncDecl (FieldList [(Field [t] (Star T) -)]) M (FuncType - (FieldList [(Field [x] int -)]) (FieldList [(Field [] bool -)])) (Block [(Return [true])]))])"),
        ("func (T) M() {}", "(File p [(FuncDecl (FieldList [(Field [] T -)]) M (FuncType - (FieldList []) -) (Block []))])"),
        ("func (*T) M() {}", "(File p [(FuncDecl (FieldList [(Field [] (Star T) -)]) M (FuncType - (FieldList []) -) (Block []))])"),
        ("func (l *List[T]) Push(v T) {}", "(File p [(FuncDecl (FieldList [(Field [l] (Star (Index List T)) -)]) Push (FuncType - (FieldList [(Field [v] T -)]) -) (Block []))])"),
        ("func (m Map[K, V]) Get(k K) V { return m.m[k] }", "(File p [(FuncDecl (FieldList [(Field [m] (IndexList Map [K V]) -)]) Get (FuncType - (FieldList [(Field [k] K -)]) (FieldList [(Field [] V -)])) (Block [(Return [(Index (Selector m m) k)])]))])"),
        ("func (_ Pair[_, _]) M() {}", "(File p [(FuncDecl (FieldList [(Field [_] (IndexList Pair [_ _]) -)]) M (FuncType - (FieldList []) -) (Block []))])"),
    ])
    func methods(_ c: (source: String, expected: String)) {
        #expect(Snippet.file(c.source) == c.expected)
    }

    /// Generic functions with shared, union and `~` constraints.
    @Test(arguments: [
        ("func Map[T, U any](s []T, f func(T) U) []U { return nil }", "(File p [(FuncDecl - Map (FuncType (FieldList [(Field [T U] any -)]) (FieldList [(Field [s] (ArrayType - T) -) (Field [f] (FuncType - (FieldList [(Field [] T -)]) (FieldList [(Field [] U -)])) -)]) (FieldList [(Field [] (ArrayType - U) -)])) (Block [(Return [nil])]))])"),
        ("func Sum[T int | float64](xs ...T) (s T) { return }", "(File p [(FuncDecl - Sum (FuncType (FieldList [(Field [T] (Binary | int float64) -)]) (FieldList [(Field [xs] (Ellipsis T) -)]) (FieldList [(Field [s] T -)])) (Block [(Return [])]))])"),
        ("func F[S ~[]E, E comparable](s S) {}", "(File p [(FuncDecl - F (FuncType (FieldList [(Field [S] (Unary ~ (ArrayType - E)) -) (Field [E] comparable -)]) (FieldList [(Field [s] S -)]) -) (Block []))])"),
    ])
    func genericFunctions(_ c: (source: String, expected: String)) {
        #expect(Snippet.file(c.source) == c.expected)
    }

    /// A whole small file: package clause, imports, and each kind of top-level declaration in order.
    @Test func wholeFile() {
        let source = """
            package main

            import (
            \t"fmt"
            \t"os"
            )

            const Version = "1.0"

            var verbose bool

            type Server struct {
            \tAddr string
            }

            func (s *Server) Start() error { return nil }

            func main() {
            \tfmt.Println(Version)
            \tos.Exit(0)
            }

            """
        let tree = GoParser.parse(source)
        #expect(tree.errors.isEmpty)
        #expect(tree.sexpr() == "(File main [(GenDecl import () [(ImportSpec - \"fmt\") (ImportSpec - \"os\")]) (GenDecl const [(ValueSpec [Version] - [\"1.0\"])]) (GenDecl var [(ValueSpec [verbose] bool [])]) (GenDecl type [(TypeSpec Server - (StructType [(Field [Addr] string -)]))]) (FuncDecl (FieldList [(Field [s] (Star Server) -)]) Start (FuncType - (FieldList []) (FieldList [(Field [] error -)])) (Block [(Return [nil])])) (FuncDecl - main (FuncType - (FieldList []) -) (Block [(ExprStmt (Call (Selector fmt Println) [Version])) (ExprStmt (Call (Selector os Exit) [0]))]))])")
    }

    /// Declaration flags are visible on the nodes: grouping and aliases.
    @Test func declarationFlags() {
        let tree = GoParser.parse("package p\ntype (\n\tA = int\n\tB int\n)\n")
        let declaration = tree.id(tree[tree.root].listBC, 0)
        #expect(tree[declaration].op == .kwType)
        #expect(tree[declaration].flags & NodeFlags.parenthesized != 0)
        let specs = Array(tree.ids(tree[declaration].listAB))
        #expect(specs.count == 2)
        #expect(tree[specs[0]].flags & NodeFlags.isAlias != 0)
        #expect(tree[specs[1]].flags & NodeFlags.isAlias == 0)
    }
}

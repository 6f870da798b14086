import Testing
@testable import GoSyntax

/// Every statement form parses into the same shape as go/parser builds (each expected tree was checked against go/ast).
@Suite struct ParserStatementTests {
    /// Labeled statements and break/continue/goto with and without labels, fallthrough.
    @Test(arguments: [
        ("L:\n\tfor {\n\t\tbreak L\n\t}", "(Labeled L (For - - - (Block [(Branch break L)])))"),
        ("L: x++", "(Labeled L (IncDec ++ x))"),
        ("for {\n\tbreak\n}", "(For - - - (Block [(Branch break -)]))"),
        ("for {\n\tcontinue\n}", "(For - - - (Block [(Branch continue -)]))"),
        ("L:\n\tfor {\n\t\tcontinue L\n\t}", "(Labeled L (For - - - (Block [(Branch continue L)])))"),
        ("goto L", "(Branch goto L)"),
        ("L:\n\tgoto L", "(Labeled L (Branch goto L))"),
        ("switch x {\ncase 1:\n\tfallthrough\ncase 2:\n}", "(Switch - x (Block [(Case [1] [(Branch fallthrough -)]) (Case [2] [])]))"),
    ])
    func labelsAndBranches(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// go and defer of calls and function literals; return with zero, one and several results.
    @Test(arguments: [
        ("go f(x)", "(Go (Call f [x]))"),
        ("go func() {}()", "(Go (Call (FuncLit (FuncType - (FieldList []) -) (Block [])) []))"),
        ("defer mu.Unlock()", "(Defer (Call (Selector mu Unlock) []))"),
        ("defer func() { recover() }()", "(Defer (Call (FuncLit (FuncType - (FieldList []) -) (Block [(ExprStmt (Call recover []))])) []))"),
        ("return", "(Return [])"),
        ("return x", "(Return [x])"),
        ("return x, err", "(Return [x err])"),
        ("return f(), nil", "(Return [(Call f []) nil])"),
    ])
    func goDeferReturn(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// Nested and empty blocks; explicit and doubled semicolons.
    @Test(arguments: [
        ("{\n}", "(Block [])"),
        ("{\n\tx := 1\n\t_ = x\n}", "(Block [(Assign := [x] [1]) (Assign = [_] [x])])"),
        ("{ { } }", "(Block [(Block [])])"),
        (";", "(Empty)"),
        ("x := 1;;", "(Assign := [x] [1]) (Empty)"),
    ])
    func blocks(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// if with and without init, else and else-if chains.
    @Test(arguments: [
        ("if x {\n}", "(If - x (Block []) -)"),
        ("if x := f(); x > 0 {\n}", "(If (Assign := [x] [(Call f [])]) (Binary > x 0) (Block []) -)"),
        ("if x {\n} else {\n}", "(If - x (Block []) (Block []))"),
        ("if x {\n} else if y {\n} else {\n}", "(If - x (Block []) (If - y (Block []) (Block [])))"),
        ("if err := f(); err != nil {\n\treturn err\n}", "(If (Assign := [err] [(Call f [])]) (Binary != err nil) (Block [(Return [err])]) -)"),
    ])
    func ifStatements(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// Expression switches with init, without tag, with several expressions per case and default.
    @Test(arguments: [
        ("switch {\n}", "(Switch - - (Block []))"),
        ("switch x {\ncase 1, 2:\n\ta()\ncase 3:\ndefault:\n\tb()\n}", "(Switch - x (Block [(Case [1 2] [(ExprStmt (Call a []))]) (Case [3] []) (Case default [] [(ExprStmt (Call b []))])]))"),
        ("switch x := f(); x {\ncase 1:\n}", "(Switch (Assign := [x] [(Call f [])]) x (Block [(Case [1] [])]))"),
        ("switch x := f(); {\ncase x > 0:\n}", "(Switch (Assign := [x] [(Call f [])]) - (Block [(Case [(Binary > x 0)] [])]))"),
        ("switch f(); {\n}", "(Switch (ExprStmt (Call f [])) - (Block []))"),
        ("switch {\ncase a < b:\n\treturn\n}", "(Switch - - (Block [(Case [(Binary < a b)] [(Return [])])]))"),
    ])
    func expressionSwitches(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// Type switches with and without binding, and with an init statement.
    @Test(arguments: [
        ("switch x.(type) {\n}", "(TypeSwitch - (ExprStmt (TypeAssert x -)) (Block []))"),
        ("switch v := x.(type) {\ncase int, string:\ncase nil:\ndefault:\n}", "(TypeSwitch - (Assign := [v] [(TypeAssert x -)]) (Block [(Case [int string] []) (Case [nil] []) (Case default [] [])]))"),
        ("switch y := f(); v := y.(type) {\ncase *T:\n}", "(TypeSwitch (Assign := [y] [(Call f [])]) (Assign := [v] [(TypeAssert y -)]) (Block [(Case [(Star T)] [])]))"),
        ("switch x := y.(type) {\ncase []int:\n\t_ = x\n}", "(TypeSwitch - (Assign := [x] [(TypeAssert y -)]) (Block [(Case [(ArrayType - int)] [(Assign = [_] [x])])]))"),
    ])
    func typeSwitches(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// select with send, receive, receive-assign (`:=` and `=`, one or two variables) and default clauses.
    @Test(arguments: [
        ("select {\n}", "(Select (Block []))"),
        ("select {\ncase ch <- 1:\ncase v := <-ch:\n\t_ = v\ncase v, ok := <-ch:\ncase x = <-ch:\ncase <-ch:\ndefault:\n}", "(Select (Block [(Comm (Send ch 1) []) (Comm (Assign := [v] [(Unary <- ch)]) [(Assign = [_] [v])]) (Comm (Assign := [v ok] [(Unary <- ch)]) []) (Comm (Assign = [x] [(Unary <- ch)]) []) (Comm (ExprStmt (Unary <- ch)) []) (Comm - [])]))"),
        ("select {\ncase a, b = <-ch:\n}", "(Select (Block [(Comm (Assign = [a b] [(Unary <- ch)]) [])]))"),
    ])
    func selectStatements(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// Infinite, condition-only and three-clause loops with any clause omitted.
    @Test(arguments: [
        ("for {\n}", "(For - - - (Block []))"),
        ("for x < 10 {\n}", "(For - (Binary < x 10) - (Block []))"),
        ("for i := 0; i < n; i++ {\n}", "(For (Assign := [i] [0]) (Binary < i n) (IncDec ++ i) (Block []))"),
        ("for ; ; {\n}", "(For - - - (Block []))"),
        ("for i := 0; ; {\n}", "(For (Assign := [i] [0]) - - (Block []))"),
        ("for ; i < n; {\n}", "(For - (Binary < i n) - (Block []))"),
        ("for ; ; i++ {\n}", "(For - - (IncDec ++ i) (Block []))"),
    ])
    func forLoops(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// Range over integers, channels, maps and functions, with no, one or two variables, `:=` or `=`.
    @Test(arguments: [
        ("for range n {\n}", "(Range - - n (Block []))"),
        ("for range ch {\n}", "(Range - - ch (Block []))"),
        ("for k := range m {\n}", "(Range := k - m (Block []))"),
        ("for k, v := range m {\n}", "(Range := k v m (Block []))"),
        ("for k, v = range m {\n}", "(Range = k v m (Block []))"),
        ("for _, v := range []int{1} {\n}", "(Range := _ v (CompositeLit (ArrayType - int) [1]) (Block []))"),
        ("for i := range 10 {\n}", "(Range := i - 10 (Block []))"),
        ("for x := range seq {\n}", "(Range := x - seq (Block []))"),
        ("for k, v := range maps.All(m) {\n}", "(Range := k v (Call (Selector maps All) [m]) (Block []))"),
        ("for range f {\n}", "(Range - - f (Block []))"),
        ("for _ = range x {\n}", "(Range = _ - x (Block []))"),
        ("for x := range func(yield func(int) bool) {} {\n}", "(Range := x - (FuncLit (FuncType - (FieldList [(Field [yield] (FuncType - (FieldList [(Field [] int -)]) (FieldList [(Field [] bool -)])) -)]) -) (Block [])) (Block []))"),
        ("for range func(func() bool) {} {\n}", "(Range - - (FuncLit (FuncType - (FieldList [(Field [] (FuncType - (FieldList []) (FieldList [(Field [] bool -)])) -)]) -) (Block [])) (Block []))"),
        ("for i := range len(s) {\n}", "(Range := i - (Call len [s]) (Block []))"),
    ])
    func rangeLoops(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// Plain, parallel and short-variable assignments and every op-assignment.
    @Test(arguments: [
        ("x = 1", "(Assign = [x] [1])"),
        ("x, y = y, x", "(Assign = [x y] [y x])"),
        ("x := 1", "(Assign := [x] [1])"),
        ("a, b := f()", "(Assign := [a b] [(Call f [])])"),
        ("x += 1", "(Assign += [x] [1])"),
        ("x -= 1", "(Assign -= [x] [1])"),
        ("x *= 2", "(Assign *= [x] [2])"),
        ("x /= 2", "(Assign /= [x] [2])"),
        ("x %= 2", "(Assign %= [x] [2])"),
        ("x &= 1", "(Assign &= [x] [1])"),
        ("x |= 1", "(Assign |= [x] [1])"),
        ("x ^= 1", "(Assign ^= [x] [1])"),
        ("x <<= 1", "(Assign <<= [x] [1])"),
        ("x >>= 1", "(Assign >>= [x] [1])"),
        ("x &^= 1", "(Assign &^= [x] [1])"),
        ("a[i] = v", "(Assign = [(Index a i)] [v])"),
        ("*p = 1", "(Assign = [(Star p)] [1])"),
        ("m[k], ok = v, true", "(Assign = [(Index m k) ok] [v true])"),
    ])
    func assignments(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// Increment, decrement and channel sends.
    @Test(arguments: [
        ("x++", "(IncDec ++ x)"),
        ("x--", "(IncDec -- x)"),
        ("a[i]++", "(IncDec ++ (Index a i))"),
        ("p.n--", "(IncDec -- (Selector p n))"),
        ("ch <- v", "(Send ch v)"),
        ("ch <- <-other", "(Send ch (Unary <- other))"),
    ])
    func incDecAndSend(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// Declarations inside functions and expression statements.
    @Test(arguments: [
        ("var x int", "(DeclStmt (GenDecl var [(ValueSpec [x] int [])]))"),
        ("const c = 1", "(DeclStmt (GenDecl const [(ValueSpec [c] - [1])]))"),
        ("type T int", "(DeclStmt (GenDecl type [(TypeSpec T - int)]))"),
        ("var (\n\ta int\n\tb string\n)", "(DeclStmt (GenDecl var () [(ValueSpec [a] int []) (ValueSpec [b] string [])]))"),
        ("f()", "(ExprStmt (Call f []))"),
        ("<-ch", "(ExprStmt (Unary <- ch))"),
        ("func() {\n\tdefer wg.Done()\n}()", "(ExprStmt (Call (FuncLit (FuncType - (FieldList []) -) (Block [(Defer (Call (Selector wg Done) []))])) []))"),
    ])
    func declarationsAndExpressionStatements(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// In control clauses a `{` after a type name opens the body unless the literal is parenthesised or inside brackets/calls, as go/parser decides.
    @Test(arguments: [
        ("if x == (T{}) {\n}", "(If - (Binary == x (Paren (CompositeLit T []))) (Block []) -)"),
        ("if v, ok := m[T{1}]; ok {\n}", "(If (Assign := [v ok] [(Index m (CompositeLit T [1]))]) ok (Block []) -)"),
        ("for _, v := range []int{1, 2} {\n\t_ = v\n}", "(Range := _ v (CompositeLit (ArrayType - int) [1 2]) (Block [(Assign = [_] [v])]))"),
        ("if f(T{}) {\n}", "(If - (Call f [(CompositeLit T [])]) (Block []) -)"),
        ("switch (T{}) {\n}", "(Switch - (Paren (CompositeLit T [])) (Block []))"),
        ("for x := (T{}); x.ok; {\n}", "(For (Assign := [x] [(Paren (CompositeLit T []))]) (Selector x ok) - (Block []))"),
        ("if x := []int{1}; len(x) > 0 {\n}", "(If (Assign := [x] [(CompositeLit (ArrayType - int) [1])]) (Binary > (Call len [x]) 0) (Block []) -)"),
        ("if m[[2]int{1, 2}] {\n}", "(If - (Index m (CompositeLit (ArrayType 2 int) [1 2])) (Block []) -)"),
        ("if x == struct{}{} {\n}", "(If - (Binary == x (CompositeLit (StructType []) [])) (Block []) -)"),
    ])
    func compositeLiteralVersusBlock(_ c: (source: String, expected: String)) {
        #expect(Snippet.stmts(c.source) == c.expected)
    }

    /// An `EmptyStmt` remembers whether its semicolon was written or inserted at a newline.
    @Test func emptyStatementImplicitFlag() {
        let tree = GoParser.parse("package p\nfunc _() {\n\t;\n\tL:\n}\n")
        #expect(tree.errors.isEmpty)
        var empties: [Node] = []
        tree.walk { id in
            if tree.kind(id) == .emptyStmt { empties.append(tree[id]) }
            return true
        }
        // The written `;`, then the statement implied between `L:` and the closing brace.
        #expect(empties.count == 2)
        #expect(empties[0].flags & NodeFlags.implicit == 0)
        #expect(empties[0].start == 22 && empties[0].end == 23)
        #expect(empties[1].flags & NodeFlags.implicit != 0)
        #expect(empties[1].start == empties[1].end)
    }

    /// A default clause is flagged on the node, and a range loop without variables has no operator.
    @Test func caseAndRangeFlags() {
        let tree = GoParser.parse("package p\nfunc _() {\n\tswitch {\n\tdefault:\n\t}\n\tfor range 3 {\n\t}\n}\n")
        #expect(tree.errors.isEmpty)
        var caseFlags: UInt16 = 0
        var rangeOp = TokenKind.eof
        tree.walk { id in
            if tree.kind(id) == .caseClause { caseFlags = tree[id].flags }
            if tree.kind(id) == .rangeStmt { rangeOp = tree[id].op }
            return true
        }
        #expect(caseFlags & NodeFlags.isDefault != 0)
        #expect(rangeOp == .illegal)
    }
}

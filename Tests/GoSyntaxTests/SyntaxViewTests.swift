import Testing
import GoSyntax

/// Each named view reads the parts its names promise: the text of every part
/// of one example per node kind, and nil for a node of another kind.
@Suite struct SyntaxViewTests {
    /// A file and the first node of each kind in it, in walk order.
    struct Parsed {
        let tree: SyntaxTree
        func first(_ kind: NodeKind) -> NodeID {
            var found = NodeID.none
            tree.walk { id in
                if found.isNone && tree.kind(id) == kind { found = id }
                return found.isNone
            }
            return found
        }
        func text(_ id: NodeID) -> String { id.exists ? tree.text(id) : "<none>" }
        func texts(_ ids: NodeIDs) -> [String] { ids.map { tree.text($0) } }
    }

    static func parse(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> Parsed {
        let tree = GoParser.parse(source)
        #expect(tree.errors.isEmpty, "\(tree.errors)", sourceLocation: sourceLocation)
        return Parsed(tree: tree)
    }

    @Test func expressions() throws {
        let file = Self.parse("""
            package p

            var _ = T{1, k: v}
            var _ = func(x int) { _ = x }
            var _ = (a).b
            var _ = m[i]
            var _ = G[A, B]
            var _ = s[1:2:3]
            var _ = x.(string)
            var _ = f(a, b...)
            var _ = *ptr
            var _ = -n
            var _ = a + b
            var _ = [...]int{1}
            var _ = 'c'
            """)
        let tree = file.tree
        let literal = try #require(tree.compositeLiteral(file.first(.compositeLit)))
        #expect(file.text(literal.type) == "T")
        #expect(file.texts(literal.elements) == ["1", "k: v"])
        let keyValue = try #require(tree.keyValue(literal.elements[1]))
        #expect(file.text(keyValue.key) == "k" && file.text(keyValue.value) == "v")

        let closure = try #require(tree.functionLiteral(file.first(.funcLit)))
        #expect(file.text(closure.type) == "func(x int)")
        #expect(file.text(closure.body) == "{ _ = x }")
        let function = try #require(tree.function(closure.id))
        #expect(function.isLiteral && function.body == closure.body && function.type == closure.type)

        let selector = try #require(tree.selector(file.first(.selector)))
        #expect(file.text(selector.base) == "(a)" && file.text(selector.name) == "b")
        #expect(file.text(try #require(tree.paren(selector.base)).inner) == "a")
        #expect(tree.unparenthesized(selector.base) == tree.paren(selector.base)?.inner)

        let index = try #require(tree.index(file.first(.index)))
        #expect(file.text(index.base) == "m" && file.text(index.index) == "i")
        let indexList = try #require(tree.indexList(file.first(.indexList)))
        #expect(file.text(indexList.base) == "G" && file.texts(indexList.indices) == ["A", "B"])

        let slice = try #require(tree.slice(file.first(.slice)))
        #expect([slice.base, slice.low, slice.high, slice.max].map(file.text) == ["s", "1", "2", "3"])
        #expect(slice.isThreeIndex)

        let assertion = try #require(tree.typeAssertion(file.first(.typeAssert)))
        #expect(file.text(assertion.base) == "x" && file.text(assertion.type) == "string")

        let call = try #require(tree.call(file.first(.call)))
        #expect(file.text(call.function) == "f" && file.texts(call.arguments) == ["a", "b"] && call.hasEllipsis)
        #expect(file.text(tree.calleeName(call)) == "f" && tree.calledSelector(call) == nil)

        let star = try #require(tree.star(file.first(.star)))
        #expect(file.text(star.operand) == "ptr")
        let unary = try #require(tree.unary(file.first(.unary)))
        #expect(unary.operator == .sub && file.text(unary.operand) == "n")
        let binary = try #require(tree.binary(file.first(.binary)))
        #expect(binary.operator == .add && file.text(binary.left) == "a" && file.text(binary.right) == "b")
        #expect(tree.source[Int(binary.operatorOffset)] == UInt8(ascii: "+"))

        let array = try #require(tree.arrayType(file.first(.arrayType)))
        #expect(file.text(array.length) == "..." && file.text(array.element) == "int")
        let ellipsis = try #require(tree.ellipsis(array.length))
        #expect(ellipsis.element.isNone)

        let literals = file.first(.basicLit)
        #expect(tree.basicLiteral(literals)?.tokenKind == .int)
        // Another kind gives nil, whatever the view.
        #expect(tree.call(selector.id) == nil && tree.selector(call.id) == nil && tree.function(call.id) == nil)
        #expect(tree.call(.none) == nil)
    }

    @Test func types() throws {
        let file = Self.parse("""
            package p

            type S struct {
            \ta, b int `json:"a"`
            \tEmbedded
            }
            type I interface {
            \tM(x int) (y string)
            \t~int | string
            }
            type M = map[string]<-chan int
            type F[T any] func(T) error
            """)
        let tree = file.tree
        let structType = try #require(tree.structType(file.first(.structType)))
        #expect(structType.fields.count == 2)
        let named = try #require(tree.field(structType.fields[0]))
        #expect(file.texts(named.names) == ["a", "b"] && file.text(named.type) == "int" && file.text(named.tag) == "`json:\"a\"`")
        let embedded = try #require(tree.field(structType.fields[1]))
        #expect(embedded.names.isEmpty && file.text(embedded.type) == "Embedded" && embedded.tag.isNone)

        let interface = try #require(tree.interfaceType(file.first(.interfaceType)))
        #expect(interface.elements.count == 2)
        let method = try #require(tree.field(interface.elements[0]))
        let signature = try #require(tree.functionType(method.type))
        #expect(signature.typeParameters.isNone)
        #expect(file.text(signature.parameters) == "(x int)" && file.text(signature.results) == "(y string)")
        #expect(try #require(tree.fieldList(signature.parameters)).fields.count == 1)

        let map = try #require(tree.mapType(file.first(.mapType)))
        #expect(file.text(map.key) == "string" && file.text(map.value) == "<-chan int")
        let channel = try #require(tree.channelType(map.value))
        #expect(channel.canReceive && !channel.canSend && file.text(channel.element) == "int")

        let specs = file.tree.nodes.indices.dropFirst().map { NodeID(Int32($0)) }.compactMap { tree.typeSpec($0) }
        #expect(specs.map { file.text($0.name) } == ["S", "I", "M", "F"])
        #expect(specs.map(\.isAlias) == [false, false, true, false])
        #expect(file.text(specs[3].typeParameters) == "[T any]" && file.text(specs[3].type) == "func(T) error")
    }

    @Test func statements() throws {
        let file = Self.parse("""
            package p

            func f(ch chan int, xs []int) (err error) {
            \tconst c = 1
            \tvar v, w int = 1, 2
            \tlabel:
            \tfor i := 0; i < 3; i++ {
            \t\tif x := i; x > 1 {
            \t\t\tbreak label
            \t\t} else if x == 0 {
            \t\t\tcontinue
            \t\t}
            \t}
            \tfor k, v := range xs {
            \t\t_, _ = k, v
            \t}
            \tch <- 1
            \tgo g()
            \tdefer h()
            \tswitch y := v; y {
            \tcase 1, 2:
            \t\tv++
            \tdefault:
            \t}
            \tswitch t := err.(type) {
            \tcase nil:
            \t\t_ = t
            \t}
            \tselect {
            \tcase <-ch:
            \tdefault:
            \t\t;
            \t}
            \tw += v
            \treturn nil
            }
            """)
        let tree = file.tree
        let declaration = try #require(tree.functionDeclaration(file.first(.funcDecl)))
        #expect(declaration.receiver.isNone && file.text(declaration.name) == "f")
        #expect(file.text(declaration.type) == "func f(ch chan int, xs []int) (err error)")
        let body = try #require(tree.block(declaration.body))
        #expect(body.statements.count == 12)
        #expect(tree.statements(of: body.id)?.count == 12)

        let constant = try #require(tree.declarationStatement(body.statements[0]))
        let constDeclaration = try #require(tree.genericDeclaration(constant.declaration))
        #expect(constDeclaration.keyword == .kwConst && !constDeclaration.isParenthesized && constDeclaration.specs.count == 1)
        let variables = try #require(tree.declarationStatement(body.statements[1]).flatMap { tree.genericDeclaration($0.declaration) })
        let spec = try #require(tree.valueSpec(variables.specs[0]))
        #expect(file.texts(spec.names) == ["v", "w"] && file.text(spec.type) == "int" && file.texts(spec.values) == ["1", "2"])

        let labeled = try #require(tree.labeled(body.statements[2]))
        #expect(file.text(labeled.label) == "label")
        let loop = try #require(tree.forStatement(labeled.statement))
        #expect([loop.initializer, loop.condition, loop.post].map(file.text) == ["i := 0", "i < 3", "i++"])
        #expect(tree.loopBody(loop.id) == loop.body)
        let increment = try #require(tree.incDec(loop.post))
        #expect(increment.operator == .inc && file.text(increment.operand) == "i")
        let ifStatement = try #require(tree.block(loop.body).flatMap { tree.ifStatement($0.statements[0]) })
        #expect(file.text(ifStatement.initializer) == "x := i" && file.text(ifStatement.condition) == "x > 1")
        let breakStatement = try #require(tree.block(ifStatement.body).flatMap { tree.branch($0.statements[0]) })
        #expect(breakStatement.keyword == .kwBreak && file.text(breakStatement.label) == "label")
        let elseIf = try #require(tree.ifStatement(ifStatement.elseBranch))
        #expect(elseIf.initializer.isNone && elseIf.elseBranch.isNone)

        let rangeLoop = try #require(tree.range(body.statements[3]))
        #expect(file.text(rangeLoop.key) == "k" && file.text(rangeLoop.value) == "v" && file.text(rangeLoop.expression) == "xs")
        #expect(rangeLoop.isDefine && !rangeLoop.isAssign && tree.loopBody(rangeLoop.id) == rangeLoop.body)
        let tupleAssign = try #require(tree.block(rangeLoop.body).flatMap { tree.assign($0.statements[0]) })
        #expect(tupleAssign.operator == .assign && !tupleAssign.isDefine && tupleAssign.lhs.count == 2)
        #expect(tree.singleIdentifier(assignedBy: tupleAssign) == nil)

        let send = try #require(tree.send(body.statements[4]))
        #expect(file.text(send.channel) == "ch" && file.text(send.value) == "1")
        #expect(file.text(try #require(tree.goStatement(body.statements[5])).call) == "g()")
        #expect(file.text(try #require(tree.deferStatement(body.statements[6])).call) == "h()")

        let switchStatement = try #require(tree.switchStatement(body.statements[7]))
        #expect(file.text(switchStatement.initializer) == "y := v" && file.text(switchStatement.tag) == "y")
        let clauses = try #require(tree.block(switchStatement.body)).statements
        let firstCase = try #require(tree.caseClause(clauses[0]))
        #expect(file.texts(firstCase.expressions) == ["1", "2"] && file.texts(firstCase.body) == ["v++"] && !firstCase.isDefault)
        let defaultCase = try #require(tree.caseClause(clauses[1]))
        #expect(defaultCase.isDefault && defaultCase.expressions.isEmpty && defaultCase.body.isEmpty)

        let typeSwitch = try #require(tree.typeSwitch(body.statements[8]))
        #expect(typeSwitch.initializer.isNone && file.text(typeSwitch.guard) == "t := err.(type)")
        let guardAssign = try #require(tree.assign(typeSwitch.guard))
        #expect(file.text(try #require(tree.singleIdentifier(assignedBy: guardAssign))) == "t")
        #expect(tree.typeAssertion(guardAssign.rhs[0])?.type == NodeID.none)

        let select = try #require(tree.selectStatement(body.statements[9]))
        let commClauses = try #require(tree.block(select.body)).statements
        let receive = try #require(tree.commClause(commClauses[0]))
        let receiveExpression = try #require(tree.expressionStatement(receive.communication)).expression
        #expect(tree.isReceive(receiveExpression) && receive.body.isEmpty)
        let defaultComm = try #require(tree.commClause(commClauses[1]))
        #expect(defaultComm.communication.isNone && defaultComm.body.count == 1)
        #expect(tree.emptyStatement(defaultComm.body[0])?.isImplicit == false)
        #expect(tree.statements(of: defaultComm.id)?.count == 1)

        let compound = try #require(tree.assign(body.statements[10]))
        #expect(compound.operator == .addAssign && file.texts(compound.lhs) == ["w"] && file.texts(compound.rhs) == ["v"])
        let returnStatement = try #require(tree.returnStatement(body.statements[11]))
        #expect(file.texts(returnStatement.results) == ["nil"])
    }

    @Test func declarationsAndFile() throws {
        let file = Self.parse("""
            package p

            import (
            \tio "fmt"
            \t"os"
            )

            func (r *R) Close() error
            """)
        let tree = file.tree
        let root = try #require(tree.fileSyntax(tree.root))
        #expect(file.text(root.packageName) == "p" && root.declarations.count == 2)
        let imports = try #require(tree.genericDeclaration(root.declarations[0]))
        #expect(imports.keyword == .kwImport && imports.isParenthesized)
        let specs = imports.specs.compactMap { tree.importSpec($0) }
        #expect(specs.map { file.text($0.name) } == ["io", "<none>"])
        #expect(specs.map { file.text($0.path) } == ["\"fmt\"", "\"os\""])
        let method = try #require(tree.functionDeclaration(root.declarations[1]))
        #expect(file.text(method.receiver) == "(r *R)" && file.text(method.name) == "Close" && method.body.isNone)
        #expect(tree.function(method.id)?.isLiteral == false)
    }

    @Test func nodeListsIndexFromZeroAndKnowTheirSingleElement() throws {
        let file = Self.parse("package p\n\nvar _ = f(x)\nvar _ = g()\n")
        let calls = file.tree.nodes.indices.dropFirst().compactMap { file.tree.call(NodeID(Int32($0))) }
        #expect(calls.count == 2)
        #expect(calls[0].arguments.single.map(file.text) == "x" && calls[0].arguments.startIndex == 0)
        #expect(calls[1].arguments.single == nil && calls[1].arguments.isEmpty)
        #expect(Array(calls[0].arguments) == [calls[0].arguments[0]])
        #expect(NodeIDs.empty.isEmpty)
    }

    @Test func innermostOperandStepsOnlyThroughTheWrappersAsked() {
        let file = Self.parse("package p\n\nvar _ = (*s).mu\nvar _ = f[A, B](x)\nvar _ = v[i].f\n")
        let tree = file.tree
        let selectors = tree.nodes.indices.dropFirst().map { NodeID(Int32($0)) }.filter { tree.kind($0) == .selector }
        #expect(file.text(tree.innermostOperand(of: selectors[0], through: [.selectors, .parentheses, .stars])) == "s")
        #expect(file.text(tree.innermostOperand(of: selectors[0], through: [.selectors, .parentheses])) == "*s")
        #expect(file.text(tree.innermostOperand(of: selectors[1], through: [.selectors])) == "v[i]")
        #expect(file.text(tree.innermostOperand(of: selectors[1], through: [.selectors, .indexes])) == "v")
        let call = file.first(.call)
        let function = tree.call(call)?.function ?? .none
        #expect(file.text(tree.innermostOperand(of: function, through: [.instantiations])) == "f")
        #expect(file.text(tree.innermostOperand(of: function, through: [.indexes])) == "f[A, B]")
        #expect(tree.innermostOperand(of: .none, through: [.parentheses, .stars]) == NodeID.none)
    }
}

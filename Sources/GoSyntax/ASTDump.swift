/// Textual renderings of a syntax tree, for tests and `leaklint --dump-ast`.
///
/// Two forms share one description of each kind's labelled slots:
/// `sexpr` is a one-line S-expression (`(Call f [a b])`, `-` for an absent
/// child, `[...]` for a list) that tests compare exactly; `dump` is an
/// indented tree with field labels and byte ranges for people.
extension SyntaxTree {
    /// One labelled child position of a node.
    enum Slot {
        case node(NodeID)
        case list(NodeList)
    }

    /// The labelled child slots of a node, in source order.
    func slots(_ id: NodeID) -> [(label: String, slot: Slot)] {
        let n = self[id]
        switch n.kind {
        case .invalid, .badExpr, .ident, .basicLit, .badStmt, .emptyStmt, .badDecl: return []
        case .compositeLit: return [("type", .node(n.childA)), ("elts", .list(n.listBC))]
        case .funcLit: return [("type", .node(n.childA)), ("body", .node(n.childB))]
        case .paren: return [("x", .node(n.childA))]
        case .selector: return [("x", .node(n.childA)), ("sel", .node(n.childB))]
        case .index: return [("x", .node(n.childA)), ("index", .node(n.childB))]
        case .indexList: return [("x", .node(n.childA)), ("indices", .list(n.listBC))]
        case .slice: return [("x", .node(n.childA)), ("low", .node(n.childB)), ("high", .node(n.childC)), ("max", .node(n.childD))]
        case .typeAssert: return [("x", .node(n.childA)), ("type", .node(n.childB))]
        case .call: return [("fun", .node(n.childA)), ("args", .list(n.listBC))]
        case .star, .unary: return [("x", .node(n.childA))]
        case .binary: return [("x", .node(n.childA)), ("y", .node(n.childB))]
        case .keyValue: return [("key", .node(n.childA)), ("value", .node(n.childB))]
        case .ellipsis: return [("elt", .node(n.childA))]
        case .arrayType: return [("len", .node(n.childA)), ("elt", .node(n.childB))]
        case .structType: return [("fields", .list(n.listAB))]
        case .field: return [("names", .list(n.listAB)), ("type", .node(n.childC)), ("tag", .node(n.childD))]
        case .fieldList: return [("list", .list(n.listAB))]
        case .funcType: return [("typeParams", .node(n.childA)), ("params", .node(n.childB)), ("results", .node(n.childC))]
        case .interfaceType: return [("methods", .list(n.listAB))]
        case .mapType: return [("key", .node(n.childA)), ("value", .node(n.childB))]
        case .chanType: return [("value", .node(n.childA))]
        case .declStmt: return [("decl", .node(n.childA))]
        case .labeledStmt: return [("label", .node(n.childA)), ("stmt", .node(n.childB))]
        case .exprStmt: return [("x", .node(n.childA))]
        case .sendStmt: return [("chan", .node(n.childA)), ("value", .node(n.childB))]
        case .incDecStmt: return [("x", .node(n.childA))]
        case .assignStmt: return [("lhs", .list(n.listAB)), ("rhs", .list(n.listCD))]
        case .goStmt, .deferStmt: return [("call", .node(n.childA))]
        case .returnStmt: return [("results", .list(n.listAB))]
        case .branchStmt: return [("label", .node(n.childA))]
        case .blockStmt: return [("list", .list(n.listAB))]
        case .ifStmt: return [("init", .node(n.childA)), ("cond", .node(n.childB)), ("body", .node(n.childC)), ("else", .node(n.childD))]
        case .caseClause: return [("list", .list(n.listAB)), ("body", .list(n.listCD))]
        case .switchStmt: return [("init", .node(n.childA)), ("tag", .node(n.childB)), ("body", .node(n.childC))]
        case .typeSwitchStmt: return [("init", .node(n.childA)), ("assign", .node(n.childB)), ("body", .node(n.childC))]
        case .commClause: return [("comm", .node(n.childA)), ("body", .list(n.listBC))]
        case .selectStmt: return [("body", .node(n.childA))]
        case .forStmt: return [("init", .node(n.childA)), ("cond", .node(n.childB)), ("post", .node(n.childC)), ("body", .node(n.childD))]
        case .rangeStmt: return [("key", .node(n.childA)), ("value", .node(n.childB)), ("x", .node(n.childC)), ("body", .node(n.childD))]
        case .importSpec: return [("name", .node(n.childA)), ("path", .node(n.childB))]
        case .valueSpec: return [("names", .list(n.listAB)), ("type", .node(n.childC)), ("values", .list(n.listDE))]
        case .typeSpec: return [("name", .node(n.childA)), ("typeParams", .node(n.childB)), ("type", .node(n.childC))]
        case .genDecl: return [("specs", .list(n.listAB))]
        case .funcDecl: return [("recv", .node(n.childA)), ("name", .node(n.childB)), ("type", .node(n.childC)), ("body", .node(n.childD))]
        case .file: return [("name", .node(n.childA)), ("decls", .list(n.listBC))]
        }
    }

    /// The name a kind is printed with, e.g. `Call`, `TypeSwitch`.
    public static func displayName(_ kind: NodeKind) -> String {
        switch kind {
        case .invalid: return "Invalid"
        case .badExpr: return "BadExpr"
        case .ident: return "Ident"
        case .basicLit: return "BasicLit"
        case .compositeLit: return "CompositeLit"
        case .funcLit: return "FuncLit"
        case .paren: return "Paren"
        case .selector: return "Selector"
        case .index: return "Index"
        case .indexList: return "IndexList"
        case .slice: return "Slice"
        case .typeAssert: return "TypeAssert"
        case .call: return "Call"
        case .star: return "Star"
        case .unary: return "Unary"
        case .binary: return "Binary"
        case .keyValue: return "KeyValue"
        case .ellipsis: return "Ellipsis"
        case .arrayType: return "ArrayType"
        case .structType: return "StructType"
        case .field: return "Field"
        case .fieldList: return "FieldList"
        case .funcType: return "FuncType"
        case .interfaceType: return "InterfaceType"
        case .mapType: return "MapType"
        case .chanType: return "ChanType"
        case .badStmt: return "BadStmt"
        case .declStmt: return "DeclStmt"
        case .emptyStmt: return "Empty"
        case .labeledStmt: return "Labeled"
        case .exprStmt: return "ExprStmt"
        case .sendStmt: return "Send"
        case .incDecStmt: return "IncDec"
        case .assignStmt: return "Assign"
        case .goStmt: return "Go"
        case .deferStmt: return "Defer"
        case .returnStmt: return "Return"
        case .branchStmt: return "Branch"
        case .blockStmt: return "Block"
        case .ifStmt: return "If"
        case .caseClause: return "Case"
        case .switchStmt: return "Switch"
        case .typeSwitchStmt: return "TypeSwitch"
        case .commClause: return "Comm"
        case .selectStmt: return "Select"
        case .forStmt: return "For"
        case .rangeStmt: return "Range"
        case .badDecl: return "BadDecl"
        case .importSpec: return "ImportSpec"
        case .valueSpec: return "ValueSpec"
        case .typeSpec: return "TypeSpec"
        case .genDecl: return "GenDecl"
        case .funcDecl: return "FuncDecl"
        case .file: return "File"
        }
    }

    /// Operator or flag annotations printed after the kind name.
    func annotations(_ id: NodeID) -> [String] {
        let n = self[id]
        var notes: [String] = []
        switch n.kind {
        case .unary, .binary, .incDecStmt, .assignStmt, .branchStmt, .genDecl:
            notes.append(n.op.description)
        case .rangeStmt:
            if n.op != .illegal { notes.append(n.op.description) }
        case .chanType:
            switch n.flags & (NodeFlags.chanSend | NodeFlags.chanRecv) {
            case NodeFlags.chanSend: notes.append("send")
            case NodeFlags.chanRecv: notes.append("recv")
            default: notes.append("both")
            }
        default:
            break
        }
        if n.flags & NodeFlags.hasEllipsis != 0 { notes.append("...") }
        if n.flags & NodeFlags.slice3 != 0 { notes.append("3") }
        if n.flags & NodeFlags.isDefault != 0 { notes.append("default") }
        if n.flags & NodeFlags.isAlias != 0 { notes.append("alias") }
        if n.flags & NodeFlags.parenthesized != 0 { notes.append("()") }
        return notes
    }

    /// One-line S-expression of the subtree at `id` (the root by default).
    public func sexpr(_ id: NodeID? = nil) -> String {
        var output = ""
        appendSexpr(id ?? root, to: &output, depth: 0)
        return output
    }

    private func appendSexpr(_ id: NodeID, to output: inout String, depth: Int) {
        guard id.exists else {
            output += "-"
            return
        }
        let n = self[id]
        switch n.kind {
        case .ident:
            output += n.start == n.end ? "<missing>" : text(id)
            return
        case .basicLit:
            output += text(id)
            return
        default:
            break
        }
        guard depth < 200 else {
            output += "(...)"
            return
        }
        output += "(" + SyntaxTree.displayName(n.kind)
        for note in annotations(id) { output += " " + note }
        for (_, slot) in slots(id) {
            output += " "
            switch slot {
            case .node(let child):
                appendSexpr(child, to: &output, depth: depth + 1)
            case .list(let list):
                output += "["
                for (index, child) in ids(list).enumerated() {
                    if index > 0 { output += " " }
                    appendSexpr(child, to: &output, depth: depth + 1)
                }
                output += "]"
            }
        }
        output += ")"
    }

    /// Levels `dump` shows by indentation; deeper lines are indented as far
    /// as this and start with their depth in brackets (`[57] x: Paren`), so
    /// the output stays linear in the size of the tree, however deep.
    public static let dumpIndentLimit = 32

    /// Indented multi-line dump with field labels and byte ranges.
    public func dump(_ id: NodeID? = nil) -> String {
        var output = ""
        let deepIndent = String(repeating: "  ", count: SyntaxTree.dumpIndentLimit)
        // Explicit stack: (label, node, indentation); lists expand to their elements.
        var stack: [(label: String, id: NodeID, indent: Int)] = [("", id ?? root, 0)]
        while let (label, current, indent) = stack.popLast() {
            if indent > SyntaxTree.dumpIndentLimit {
                output += deepIndent + "[\(indent)] "
            } else {
                output += String(repeating: "  ", count: indent)
            }
            if !label.isEmpty { output += label + ": " }
            guard current.exists else {
                output += "-\n"
                continue
            }
            let n = self[current]
            output += SyntaxTree.displayName(n.kind)
            for note in annotations(current) { output += " " + note }
            if n.kind == .ident || n.kind == .basicLit {
                output += " " + quoted(text(current))
            }
            output += " \(n.start)..\(n.end)\n"
            var pending: [(label: String, id: NodeID, indent: Int)] = []
            for (slotLabel, slot) in slots(current) {
                switch slot {
                case .node(let child):
                    if child.exists { pending.append((slotLabel, child, indent + 1)) }
                case .list(let list):
                    for (index, child) in ids(list).enumerated() {
                        pending.append(("\(slotLabel)[\(index)]", child, indent + 1))
                    }
                }
            }
            stack.append(contentsOf: pending.reversed())
        }
        return output
    }

    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 { result += "\\x" + String(scalar.value, radix: 16) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}

// Command goast-sexpr parses Go files with go/parser and prints each syntax
// tree in the one-line S-expression format of leaklint's SyntaxTree.sexpr(),
// so that the two parsers can be compared file by file.
//
// Paths are taken from the arguments or, when there are none, from standard
// input (one per line). For each file, in input order, it prints
//
//	OK <path>\t<sexpr>   when go/parser reported no error
//	ERR <path>           otherwise
//
// Literals may contain line breaks, so the sexpr is escaped for transport on
// one line: `\` becomes `\\`, a newline `\n` and a carriage return `\r`.
// Undoing exactly these three escapes restores the S-expression.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"
)

// maxDepth mirrors the depth at which SyntaxTree.sexpr() prints `(...)`.
const maxDepth = 200

func main() {
	paths := os.Args[1:]
	if len(paths) == 0 {
		scanner := bufio.NewScanner(os.Stdin)
		scanner.Buffer(make([]byte, 1<<20), 1<<20)
		for scanner.Scan() {
			if line := strings.TrimRight(scanner.Text(), "\r"); line != "" {
				paths = append(paths, line)
			}
		}
		if err := scanner.Err(); err != nil {
			fmt.Fprintln(os.Stderr, "goast-sexpr:", err)
			os.Exit(2)
		}
	}

	// Files are parsed in parallel; results are printed in input order.
	results := make([]chan string, len(paths))
	for i := range results {
		results[i] = make(chan string, 1)
	}
	work := make(chan int)
	var workers sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for i := range work {
				results[i] <- describe(paths[i])
			}
		}()
	}
	go func() {
		for i := range paths {
			work <- i
		}
		close(work)
	}()

	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	for i := range paths {
		out.WriteString(<-results[i])
		out.WriteByte('\n')
	}
	workers.Wait()
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "goast-sexpr:", err)
		os.Exit(2)
	}
}

// describe returns the output line for one file.
func describe(path string) string {
	src, err := os.ReadFile(path)
	if err != nil {
		return "ERR " + path
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution|parser.ParseComments|parser.AllErrors)
	if err != nil {
		return "ERR " + path
	}
	p := printer{src: src, file: fset.File(file.Pos())}
	p.node(file, 0)
	return "OK " + path + "\t" + escapeLine(p.buf.String())
}

func escapeLine(s string) string {
	if !strings.ContainsAny(s, "\\\n\r") {
		return s
	}
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", `\r`).Replace(s)
}

// printer renders go/ast nodes the way SyntaxTree.sexpr() renders ours.
type printer struct {
	src  []byte
	file *token.File
	buf  bytes.Buffer
}

func (p *printer) str(s string) { p.buf.WriteString(s) }

// isNil reports whether n is absent, including typed nil pointers.
func isNil(n ast.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// literal returns the source text of a basic literal. BasicLit.Value drops
// carriage returns from raw strings, so the text is read from the source.
func (p *printer) literal(lit *ast.BasicLit) string {
	start := p.file.Offset(lit.ValuePos)
	if lit.Kind == token.STRING && strings.HasPrefix(lit.Value, "`") {
		end := bytes.IndexByte(p.src[start+1:], '`')
		if end >= 0 {
			return string(p.src[start : start+1+end+1])
		}
	}
	return lit.Value
}

// open starts a composite node; it returns false when the depth limit
// replaced the node by `(...)`.
func (p *printer) open(depth int, kind string, notes ...string) bool {
	if depth >= maxDepth {
		p.str("(...)")
		return false
	}
	p.str("(" + kind)
	for _, note := range notes {
		p.str(" " + note)
	}
	return true
}

func (p *printer) close() { p.str(")") }

// child prints one child slot preceded by a space.
func (p *printer) child(n ast.Node, depth int) {
	p.str(" ")
	p.node(n, depth)
}

// exprs prints a list slot of expressions.
func (p *printer) exprs(list []ast.Expr, depth int) {
	p.str(" [")
	for i, x := range list {
		if i > 0 {
			p.str(" ")
		}
		p.node(x, depth)
	}
	p.str("]")
}

func (p *printer) stmts(list []ast.Stmt, depth int) {
	p.str(" [")
	for i, s := range list {
		if i > 0 {
			p.str(" ")
		}
		p.node(s, depth)
	}
	p.str("]")
}

func (p *printer) idents(list []*ast.Ident, depth int) {
	p.str(" [")
	for i, x := range list {
		if i > 0 {
			p.str(" ")
		}
		p.node(x, depth)
	}
	p.str("]")
}

// fields prints the fields of a field list as a list slot (struct and
// interface types hold their fields directly, without a FieldList node).
func (p *printer) fields(list *ast.FieldList, depth int) {
	p.str(" [")
	if list != nil {
		for i, f := range list.List {
			if i > 0 {
				p.str(" ")
			}
			p.node(f, depth)
		}
	}
	p.str("]")
}

func chanDir(dir ast.ChanDir) string {
	switch dir {
	case ast.SEND:
		return "send"
	case ast.RECV:
		return "recv"
	default:
		return "both"
	}
}

// node prints n at the given depth; children are printed at depth+1.
func (p *printer) node(n ast.Node, depth int) {
	if isNil(n) {
		p.str("-")
		return
	}
	d := depth + 1
	switch n := n.(type) {
	case *ast.Ident:
		if n.Name == "" {
			p.str("<missing>")
		} else {
			p.str(n.Name)
		}
		return
	case *ast.BasicLit:
		p.str(p.literal(n))
		return

	// Expressions.
	case *ast.BadExpr:
		if p.open(depth, "BadExpr") {
			p.close()
		}
	case *ast.CompositeLit:
		if p.open(depth, "CompositeLit") {
			p.child(n.Type, d)
			p.exprs(n.Elts, d)
			p.close()
		}
	case *ast.FuncLit:
		if p.open(depth, "FuncLit") {
			p.child(n.Type, d)
			p.child(n.Body, d)
			p.close()
		}
	case *ast.ParenExpr:
		if p.open(depth, "Paren") {
			p.child(n.X, d)
			p.close()
		}
	case *ast.SelectorExpr:
		if p.open(depth, "Selector") {
			p.child(n.X, d)
			p.child(n.Sel, d)
			p.close()
		}
	case *ast.IndexExpr:
		if p.open(depth, "Index") {
			p.child(n.X, d)
			p.child(n.Index, d)
			p.close()
		}
	case *ast.IndexListExpr:
		if p.open(depth, "IndexList") {
			p.child(n.X, d)
			p.exprs(n.Indices, d)
			p.close()
		}
	case *ast.SliceExpr:
		var notes []string
		if n.Slice3 {
			notes = append(notes, "3")
		}
		if p.open(depth, "Slice", notes...) {
			p.child(n.X, d)
			p.child(n.Low, d)
			p.child(n.High, d)
			p.child(n.Max, d)
			p.close()
		}
	case *ast.TypeAssertExpr:
		if p.open(depth, "TypeAssert") {
			p.child(n.X, d)
			p.child(n.Type, d)
			p.close()
		}
	case *ast.CallExpr:
		var notes []string
		if n.Ellipsis.IsValid() {
			notes = append(notes, "...")
		}
		if p.open(depth, "Call", notes...) {
			p.child(n.Fun, d)
			p.exprs(n.Args, d)
			p.close()
		}
	case *ast.StarExpr:
		if p.open(depth, "Star") {
			p.child(n.X, d)
			p.close()
		}
	case *ast.UnaryExpr:
		if p.open(depth, "Unary", n.Op.String()) {
			p.child(n.X, d)
			p.close()
		}
	case *ast.BinaryExpr:
		if p.open(depth, "Binary", n.Op.String()) {
			p.child(n.X, d)
			p.child(n.Y, d)
			p.close()
		}
	case *ast.KeyValueExpr:
		if p.open(depth, "KeyValue") {
			p.child(n.Key, d)
			p.child(n.Value, d)
			p.close()
		}
	case *ast.Ellipsis:
		if p.open(depth, "Ellipsis") {
			p.child(n.Elt, d)
			p.close()
		}

	// Types.
	case *ast.ArrayType:
		if p.open(depth, "ArrayType") {
			p.child(n.Len, d)
			p.child(n.Elt, d)
			p.close()
		}
	case *ast.StructType:
		if p.open(depth, "StructType") {
			p.fields(n.Fields, d)
			p.close()
		}
	case *ast.Field:
		if p.open(depth, "Field") {
			p.idents(n.Names, d)
			p.child(n.Type, d)
			p.child(n.Tag, d)
			p.close()
		}
	case *ast.FieldList:
		if p.open(depth, "FieldList") {
			p.fields(n, d)
			p.close()
		}
	case *ast.FuncType:
		if p.open(depth, "FuncType") {
			p.child(n.TypeParams, d)
			p.child(n.Params, d)
			p.child(n.Results, d)
			p.close()
		}
	case *ast.InterfaceType:
		if p.open(depth, "InterfaceType") {
			p.fields(n.Methods, d)
			p.close()
		}
	case *ast.MapType:
		if p.open(depth, "MapType") {
			p.child(n.Key, d)
			p.child(n.Value, d)
			p.close()
		}
	case *ast.ChanType:
		if p.open(depth, "ChanType", chanDir(n.Dir)) {
			p.child(n.Value, d)
			p.close()
		}

	// Statements.
	case *ast.BadStmt:
		if p.open(depth, "BadStmt") {
			p.close()
		}
	case *ast.DeclStmt:
		if p.open(depth, "DeclStmt") {
			p.child(n.Decl, d)
			p.close()
		}
	case *ast.EmptyStmt:
		if p.open(depth, "Empty") {
			p.close()
		}
	case *ast.LabeledStmt:
		if p.open(depth, "Labeled") {
			p.child(n.Label, d)
			p.child(n.Stmt, d)
			p.close()
		}
	case *ast.ExprStmt:
		if p.open(depth, "ExprStmt") {
			p.child(n.X, d)
			p.close()
		}
	case *ast.SendStmt:
		if p.open(depth, "Send") {
			p.child(n.Chan, d)
			p.child(n.Value, d)
			p.close()
		}
	case *ast.IncDecStmt:
		if p.open(depth, "IncDec", n.Tok.String()) {
			p.child(n.X, d)
			p.close()
		}
	case *ast.AssignStmt:
		if p.open(depth, "Assign", n.Tok.String()) {
			p.exprs(n.Lhs, d)
			p.exprs(n.Rhs, d)
			p.close()
		}
	case *ast.GoStmt:
		if p.open(depth, "Go") {
			p.child(n.Call, d)
			p.close()
		}
	case *ast.DeferStmt:
		if p.open(depth, "Defer") {
			p.child(n.Call, d)
			p.close()
		}
	case *ast.ReturnStmt:
		if p.open(depth, "Return") {
			p.exprs(n.Results, d)
			p.close()
		}
	case *ast.BranchStmt:
		if p.open(depth, "Branch", n.Tok.String()) {
			p.child(n.Label, d)
			p.close()
		}
	case *ast.BlockStmt:
		if p.open(depth, "Block") {
			p.stmts(n.List, d)
			p.close()
		}
	case *ast.IfStmt:
		if p.open(depth, "If") {
			p.child(n.Init, d)
			p.child(n.Cond, d)
			p.child(n.Body, d)
			p.child(n.Else, d)
			p.close()
		}
	case *ast.CaseClause:
		var notes []string
		if n.List == nil {
			notes = append(notes, "default")
		}
		if p.open(depth, "Case", notes...) {
			p.exprs(n.List, d)
			p.stmts(n.Body, d)
			p.close()
		}
	case *ast.SwitchStmt:
		if p.open(depth, "Switch") {
			p.child(n.Init, d)
			p.child(n.Tag, d)
			p.child(n.Body, d)
			p.close()
		}
	case *ast.TypeSwitchStmt:
		if p.open(depth, "TypeSwitch") {
			p.child(n.Init, d)
			p.child(n.Assign, d)
			p.child(n.Body, d)
			p.close()
		}
	case *ast.CommClause:
		if p.open(depth, "Comm") {
			p.child(n.Comm, d)
			p.stmts(n.Body, d)
			p.close()
		}
	case *ast.SelectStmt:
		if p.open(depth, "Select") {
			p.child(n.Body, d)
			p.close()
		}
	case *ast.ForStmt:
		if p.open(depth, "For") {
			p.child(n.Init, d)
			p.child(n.Cond, d)
			p.child(n.Post, d)
			p.child(n.Body, d)
			p.close()
		}
	case *ast.RangeStmt:
		var notes []string
		if n.Tok != token.ILLEGAL {
			notes = append(notes, n.Tok.String())
		}
		if p.open(depth, "Range", notes...) {
			p.child(n.Key, d)
			p.child(n.Value, d)
			p.child(n.X, d)
			p.child(n.Body, d)
			p.close()
		}

	// Declarations.
	case *ast.BadDecl:
		if p.open(depth, "BadDecl") {
			p.close()
		}
	case *ast.ImportSpec:
		if p.open(depth, "ImportSpec") {
			p.child(n.Name, d)
			p.child(n.Path, d)
			p.close()
		}
	case *ast.ValueSpec:
		if p.open(depth, "ValueSpec") {
			p.idents(n.Names, d)
			p.child(n.Type, d)
			p.exprs(n.Values, d)
			p.close()
		}
	case *ast.TypeSpec:
		var notes []string
		if n.Assign.IsValid() {
			notes = append(notes, "alias")
		}
		if p.open(depth, "TypeSpec", notes...) {
			p.child(n.Name, d)
			p.child(n.TypeParams, d)
			p.child(n.Type, d)
			p.close()
		}
	case *ast.GenDecl:
		notes := []string{n.Tok.String()}
		if n.Lparen.IsValid() {
			notes = append(notes, "()")
		}
		if p.open(depth, "GenDecl", notes...) {
			p.str(" [")
			for i, spec := range n.Specs {
				if i > 0 {
					p.str(" ")
				}
				p.node(spec, d)
			}
			p.str("]")
			p.close()
		}
	case *ast.FuncDecl:
		if p.open(depth, "FuncDecl") {
			p.child(n.Recv, d)
			p.child(n.Name, d)
			p.child(n.Type, d)
			p.child(n.Body, d)
			p.close()
		}
	case *ast.File:
		if p.open(depth, "File") {
			p.child(n.Name, d)
			p.str(" [")
			for i, decl := range n.Decls {
				if i > 0 {
					p.str(" ")
				}
				p.node(decl, d)
			}
			p.str("]")
			p.close()
		}
	default:
		panic(fmt.Sprintf("goast-sexpr: unexpected node %T", n))
	}
}

import GoSyntax

/// Calls after which control never continues: `panic`, `os.Exit`,
/// `log.Fatal*`/`log.Panic*`, `runtime.Goexit`, and `Fatal*`/`FailNow`/
/// `Skip*` on a `*testing.T`, `*testing.B`, `*testing.F` or `testing.TB`.
///
/// Paths ending in such a call are not function exits a leak can escape
/// through: the process or goroutine ends there.
public enum NoReturnCalls {
    static let packageFunctions: [String: Set<String>] = [
        "os": ["Exit"],
        "log": ["Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"],
        "runtime": ["Goexit"],
    ]
    static let testingMethods: Set<String> = ["Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"]
    static let testingTypes: Set<String> = ["T", "B", "F", "TB"]

    /// Whether `call` (a call node) never returns.
    public static func neverReturns(_ call: NodeID, file: SourceFile, types: TypeOracle) -> Bool {
        let tree = file.tree
        guard let call = tree.call(call) else { return false }
        let function = tree.unparenthesized(call.function)
        if tree.kind(function) == .ident {
            return tree.spells(function, "panic") && file.resolution.local(for: function) == nil
                && types.package.scope.functions["panic"] == nil
        }
        guard let selector = tree.selector(function) else { return false }
        let method = tree.text(selector.name)
        if let path = file.importPath(ofPackageName: selector.base) {
            return packageFunctions[path]?.contains(method) ?? false
        }
        guard testingMethods.contains(method), let receiver = types.type(of: selector.base),
            case .named(let package, let name) = receiver.dereferenced
        else { return false }
        return package == "testing" && testingTypes.contains(name)
    }
}

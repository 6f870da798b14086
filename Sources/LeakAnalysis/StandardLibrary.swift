/// Result types of the standard-library functions and methods leak rules
/// reason about, and the types of a few package variables.
///
/// A table, not a type checker: it lets a rule know that `resp` from
/// `http.Get` is an `*http.Response` and that `c := &http.Client{}` has a
/// `Do` method returning one. Anything not listed is unknown.
public enum StandardLibrary {
    static let error = GoType.named(package: "builtin", name: "error")
    static let response = GoType.pointer(.stdlib("net/http", "Response"))
    static let responseAndError = [response, error]

    /// Package-level functions: (import path, name) -> result types.
    static let functions: [String: [String: [GoType]]] = [
        "net/http": [
            "Get": responseAndError, "Head": responseAndError, "Post": responseAndError, "PostForm": responseAndError,
            "NewRequest": [.pointer(.stdlib("net/http", "Request")), error],
            "NewRequestWithContext": [.pointer(.stdlib("net/http", "Request")), error],
        ],
        "net/http/httptest": [
            "NewServer": [.pointer(.stdlib("net/http/httptest", "Server"))],
            "NewTLSServer": [.pointer(.stdlib("net/http/httptest", "Server"))],
            "NewUnstartedServer": [.pointer(.stdlib("net/http/httptest", "Server"))],
            "NewRecorder": [.pointer(.stdlib("net/http/httptest", "ResponseRecorder"))],
        ],
        "context": [
            "Background": [.stdlib("context", "Context")], "TODO": [.stdlib("context", "Context")],
            "WithCancel": [.stdlib("context", "Context"), .stdlib("context", "CancelFunc")],
            "WithTimeout": [.stdlib("context", "Context"), .stdlib("context", "CancelFunc")],
            "WithDeadline": [.stdlib("context", "Context"), .stdlib("context", "CancelFunc")],
            "WithCancelCause": [.stdlib("context", "Context"), .stdlib("context", "CancelCauseFunc")],
            "WithTimeoutCause": [.stdlib("context", "Context"), .stdlib("context", "CancelFunc")],
            "WithDeadlineCause": [.stdlib("context", "Context"), .stdlib("context", "CancelFunc")],
        ],
        "time": [
            "NewTicker": [.pointer(.stdlib("time", "Ticker"))],
            "NewTimer": [.pointer(.stdlib("time", "Timer"))],
            "AfterFunc": [.pointer(.stdlib("time", "Timer"))],
            "Tick": [.channel(.stdlib("time", "Time"))],
            "After": [.channel(.stdlib("time", "Time"))],
        ],
        "database/sql": [
            "Open": [.pointer(.stdlib("database/sql", "DB")), error],
            "OpenDB": [.pointer(.stdlib("database/sql", "DB"))],
        ],
        "os": [
            "Open": [.pointer(.stdlib("os", "File")), error],
            "OpenFile": [.pointer(.stdlib("os", "File")), error],
            "Create": [.pointer(.stdlib("os", "File")), error],
            "CreateTemp": [.pointer(.stdlib("os", "File")), error],
            "NewFile": [.pointer(.stdlib("os", "File"))],
        ],
        "net": [
            "Dial": [.stdlib("net", "Conn"), error], "DialTimeout": [.stdlib("net", "Conn"), error],
            "Listen": [.stdlib("net", "Listener"), error], "ListenPacket": [.stdlib("net", "PacketConn"), error],
        ],
        "os/exec": [
            "Command": [.pointer(.stdlib("os/exec", "Cmd"))],
            "CommandContext": [.pointer(.stdlib("os/exec", "Cmd"))],
        ],
        "compress/gzip": [
            "NewReader": [.pointer(.stdlib("compress/gzip", "Reader")), error],
            "NewWriter": [.pointer(.stdlib("compress/gzip", "Writer"))],
        ],
    ]

    /// Methods: receiver type name ("net/http.Client", pointer or not) -> method -> results.
    static let methods: [String: [String: [GoType]]] = [
        "net/http.Client": ["Do": responseAndError, "Get": responseAndError, "Head": responseAndError,
                            "Post": responseAndError, "PostForm": responseAndError],
        "net/http.Transport": ["RoundTrip": responseAndError],
        "net/http.RoundTripper": ["RoundTrip": responseAndError],
        "net/http/httptest.Server": ["Client": [.pointer(.stdlib("net/http", "Client"))]],
        "database/sql.DB": [
            "Query": [.pointer(.stdlib("database/sql", "Rows")), error],
            "QueryContext": [.pointer(.stdlib("database/sql", "Rows")), error],
            "Prepare": [.pointer(.stdlib("database/sql", "Stmt")), error],
            "PrepareContext": [.pointer(.stdlib("database/sql", "Stmt")), error],
            "Begin": [.pointer(.stdlib("database/sql", "Tx")), error],
            "BeginTx": [.pointer(.stdlib("database/sql", "Tx")), error],
            "Conn": [.pointer(.stdlib("database/sql", "Conn")), error],
        ],
        "database/sql.Tx": [
            "Query": [.pointer(.stdlib("database/sql", "Rows")), error],
            "QueryContext": [.pointer(.stdlib("database/sql", "Rows")), error],
            "Prepare": [.pointer(.stdlib("database/sql", "Stmt")), error],
            "PrepareContext": [.pointer(.stdlib("database/sql", "Stmt")), error],
        ],
        "database/sql.Stmt": [
            "Query": [.pointer(.stdlib("database/sql", "Rows")), error],
            "QueryContext": [.pointer(.stdlib("database/sql", "Rows")), error],
        ],
        "database/sql.Conn": [
            "QueryContext": [.pointer(.stdlib("database/sql", "Rows")), error],
            "PrepareContext": [.pointer(.stdlib("database/sql", "Stmt")), error],
            "BeginTx": [.pointer(.stdlib("database/sql", "Tx")), error],
        ],
        "net.Dialer": ["Dial": [.stdlib("net", "Conn"), error], "DialContext": [.stdlib("net", "Conn"), error]],
    ]

    /// Package variables: (import path, name) -> type.
    static let variables: [String: [String: GoType]] = [
        "net/http": [
            "DefaultClient": .pointer(.stdlib("net/http", "Client")),
            "DefaultTransport": .stdlib("net/http", "RoundTripper"),
        ],
    ]

    public static func resultTypes(package: String, function: String) -> [GoType]? {
        functions[package]?[function]
    }

    public static func resultTypes(receiver: GoType, method: String) -> [GoType]? {
        guard case .named(let package, let name) = receiver.dereferenced else { return nil }
        return methods[package + "." + name]?[method]
    }

    public static func variableType(package: String, name: String) -> GoType? {
        variables[package]?[name]
    }
}

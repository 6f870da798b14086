import LeakAnalysis

/// What kind of thing must be released, how it is released, and what leaks
/// when it is not: the data behind `unclosed-resource`.
public struct ResourceKind: Sendable, Equatable {
    /// How the value is called in messages: "file", "rows", "connection"...
    public var noun: String
    /// Method names any of which releases it.
    public var releases: [String]
    /// The end of the message: "the file descriptor leaks".
    public var whatLeaks: String
    /// Past participle for messages: "closed", "released".
    public var verb: String

    public init(noun: String, releases: [String], whatLeaks: String, verb: String = "closed") {
        self.noun = noun
        self.releases = releases
        self.whatLeaks = whatLeaks
        self.verb = verb
    }
}

/// The resources leaklint knows, keyed by what creates them.
///
/// Documented in `Rules/unclosed-resource/README.md`; teams add their own
/// through `.leaklint.json` (see `Configuration`).
public enum ResourceTable {
    static let file = ResourceKind(noun: "file", releases: ["Close"], whatLeaks: "the file descriptor leaks")
    static let rows = ResourceKind(noun: "rows", releases: ["Close"], whatLeaks: "the database connection stays busy")
    static let statement = ResourceKind(
        noun: "statement", releases: ["Close"], whatLeaks: "the prepared statement stays open on the server")
    static let transaction = ResourceKind(
        noun: "transaction", releases: ["Commit", "Rollback"], whatLeaks: "the connection stays checked out", verb: "finished")
    static let databaseConnection = ResourceKind(
        noun: "connection", releases: ["Close"], whatLeaks: "the database connection is never returned to the pool")
    static let socket = ResourceKind(noun: "connection", releases: ["Close"], whatLeaks: "the socket leaks")
    static let listener = ResourceKind(noun: "listener", releases: ["Close"], whatLeaks: "the socket leaks")
    static let testServer = ResourceKind(noun: "server", releases: ["Close"], whatLeaks: "its listener and goroutines leak")
    static let decompressor = ResourceKind(noun: "reader", releases: ["Close"], whatLeaks: "its decompressor state leaks")

    /// Package functions: import path -> function -> kind.
    static let functions: [String: [String: ResourceKind]] = [
        "os": ["Open": file, "OpenFile": file, "Create": file, "CreateTemp": file, "NewFile": file],
        "net": ["Dial": socket, "DialTimeout": socket, "Listen": listener, "ListenPacket": socket, "DialTCP": socket,
                "DialUDP": socket, "DialUnix": socket, "ListenTCP": listener, "ListenUnix": listener],
        "crypto/tls": ["Dial": socket, "DialWithDialer": socket, "Listen": listener],
        "net/http/httptest": ["NewServer": testServer, "NewTLSServer": testServer, "NewUnstartedServer": testServer],
        "compress/gzip": ["NewReader": decompressor],
        "compress/zlib": ["NewReader": decompressor],
        "compress/flate": ["NewReader": decompressor],
    ]

    /// Methods: receiver type ("database/sql.DB") -> method -> kind.
    static let methods: [String: [String: ResourceKind]] = [
        "database/sql.DB": ["Query": rows, "QueryContext": rows, "Prepare": statement, "PrepareContext": statement,
                            "Begin": transaction, "BeginTx": transaction, "Conn": databaseConnection],
        "database/sql.Tx": ["Query": rows, "QueryContext": rows, "Prepare": statement, "PrepareContext": statement],
        "database/sql.Stmt": ["Query": rows, "QueryContext": rows],
        "database/sql.Conn": ["QueryContext": rows, "PrepareContext": statement, "BeginTx": transaction],
        "net.Dialer": ["Dial": socket, "DialContext": socket],
    ]

    /// Readers that consume a file or reader without taking it over.
    static let readers = UnclosedBodyRule.readers
}

import GoSyntax
import LeakAnalysis

/// `goroutine-send-leak`: a goroutine sends on an unbuffered channel the
/// function made, and the function can return without receiving — the
/// sender then blocks forever, with everything it references. One finding
/// per channel, at its first such send.
enum GoroutineSendLeakRule {
    static let id = "goroutine-send-leak"

    static let rule = Rule(
        id: id, title: "goroutine blocked forever sending on a channel nobody receives from", severity: .warning,
        kinds: [.sendStmt]
    ) { send, context in check(send, context) }

    static func check(_ send: NodeID, _ context: RuleContext) {
        let tree = context.tree
        let resolution = context.file.resolution
        guard let channel = tree.send(send)?.channel, tree.kind(channel) == .ident, let declaration = resolution.local(for: channel)
        else { return }
        // The send is in a goroutine literal; the channel belongs to the function that started it.
        let goroutine = resolution.function(containing: send)
        let function = declaration.function
        guard goroutine != function, tree.kind(context.file.parents[send]) != .commClause,
            let facts = ChannelFacts.of(declaration, function: function, context), facts.unbuffered, !facts.escapes,
            facts.isSite(channel, in: goroutine)
        else { return }
        let goStatement = context.file.parents[context.file.parents[goroutine]]
        guard let search = context.exitSearch(ofFunction: function), search.graph.location(of: goStatement) != nil else { return }
        let graph = search.graph
        // Receivers in goroutines (ping-pong, worker pools) may drain it: stay silent.
        if facts.receivedInGoroutine { return }
        let receives = facts.receivesInFunction
        let name = tree.text(channel)
        let elementType = tree.text(madeChannelType(facts.make, tree)?.element ?? .none)

        if context.enclosingLoop(of: goStatement) != nil, receives.count == 1,
            context.enclosingLoop(of: receives[0].reference) == nil,
            !facts.isClosed {
            context.report(
                send,
                "goroutines started in a loop send on \(name) but this function receives only once: the other senders block forever; give the channel room for every sender, make(chan \(elementType), n)",
                leak: declaration.name, alsoHere: "also sends on \(name) here")
            return
        }
        let stops = Set(receives.compactMap { ChannelFacts.stopItem(for: $0.reference, after: goStatement, in: graph, of: function, context) })
        guard let witness = search.firstUnstoppedExit(after: goStatement, stops: stops) else { return }
        let related = ResourceTracking.witnessLocation(
            witness, graph: graph, context,
            witness == graph.body ? "the end of the function is reached without receiving from \(name)" : "this return does not receive from \(name)")
        // A buffer of one is enough for one result: a single send, run once.
        let singleResult = facts.sendCount == 1 && context.enclosingLoop(of: send) == nil && context.enclosingLoop(of: goStatement) == nil
        context.report(
            send,
            "goroutine blocks forever sending on \(name) when this function returns without receiving: make the channel buffered, make(chan \(elementType), 1)",
            leak: declaration.name, alsoHere: "also sends on \(name) here", related: [related],
            fix: singleResult ? bufferFix(facts.make, context) : nil)
    }

    /// The channel type `chan T` of `make(chan T[, n])`.
    static func madeChannelType(_ make: NodeID, _ tree: SyntaxTree) -> ChannelType? {
        guard let type = tree.call(make)?.arguments.first else { return nil }
        return tree.channelType(type)
    }

    /// `make(chan T)` -> `make(chan T, 1)`; `make(chan T, 0)` -> `make(chan T, 1)`.
    static func bufferFix(_ make: NodeID, _ context: RuleContext) -> SuggestedFix? {
        let tree = context.tree
        guard let arguments = tree.call(make)?.arguments, let type = arguments.first else { return nil }
        if arguments.count == 2 {
            let size = tree[arguments[1]]
            return SuggestedFix(message: "make the channel buffered", edits: [TextEdit(start: size.start, end: size.end, replacement: "1")])
        }
        return SuggestedFix(
            message: "make the channel buffered", edits: [TextEdit(start: tree[type].end, end: tree[type].end, replacement: ", 1")])
    }
}

/// `goroutine-recv-leak`: a goroutine receives from (or ranges over) a
/// channel the function made, and some path returns without closing it or
/// sending on it — the receiver waits forever. One finding per channel, at
/// its first such receive.
enum GoroutineRecvLeakRule {
    static let id = "goroutine-recv-leak"

    static let rule = Rule(
        id: id, title: "goroutine blocked forever receiving from a channel nobody sends on or closes", severity: .warning,
        kinds: [.ident]
    ) { identifier, context in check(identifier, context) }

    static func check(_ reference: NodeID, _ context: RuleContext) {
        let tree = context.tree
        let resolution = context.file.resolution
        let parents = context.file.parents
        // Cheap filters first: a receive or range in a function literal.
        let parent = parents[reference]
        guard tree.receives(from: reference, parent: parent), let declaration = resolution.local(for: reference),
            declaration.name != reference
        else { return }
        let goroutine = resolution.function(containing: reference)
        let function = declaration.function
        guard goroutine != function, tree.kind(goroutine) == .funcLit, !ChannelFacts.inSelectWithAlternatives(reference, context),
            let facts = ChannelFacts.of(declaration, function: function, context), !facts.escapes,
            facts.isSite(reference, in: goroutine)
        else { return }
        let goStatement = parents[parents[goroutine]]
        guard let search = context.exitSearch(ofFunction: function), search.graph.location(of: goStatement) != nil else { return }
        let graph = search.graph
        // Sends or closes anywhere else (in the function or other goroutines it starts)
        // unblock it; a range over the channel ends only when it is closed.
        let ranges = tree.kind(parent) == .rangeStmt
        let unblocking = facts.sendsAndCloses.filter { ($0.use == .close || !ranges) && $0.goroutine != goroutine }
        // A deferred close covers every exit; a send before the goroutine starts (a
        // semaphore token) is already waiting for it.
        let goStart = tree[goStatement].start
        // Goroutines that both receive and send (ping-pong between instances) pair up by themselves.
        if facts.sendingGoroutines.contains(goroutine) { return }
        for site in unblocking {
            // (A deferred close after the goroutine starts is an ordinary stop on the paths through it.)
            if tree[site.reference].start < goStart { return }
        }
        let stops = Set(unblocking.compactMap { ChannelFacts.stopItem(for: $0.reference, after: goStatement, in: graph, of: function, context) })
        guard let witness = search.firstUnstoppedExit(after: goStatement, stops: stops) else { return }
        let name = tree.text(reference)
        let related = ResourceTracking.witnessLocation(
            witness, graph: graph, context,
            witness == graph.body ? "the end of the function is reached without closing \(name)" : "this return neither closes \(name) nor sends on it")
        context.report(
            ranges ? reference : parent,
            "goroutine blocks forever receiving from \(name) when this function returns without closing it or sending on it: close(\(name)) when the work is done (defer close(\(name)))",
            leak: declaration.name, alsoHere: "also receives from \(name) here", related: [related])
    }
}

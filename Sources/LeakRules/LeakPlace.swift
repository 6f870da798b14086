import GoSyntax

/// One finding that is a place of a leak which may show at several places.
///
/// Without merging, a loop variable captured three times would be three
/// findings and three alerts to triage for one bug; merged, it is one
/// finding at the place to fix, and the other places are its related
/// locations.
struct LeakPlace {
    /// Index of the finding in the context's diagnostics.
    var index: Int
    var ruleID: String
    /// The node standing for the leaking thing (a variable's declaration).
    var leak: NodeID
    /// The related-location message when this place is not the first.
    var alsoHere: String

    /// `diagnostics` with the places of each leak merged into the first in
    /// source order; its own related locations come first, then the other
    /// places in source order. Order is otherwise kept.
    static func merge(_ diagnostics: [Diagnostic], places: [LeakPlace]) -> [Diagnostic] {
        guard places.count > 1 else { return diagnostics }
        /// Places of one rule about one leaking thing.
        struct Key: Hashable {
            var ruleID: String
            var leak: NodeID
        }
        var groups: [Key: [LeakPlace]] = [:]
        for place in places { groups[Key(ruleID: place.ruleID, leak: place.leak), default: []].append(place) }
        var result = diagnostics
        var dropped = Set<Int>()
        for group in groups.values where group.count > 1 {
            let ordered = group.sorted { lhs, rhs in
                let (a, b) = (diagnostics[lhs.index], diagnostics[rhs.index])
                return (a.start, a.end, lhs.index) < (b.start, b.end, rhs.index)
            }
            let primary = ordered[0].index
            /// A related location as far as listing it twice goes.
            struct Listed: Hashable {
                var start: Int32
                var end: Int32
                var message: String
            }
            var listed = Set(result[primary].related.map { Listed(start: $0.start, end: $0.end, message: $0.message) })
            for other in ordered.dropFirst() {
                let place = diagnostics[other.index]
                dropped.insert(other.index)
                // The same place reported twice (two paths to one node) is listed once.
                if place.start == diagnostics[primary].start && place.end == diagnostics[primary].end { continue }
                guard listed.insert(Listed(start: place.start, end: place.end, message: other.alsoHere)).inserted else { continue }
                result[primary].related.append(
                    RelatedLocation(path: place.path, start: place.start, end: place.end, message: other.alsoHere))
            }
        }
        return result.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }
}

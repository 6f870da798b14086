/// A path pattern as users write them to leave trees out of a lint:
/// segments separated by `/`, where `*` matches any run of characters
/// within a segment, `?` one character, and a `**` segment any number of
/// segments (none included). A pattern that matches a directory matches
/// everything below it, so `third_party` and `third_party/**` both leave
/// the whole tree out. Patterns are anchored at their base directory;
/// `**/gen` finds `gen` at any depth.
public struct PathPattern: Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    private let segments: [[UInt8]]

    public init(_ text: String) {
        self.text = text
        segments = PathText.clean(text).split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
    }

    public var description: String { text }

    /// Whether the relative path (cleaned, `/`-separated), or a directory
    /// above it, matches.
    public func matches(relativePath path: String) -> Bool {
        let pathSegments = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        guard !segments.isEmpty else { return false }
        // reachable[j]: the pattern's first i segments can match the path's first j.
        var reachable = [Bool](repeating: false, count: pathSegments.count + 1)
        reachable[0] = true
        for segment in segments {
            var next = [Bool](repeating: false, count: pathSegments.count + 1)
            if segment == PathPattern.anyDepth {
                var seen = false
                for index in 0...pathSegments.count {
                    seen = seen || reachable[index]
                    next[index] = seen
                }
            } else {
                for index in 0..<pathSegments.count where reachable[index] {
                    if PathPattern.segment(segment, matches: pathSegments[index]) { next[index + 1] = true }
                }
            }
            reachable = next
        }
        // A match of any leading part of the path is a match of a directory above it.
        return reachable.dropFirst().contains(true)
    }

    private static let anyDepth = Array("**".utf8)

    /// `*` and `?` within one segment, by the classic two-pointer walk with
    /// one backtrack point (linear for a single `*`, never exponential).
    static func segment(_ pattern: [UInt8], matches name: [UInt8]) -> Bool {
        var p = 0
        var n = 0
        var starP = -1
        var starN = 0
        let star = UInt8(ascii: "*")
        let question = UInt8(ascii: "?")
        while n < name.count {
            if p < pattern.count && (pattern[p] == question || pattern[p] == name[n]) {
                p += 1
                n += 1
            } else if p < pattern.count && pattern[p] == star {
                starP = p
                starN = n
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starN += 1
                n = starN
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == star { p += 1 }
        return p == pattern.count
    }
}

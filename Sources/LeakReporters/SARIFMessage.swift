import LeakRules

/// The text of SARIF messages: a result's message links to its related
/// locations with SARIF's embedded links (`[this return leaves f open](1)`,
/// the number being the related location's id), which code scanning renders
/// as links to those places. Literal brackets (and backslashes) are escaped
/// with a backslash, as SARIF requires of message text once embedded links
/// may appear in it.
enum SARIFMessage {
    /// The result message: the finding's message, then a link to each related location.
    static func resultText(_ finding: ReportedFinding) -> String {
        var text = escaped(finding.message)
        guard !finding.related.isEmpty else { return text }
        let links = finding.related.enumerated().map { index, related in
            "[\(escaped(linkText(related)))](\(index + 1))"
        }
        text += " (" + links.joined(separator: "; ") + ")"
        return text
    }

    /// A related location's own message.
    static func relatedText(_ related: ReportedLocation) -> String {
        escaped(related.message)
    }

    /// What a link to a related location says: its message, or where it is when it has none.
    static func linkText(_ related: ReportedLocation) -> String {
        related.message.isEmpty ? "line \(related.start.line)" : related.message
    }

    /// `[`, `]` and `\` preceded by a backslash.
    static func escaped(_ text: String) -> String {
        func special(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "\\") }
        guard text.utf8.contains(where: special) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 4)
        for character in text {
            if character == "[" || character == "]" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

/// Renders a rule's Markdown README as plain text for a terminal
/// (`leaklint explain`) and for SARIF's `help.text`: headings underlined,
/// code blocks indented, inline markup and link targets dropped.
public enum MarkdownText {
    public static func render(_ markdown: String) -> String {
        var output: [String] = []
        var inCode = false
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if line.hasPrefix("```") {
                inCode.toggle()
                continue
            }
            if inCode {
                output.append("    " + line)
                continue
            }
            if line.hasPrefix("#") {
                let title = inline(String(line.drop { $0 == "#" }).trimmingSpaces())
                output.append(title)
                output.append(String(repeating: line.hasPrefix("# ") ? "=" : "-", count: title.count))
                continue
            }
            output.append(inline(line))
        }
        while output.last?.isEmpty == true { output.removeLast() }
        return output.joined(separator: "\n") + "\n"
    }

    /// The first paragraph after the title and its one-line summary: a short description.
    public static func firstParagraph(_ markdown: String) -> String {
        var paragraphs: [[String]] = [[]]
        var inCode = false
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if line.hasPrefix("```") { inCode.toggle(); continue }
            if inCode || line.hasPrefix("#") { paragraphs.append([]); continue }
            if line.trimmingSpaces().isEmpty { paragraphs.append([]) } else { paragraphs[paragraphs.count - 1].append(inline(line)) }
        }
        let texts = paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }
        return texts.dropFirst().first ?? texts.first ?? ""
    }

    /// Drops `**`, backticks and link targets: `[text](url)` -> `text`.
    static func inline(_ line: String) -> String {
        var result = ""
        var characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`" || (character == "*" && index + 1 < characters.count && characters[index + 1] == "*") {
                index += character == "*" ? 2 : 1
                continue
            }
            if character == "]", index + 1 < characters.count, characters[index + 1] == "(",
                let close = characters[(index + 1)...].firstIndex(of: ")") {
                index = close + 1
                continue
            }
            if character == "[" {
                index += 1
                continue
            }
            result.append(character)
            index += 1
        }
        characters.removeAll()
        return result
    }
}

extension String {
    func trimmingSpaces() -> String {
        var result = Substring(self)
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return String(result)
    }
}

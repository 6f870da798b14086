import Foundation

// Embeds each rule's README.md into the leaklint binary as a Swift string
// literal, so that the documentation has one source (Rules/<id>/README.md)
// and an installed binary needs no files beside it.
//
// usage: RuleDocsGenerator OUTPUT.swift Rules/<id>/README.md...

let arguments = Array(CommandLine.arguments.dropFirst())
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: RuleDocsGenerator OUTPUT.swift README.md...\n".utf8))
    exit(2)
}

/// A raw string literal delimiter longer than any run of `#` in the text.
func delimiter(for text: String) -> String {
    var longest = 0
    var current = 0
    for character in text {
        current = character == "#" ? current + 1 : 0
        longest = max(longest, current)
    }
    return String(repeating: "#", count: longest + 1)
}

var entries = ""
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let ruleID = url.deletingLastPathComponent().lastPathComponent
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("RuleDocsGenerator: cannot read \(path)\n".utf8))
        exit(1)
    }
    let text = String(decoding: data, as: UTF8.self)
    let hashes = delimiter(for: text)
    entries += "        \"\(ruleID)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
}
let output = """
    // Generated at build time from Rules/<id>/README.md by RuleDocsGenerator. Do not edit.

    /// Each rule's README, keyed by rule id.
    enum RuleDocumentation {
        static let byID: [String: String] = [
    \(entries.isEmpty ? "        :\n" : entries)    ]
    }

    """

do {
    try output.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("RuleDocsGenerator: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}

import FilePaths
import LeakRules

/// The default output: `path:line:col: message (rule-id)`, the line format
/// go vet, vim's errorformat, Emacs compilation mode and VS Code problem
/// matchers read; related locations follow, indented with a tab. Control
/// characters in paths and messages are escaped (`\n`, `\x1B`), so that a
/// file's name can neither break the line nor reach the terminal as a command.
public enum TextReporter {
    /// ANSI colours, used only when writing to a terminal.
    public struct Style: Sendable {
        var location: (String, String)
        var rule: (String, String)

        public static let plain = Style(location: ("", ""), rule: ("", ""))
        public static let colour = Style(location: ("\u{1B}[1m", "\u{1B}[0m"), rule: ("\u{1B}[33m", "\u{1B}[0m"))
    }

    public static func render(_ report: Report, style: Style = .plain) -> String {
        var output = ""
        for finding in report.findings {
            let start = finding.location.start
            let path = PrintableText.escaped(finding.path)
            output += style.location.0 + "\(path):\(start.line):\(start.column):" + style.location.1
            output += " \(PrintableText.escaped(finding.message)) " + style.rule.0 + "(\(finding.ruleID))" + style.rule.1 + "\n"
            for related in finding.related {
                let relatedPath = PrintableText.escaped(related.path)
                output += "\t\(relatedPath):\(related.start.line):\(related.start.column): \(PrintableText.escaped(related.message))\n"
            }
        }
        return output
    }

    /// `3 findings in 2 files; 1,204 files checked in 0.41s`, and when some
    /// were hidden `3 new findings in 2 files; 27 in the baseline, 2 suppressed; ...`.
    public static func summary(_ report: Report) -> String {
        let files = Set(report.findings.map(\.path)).count
        let checked = "\(grouped(report.filesChecked)) \(report.filesChecked == 1 ? "file" : "files") checked in \(seconds(report.seconds))s"
        // "new" only means something when the baseline took some away.
        let new = report.baselined.isEmpty ? "" : "new "
        var summary: String
        if report.findings.isEmpty {
            summary = "no \(new)findings"
        } else {
            let findings = report.findings.count
            summary = "\(grouped(findings)) \(new)\(findings == 1 ? "finding" : "findings") in \(grouped(files)) \(files == 1 ? "file" : "files")"
        }
        var hidden: [String] = []
        if !report.baselined.isEmpty { hidden.append("\(grouped(report.baselined.count)) in the baseline") }
        if !report.suppressed.isEmpty { hidden.append("\(grouped(report.suppressed.count)) suppressed") }
        if !hidden.isEmpty { summary += "; " + hidden.joined(separator: ", ") }
        summary += "; \(checked)"
        if !report.errors.isEmpty {
            summary += "; \(grouped(report.errors.count)) \(report.errors.count == 1 ? "error" : "errors")"
        }
        return summary
    }

    /// 1204 -> "1,204".
    public static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return result
    }

    public static func seconds(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

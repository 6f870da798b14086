import LeakRules

/// The default output: `path:line:col: message (rule-id)`, the line format
/// go vet, vim's errorformat, Emacs compilation mode and VS Code problem
/// matchers read; related locations follow, indented with a tab.
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
            output += style.location.0 + "\(finding.path):\(start.line):\(start.column):" + style.location.1
            output += " \(finding.message) " + style.rule.0 + "(\(finding.ruleID))" + style.rule.1 + "\n"
            for related in finding.related {
                output += "\t\(related.path):\(related.start.line):\(related.start.column): \(related.message)\n"
            }
        }
        return output
    }

    /// `3 findings in 2 files; 1,204 files checked in 0.41s`.
    public static func summary(_ report: Report) -> String {
        let files = Set(report.findings.map(\.path)).count
        let checked = "\(grouped(report.filesChecked)) \(report.filesChecked == 1 ? "file" : "files") checked in \(seconds(report.seconds))s"
        var summary: String
        if report.findings.isEmpty {
            summary = "no findings; \(checked)"
        } else {
            let findings = report.findings.count
            summary = "\(grouped(findings)) \(findings == 1 ? "finding" : "findings") in \(grouped(files)) \(files == 1 ? "file" : "files"); \(checked)"
        }
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

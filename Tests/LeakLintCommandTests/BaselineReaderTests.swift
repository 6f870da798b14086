import Foundation
import LeakReporters
import Testing
@testable import LeakLintCommand

/// Baselines are read in one pass over their bytes, keeping only the
/// fingerprints: the same answers as before, in memory close to the size
/// of the file, at any nesting depth.
@Suite struct BaselineReading {
    static func fingerprints(_ text: String) -> Result<Set<String>, BaselineReader.Problem> {
        BaselineReader.fingerprints(in: Array(text.utf8))
    }

    static let key = Fingerprint.sarifKey

    @Test func sarifResultsThatAreOpen() {
        let sarif = """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "leaklint", "rules": [{"id": "x"}]}}, "results": [
              {"ruleId": "a", "partialFingerprints": {"\(BaselineReading.key)": "open"}, "suppressions": []},
              {"ruleId": "b", "partialFingerprints": {"\(BaselineReading.key)": "suppressed"}, "suppressions": [{"kind": "inSource"}]},
              {"ruleId": "c", "baselineState": "absent", "partialFingerprints": {"\(BaselineReading.key)": "absent"}},
              {"ruleId": "d", "baselineState": "unchanged", "partialFingerprints": {"other/v1": "no", "\(BaselineReading.key)": "kept"}},
              {"ruleId": "e", "partialFingerprints": {"\(BaselineReading.key)": 7}},
              {"partialFingerprints": {"\(BaselineReading.key)": "esc\\u0061ped\\n\\ud83d\\ude00"}, "message": {"text": "runs"}},
              "not a result"
            ]}, {"results": [{"partialFingerprints": {"\(BaselineReading.key)": "second run"}}]}]}
            """
        #expect(BaselineReading.fingerprints(sarif) == .success(["open", "kept", "escaped\n\u{1F600}", "second run"]))
    }

    @Test func leaklintJSONFindings() {
        let json = #"{"findings": [{"fingerprint": "one", "related": [{"fingerprint": "nested"}]}, {"fingerprint": "two"}, {"rule": "x"}], "summary": {"findings": 3}}"#
        #expect(BaselineReading.fingerprints(json) == .success(["one", "two"]))
        // Keys are compared after decoding escapes.
        #expect(BaselineReading.fingerprints(#"{"find\u0069ngs": [{"fingerpr\u0069nt": "x"}]}"#) == .success(["x"]))
    }

    @Test func sarifRunsWinOverFindingsWhereverTheyAre() {
        let both = #"{"findings": [{"fingerprint": "json"}], "runs": [{"results": [{"partialFingerprints": {"KEY": "sarif"}}]}]}"#
        #expect(BaselineReading.fingerprints(both.replacingOccurrences(of: "KEY", with: BaselineReading.key)) == .success(["sarif"]))
        // Runs that are not objects are no SARIF; findings that are not objects are no leaklint report.
        #expect(BaselineReading.fingerprints(#"{"runs": [1], "findings": [{"fingerprint": "json"}]}"#) == .success(["json"]))
        #expect(BaselineReading.fingerprints(#"{"findings": [{"fingerprint": "a"}, 2]}"#) == .failure(.neitherSARIFNorFindings))
        #expect(BaselineReading.fingerprints(#"{"runs": {}}"#) == .failure(.neitherSARIFNorFindings))
        #expect(BaselineReading.fingerprints(#"{"runs": []}"#) == .success([]))
    }

    @Test func notJSONObjects() {
        for text in [
            "", "[]", "\"runs\"", "{", "{\"runs\": [}", "{\"a\": 1,}", "{\"a\" 1}", "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": tru}",
            "{\"a\": \"\u{1}\"}", "{\"a\": \"\\x\"}", "{\"a\": \"\\u12\"}", "{\"findings\": []} {}", "{'a': 1}",
        ] {
            #expect(BaselineReading.fingerprints(text) == .failure(.notJSONObject), "\(text)")
        }
        #expect(BaselineReading.fingerprints("\u{FEFF}{\"findings\": []} \n") == .success([]))
        #expect(BaselineReading.fingerprints(#"{"a": [-0.5e+3, 1E2, true, false, null, {}, []], "findings": []}"#) == .success([]))
    }

    /// Nesting is counted, not recursed into.
    @Test func deepNestingNeedsNoStack() {
        let depth = 200_000
        let text = "{\"x\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + ", \"findings\": []}"
        #expect(BaselineReading.fingerprints(text) == .success([]))
        #expect(BaselineReading.fingerprints("{\"x\": " + String(repeating: "[", count: depth)) == .failure(.notJSONObject))
    }

    /// A baseline used to take over twenty times its size in memory (a
    /// tree of objects for the whole report); now a baseline 7 MB larger
    /// than another needs little more than those 7 MB.
    @Test(.enabled(if: !Sanitizers.active)) func memoryGrowsLikeTheFileSize() throws {
        guard let executable = BinaryRun.executable else {
            Issue.record("the leaklint executable was not built")
            return
        }
        let tree = try FixtureTree()
        try tree.write("a.go", StandardStreams.leaky)
        var peaks: [Int] = []
        var sizes: [Int] = []
        for count in [4_000, 16_000] {
            let baseline = BaselineReading.sarifBaseline(results: count)
            try tree.write("baseline.sarif", baseline)
            sizes.append(baseline.utf8.count)
            let run = try PeakMemory.kilobytes(executable, ["-q", "--baseline", tree.path("baseline.sarif"), tree.path("a.go")])
            #expect(run.status == 1)
            peaks.append(run.kilobytes * 1024)
        }
        let grown = sizes[1] - sizes[0]
        #expect(grown > 7_000_000)
        #expect(peaks[1] - peaks[0] < 3 * grown, "peaks \(peaks) bytes for baselines of \(sizes) bytes")
    }

    /// A SARIF baseline of `results` results of some 600 bytes each.
    static func sarifBaseline(results count: Int) -> String {
        let padding = String(repeating: "x", count: 300)
        var results: [String] = []
        for index in 0..<count {
            results.append("""
                {"ruleId": "unclosed-resource", "level": "warning", "message": {"text": "\(padding)"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": "svc/f\(index).go", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": \(index), "startColumn": 2, "endLine": \(index), "endColumn": 9}}}],
                "partialFingerprints": {"\(BaselineReading.key)": "\(String(index, radix: 16))"}}
                """)
        }
        return "{\"version\": \"2.1.0\", \"runs\": [{\"results\": [\n" + results.joined(separator: ",\n") + "]}]}"
    }
}

/// The peak resident memory of a child process, sampled from
/// `/proc/PID/status` while it runs (`VmHWM`, the high-water mark of its
/// own memory since it started the executable; what `wait4` reports also
/// counts the memory of the process that spawned it).
enum PeakMemory {
    struct Unsupported: Error, CustomStringConvertible { var description = "no /proc/PID/status on this system" }

    static func kilobytes(_ executable: String, _ arguments: [String]) throws -> (status: Int32, kilobytes: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let statusFile = "/proc/\(process.processIdentifier)/status"
        var peak = 0
        while process.isRunning {
            // High-water marks only grow: the last sample is the peak, but for the final instant.
            if let text = readProcFile(statusFile),
                let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let value = Int(line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
            {
                peak = max(peak, value)
            }
            usleep(1000)
        }
        process.waitUntilExit()
        guard peak > 0 else { throw Unsupported() }
        return (process.terminationStatus, peak)
    }

    /// A /proc file's text (they claim a size of 0, so they are read to their end).
    static func readProcFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

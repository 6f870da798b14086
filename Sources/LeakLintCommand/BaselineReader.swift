import LeakReporters

/// Takes the fingerprints of the open findings out of a JSON or SARIF
/// report in one pass over its bytes (`JSONEventScanner`), keeping only the
/// fingerprints: a baseline of tens of thousands of findings then needs
/// little more memory than its own bytes, where a tree of objects for the
/// whole report needed over twenty times as much.
///
/// SARIF is recognised by a `runs` array of objects, whose results count
/// unless they carry a suppression or are marked absent; otherwise the
/// leaklint JSON `findings` array of objects is read.
struct BaselineReader {
    /// What the value being read means to a baseline.
    private enum Role {
        case document
        case runs
        case run
        case results
        case result
        case suppressions
        case baselineState
        case partialFingerprints
        case sarifFingerprint
        case findings
        case finding
        case findingFingerprint
        /// Anything else: read only to check the grammar.
        case other
    }

    /// Why a report cannot serve as a baseline.
    enum Problem: Error, Equatable {
        case notJSONObject
        case neitherSARIFNorFindings
    }

    private var scanner: JSONEventScanner
    /// The open containers' roles, with the role of the value the
    /// latest key announced (objects only).
    private var open: [(role: Role, keyRole: Role)] = []
    private var sarifFingerprints: Set<String> = []
    private var findingFingerprints: Set<String> = []
    private var sawRuns = false
    private var runsAreObjects = true
    private var sawFindings = false
    private var findingsAreObjects = true
    /// The result being read.
    private var resultSuppressed = false
    private var resultAbsent = false
    private var resultFingerprint: String?

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        scanner = JSONEventScanner(bytes)
    }

    /// The fingerprints of the open findings of the report in `bytes`.
    static func fingerprints(in bytes: [UInt8]) -> Result<Set<String>, Problem> {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = BaselineReader(buffer)
            return reader.read()
        }
    }

    private mutating func read() -> Result<Set<String>, Problem> {
        var first = true
        while true {
            let event: JSONEventScanner.Event
            switch scanner.next() {
            case .failure: return .failure(.notJSONObject)
            case .success(nil):
                if sawRuns && runsAreObjects { return .success(sarifFingerprints) }
                if sawFindings && findingsAreObjects { return .success(findingFingerprints) }
                return .failure(.neitherSARIFNorFindings)
            case .success(let next?): event = next
            }
            if first {
                guard event == .objectStart else { return .failure(.notJSONObject) }
                open.append((.document, .other))
                first = false
                continue
            }
            handle(event)
        }
    }

    private mutating func handle(_ event: JSONEventScanner.Event) {
        switch event {
        case .key(let range):
            guard let top = open.last else { return }
            open[open.count - 1].keyRole = role(ofKey: range, in: top.role)
        case .objectEnd, .arrayEnd:
            guard let closed = open.popLast() else { return }
            if closed.role == .result {
                if !resultSuppressed && !resultAbsent, let fingerprint = resultFingerprint { sarifFingerprints.insert(fingerprint) }
            }
        case .objectStart, .arrayStart:
            let role = valueRole(isObject: event == .objectStart, isArray: event == .arrayStart)
            if role == .result {
                resultSuppressed = false
                resultAbsent = false
                resultFingerprint = nil
            }
            open.append((role, .other))
        case .string(let range):
            switch valueRole(isObject: false, isArray: false) {
            case .baselineState: if scanner.string(range, equals: "absent") { resultAbsent = true }
            case .sarifFingerprint: resultFingerprint = scanner.decodedString(range)
            case .findingFingerprint: findingFingerprints.insert(scanner.decodedString(range))
            default: break
            }
        case .scalar:
            _ = valueRole(isObject: false, isArray: false)
        }
    }

    /// The role of a value starting now in the innermost container, noting
    /// what the value's kind says about the report on the way.
    private mutating func valueRole(isObject: Bool, isArray: Bool) -> Role {
        guard let top = open.last else { return .other }
        switch top.role {
        case .document, .run, .result, .partialFingerprints, .finding:
            let role = top.keyRole
            // A key announces one value only.
            open[open.count - 1].keyRole = .other
            switch role {
            case .runs:
                sawRuns = sawRuns || isArray
                return isArray ? .runs : .other
            case .findings:
                sawFindings = sawFindings || isArray
                return isArray ? .findings : .other
            case .results, .suppressions: return isArray ? role : .other
            case .partialFingerprints: return isObject ? role : .other
            case .baselineState, .sarifFingerprint, .findingFingerprint: return isObject || isArray ? .other : role
            default: return .other
            }
        case .runs:
            if !isObject { runsAreObjects = false }
            return isObject ? .run : .other
        case .results:
            return isObject ? .result : .other
        case .suppressions:
            resultSuppressed = true
            return .other
        case .findings:
            if !isObject { findingsAreObjects = false }
            return isObject ? .finding : .other
        default:
            return .other
        }
    }

    /// The role a key gives the value that follows it in a container of `role`.
    private func role(ofKey range: Range<Int>, in role: Role) -> Role {
        switch role {
        case .document:
            if scanner.string(range, equals: "runs") { return .runs }
            if scanner.string(range, equals: "findings") { return .findings }
        case .run:
            if scanner.string(range, equals: "results") { return .results }
        case .result:
            if scanner.string(range, equals: "suppressions") { return .suppressions }
            if scanner.string(range, equals: "baselineState") { return .baselineState }
            if scanner.string(range, equals: "partialFingerprints") { return .partialFingerprints }
        case .partialFingerprints:
            if scanner.string(range, equals: Fingerprint.sarifKey) { return .sarifFingerprint }
        case .finding:
            if scanner.string(range, equals: "fingerprint") { return .findingFingerprint }
        default:
            break
        }
        return .other
    }
}

/// The fingerprints of the findings on one source line, computed from the
/// line's bytes read once, whatever the number of findings on it.
///
/// A fingerprint hashes `rule \0 path \0 function \0 line \0 occurrence`
/// (see `Fingerprint.make`). Hashing the line again for every finding made a
/// long line with many findings quadratic, so the line's part of the hash is
/// precomputed as a function of the state before it (`FNV1aSegment`); the
/// values are exactly those of `Fingerprint.make`.
public struct FingerprintLine {
    /// The line's normalised text followed by the separator before the occurrence.
    private var segment: FNV1aSegment

    /// `raw` is the line without its line ending, as found in the file.
    public init<Bytes: Collection>(raw: Bytes) where Bytes.Element == UInt8 {
        var bytes = Fingerprint.normalisedLine(raw)
        bytes.append(0)
        segment = FNV1aSegment(bytes)
    }

    /// Bytes run through the hash so far (tests use it to check the work stays linear).
    public var bytesHashed: Int { segment.bytesHashed }

    /// The state after `rule \0 path \0 function \0`, which callers may keep
    /// for the findings of one rule in one function.
    public static func prefix(ruleID: String, path: String, function: String) -> FNV1a {
        var hash = FNV1a()
        hash.add(ruleID.utf8)
        hash.add(0)
        hash.add(path.utf8)
        hash.add(0)
        hash.add(function.utf8)
        hash.add(0)
        return hash
    }

    /// The fingerprint of the `occurrence`th identical finding on this line.
    public mutating func fingerprint(after prefix: FNV1a, occurrence: Int) -> String {
        var hash = FNV1a(state: segment.apply(to: prefix.state))
        hash.add(String(occurrence).utf8)
        return Fingerprint.hex(hash.state)
    }
}

/// FNV-1a, 64 bits, fed incrementally: the hash behind fingerprints and source digests.
public struct FNV1a: Sendable {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    public private(set) var state: UInt64

    public init(state: UInt64 = FNV1a.offsetBasis) {
        self.state = state
    }

    @inline(__always)
    public mutating func add(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* FNV1a.prime
    }

    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { add(byte) }
    }
}

/// FNV-1a over a fixed byte string, as a function of the state it starts
/// from, cheap to apply to many states.
///
/// One step is `h' = (h ^ b) * P`. Because `b < 256`, `h ^ b = h + d` where
/// `d = (r ^ b) - r` depends only on `r = h mod 256`, and the low byte of
/// `h'` depends only on `r` too. So after the whole string,
/// `h = start * P^n + S(start mod 256)`: at most 256 offsets `S`, each
/// computed once in one pass, whatever the number of starting states.
struct FNV1aSegment {
    private let bytes: [UInt8]
    /// `P^n` for the string's length `n`.
    private let multiplier: UInt64
    /// `S(r)` for each low byte `r` met so far (most lines meet one or two).
    private var offsets: [UInt8: UInt64] = [:]
    private(set) var bytesHashed = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var power: UInt64 = 1
        for _ in bytes { power = power &* FNV1a.prime }
        multiplier = power
        bytesHashed = bytes.count
    }

    /// The FNV-1a state after feeding the string to `state`.
    mutating func apply(to state: UInt64) -> UInt64 {
        let low = UInt8(truncatingIfNeeded: state)
        if let offset = offsets[low] { return state &* multiplier &+ offset }
        var offset: UInt64 = 0
        var residue = UInt64(low)
        for byte in bytes {
            let mixed = residue ^ UInt64(byte)
            // d = mixed - residue, wrapping: the low byte's contribution of this step.
            offset = (offset &+ mixed &- residue) &* FNV1a.prime
            residue = (mixed &* FNV1a.prime) & 0xFF
        }
        bytesHashed += bytes.count
        offsets[low] = offset
        return state &* multiplier &+ offset
    }
}

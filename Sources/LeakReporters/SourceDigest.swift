/// A digest of a file's bytes, carried with a suggested fix so that `--fix`
/// applies byte offsets only to the exact text they were computed for (a
/// file saved again while it was being linted is left alone).
public enum SourceDigest {
    public static func of(_ bytes: [UInt8]) -> UInt64 {
        Fingerprint.fnv1a64(bytes)
    }
}

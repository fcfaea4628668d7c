/// FNV-1a with 64 bits (offset basis 0xcbf29ce484222325, prime 0x100000001b3): not a
/// cryptographic hash, but enough to tell a damaged file and cheap enough to check on every load.
public enum FNV1a64 {
    /// The hash of `bytes`.
    public static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

import BinaryFormat
import Testing

@Suite struct ChecksumTests {
    let check = Array("123456789".utf8)

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(check[...]) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()[...]) == 0)
    }

    @Test func crc32FedInPiecesEqualsCRC32OfTheWhole() {
        var crc = CRC32()
        check.withUnsafeBytes { raw in
            crc.update(UnsafeRawBufferPointer(rebasing: raw[0..<4]))
            crc.update(UnsafeRawBufferPointer(rebasing: raw[4...]))
        }
        #expect(crc.value == 0xCBF4_3926)
    }

    @Test func fnv1a64MatchesPublishedValues() {
        #expect(FNV1a64.hash([UInt8]()[...]) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash(Array("a".utf8)[...]) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash(Array("foobar".utf8)[...]) == 0x8594_4171_f739_67e8)
    }
}

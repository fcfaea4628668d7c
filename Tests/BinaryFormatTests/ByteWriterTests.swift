import BinaryFormat
import Testing

@Suite struct ByteWriterTests {
    @Test func integersAreLittleEndianInTheirOwnWidth() {
        var writer = ByteWriter()
        writer.append(UInt8(0xAB))
        writer.append(UInt32(0x0102_0304))
        writer.append(Int32(-2))
        writer.append(UInt64(0x0102_0304_0506_0708))
        #expect(
            writer.bytes == [
                0xAB, 0x04, 0x03, 0x02, 0x01, 0xFE, 0xFF, 0xFF, 0xFF, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
            ])
    }

    @Test func stringsAreAUInt32ByteCountThenUTF8() {
        var writer = ByteWriter()
        writer.append("né")
        writer.append("")
        #expect(writer.bytes == [3, 0, 0, 0, 0x6E, 0xC3, 0xA9, 0, 0, 0, 0])
    }

    @Test func floatsAreTheirLittleEndianBitsAndBytesGoAsTheyAre() {
        var writer = ByteWriter()
        writer.reserve(12)
        writer.append(floats: [1, -0.0])
        writer.append(bytes: [9, 8, 7][...])
        #expect(writer.bytes == [0, 0, 0x80, 0x3F, 0, 0, 0, 0x80, 9, 8, 7])
    }
}

import BinaryFormat
import Testing

@Suite struct ByteReaderTests {
    static func written() -> [UInt8] {
        var writer = ByteWriter()
        writer.append(UInt8(7))
        writer.append(Int32(-40_000))
        writer.append(UInt64.max - 1)
        writer.append("Sjögren")
        writer.append(floats: [1.5, -.infinity, .leastNonzeroMagnitude])
        writer.append(bytes: [1, 2, 3])
        return writer.bytes
    }

    @Test func readsBackWhatTheWriterWrote() throws {
        var reader = TestReader(Self.written())
        #expect(try reader.readInteger() as UInt8 == 7)
        #expect(try reader.readInteger() as Int32 == -40_000)
        #expect(try reader.readInteger() as UInt64 == .max - 1)
        #expect(try reader.readString() == "Sjögren")
        let floats = try reader.readFloats(3)
        #expect(floats.map(\.bitPattern) == [Float(1.5), -.infinity, .leastNonzeroMagnitude].map(\.bitPattern))
        #expect(!reader.isAtEnd)
        #expect(reader.remaining == 3)
        #expect(Array(try reader.readBytes(3)) == [1, 2, 3])
        #expect(reader.isAtEnd)
    }

    @Test func offsetsCountFromTheStartOfASlice() throws {
        let bytes: [UInt8] = [0xFF, 0xFF, 0x2A, 0, 0, 0, 0xEE]
        var reader = TestReader(bytes[2..<6])
        #expect(try reader.readInteger() as UInt32 == 42)
        #expect(reader.offset == 4)
        #expect(reader.isAtEnd)
        var skipping = TestReader(bytes, offset: 6)
        #expect(try skipping.readInteger() as UInt8 == 0xEE)
    }

    @Test func readingPastTheEndThrowsWithoutMoving() {
        var reader = TestReader([1, 2, 3], offset: 1)
        #expect(throws: TestFailure(.endOfData(offset: 1, needed: 4, available: 2))) {
            try reader.readInteger() as UInt32
        }
        #expect(reader.offset == 1)
        #expect(throws: TestFailure(.endOfData(offset: 1, needed: 3, available: 2))) { try reader.readBytes(3) }
        #expect(throws: TestFailure(.endOfData(offset: 1, needed: -1, available: 2))) { try reader.readBytes(-1) }
        #expect(throws: TestFailure(.endOfData(offset: 1, needed: 8, available: 2))) { try reader.readFloats(2) }
        #expect(throws: TestFailure(.endOfData(offset: 1, needed: .max, available: 2))) {
            try reader.readFloats(.max)
        }
    }

    @Test func aCountMustFitInTheBytesLeft() throws {
        var writer = ByteWriter()
        writer.append(UInt32(2))
        writer.append(UInt64(0))
        var fits = TestReader(writer.bytes)
        #expect(try fits.readCount(itemSize: 4) == 2)
        var tooMany = TestReader(writer.bytes)
        #expect(throws: TestFailure(.endOfData(offset: 0, needed: 10, available: 8))) {
            try tooMany.readCount(itemSize: 5)
        }
    }

    @Test func aStringMustBeUTF8AndWhole() {
        var invalid = TestReader([2, 0, 0, 0, 0xC3, 0x28])
        #expect(throws: TestFailure(.invalidUTF8(offset: 0))) { try invalid.readString() }
        var short = TestReader([5, 0, 0, 0, 0x61])
        #expect(throws: TestFailure(.endOfData(offset: 4, needed: 5, available: 1))) { try short.readString() }
    }
}

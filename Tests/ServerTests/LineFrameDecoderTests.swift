import NIOCore
import NIOEmbedded
import Testing

@testable import Server

@Suite struct LineFrameDecoderTests {
    /// Feeds `chunks` through the decoder (optionally ending the input) and returns what it passed on.
    private func frames(_ chunks: [String], maxLength: Int = 16, end: Bool = false) throws -> [String] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maxLength: maxLength)))
        for chunk in chunks { try channel.writeInbound(channel.allocator.buffer(string: chunk)) }
        if end { _ = try channel.finish() }
        var seen: [String] = []
        while let frame = try channel.readInbound(as: LineFrame.self) {
            switch frame {
            case .line(let buffer): seen.append(String(buffer: buffer))
            case .overlong(let bytes): seen.append("overlong(\(bytes))")
            }
        }
        return seen
    }

    @Test func splitsLinesAcrossChunks() throws {
        #expect(try frames(["{\"a\"", ":1}\n{\"b\":2}\n{\"c"]) == ["{\"a\":1}", "{\"b\":2}"])
    }

    @Test func dropsCarriageReturnsAndBlankLines() throws {
        #expect(try frames(["one\r\n\r\n  \ntwo\n"]) == ["one", "two"])
    }

    @Test func reportsAnOverlongLineOnceAndResynchronisesAtTheNextNewline() throws {
        let long = String(repeating: "x", count: 40)
        #expect(try frames([long, long, "\nnext\n"]) == ["overlong(40)", "next"])
    }

    @Test func reportsAnOverlongLineThatArrivesWhole() throws {
        #expect(try frames([String(repeating: "y", count: 17) + "\nok\n"]) == ["overlong(17)", "ok"])
    }

    @Test func acceptsALineOfExactlyTheLimit() throws {
        let line = String(repeating: "z", count: 16)
        #expect(try frames([line + "\n"]) == [line])
    }

    /// However the bytes arrive: a chunk may end between the carriage return and the newline.
    @Test func acceptsALineOfExactlyTheLimitEndingInCRLF() throws {
        let line = String(repeating: "z", count: 16)
        #expect(try frames([line + "\r\n"]) == [line])
        #expect(try frames([line + "\r", "\n"]) == [line])
        #expect(try frames([line + "\r", "z\n"]).first?.hasPrefix("overlong") == true)
    }

    @Test func passesOnAFinalLineWithoutNewlineAtEndOfInput() throws {
        #expect(try frames(["first\nlast"], end: true) == ["first", "last"])
    }
}

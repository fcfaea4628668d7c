import Foundation
import NIOCore

/// Splits a byte stream into newline-terminated lines of at most `maxLength` bytes.
///
/// An over-long line is reported once, as soon as it passes the limit (so its sender hears
/// about it while still sending), and then skipped up to its newline without being held in
/// memory: the connection resynchronises at the next line. Blank lines are dropped. At end
/// of input a final line without a newline still counts.
public struct LineFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = LineFrame

    private let maxLength: Int
    /// Bytes of the current over-long line skipped so far; nil when not skipping.
    private var skipped: Int?
    /// How far the current (incomplete) line has been searched for a newline.
    private var searched = 0

    public init(maxLength: Int) {
        self.maxLength = maxLength
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = nextFrame(&buffer) else { return .needMoreData }
        if let frame { context.fireChannelRead(wrapInboundOut(frame)) }
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        if let frame = nextFrame(&buffer) {
            if let frame { context.fireChannelRead(wrapInboundOut(frame)) }
            return .continue
        }
        if seenEOF, skipped == nil, buffer.readableBytes > 0, let rest = buffer.readSlice(length: buffer.readableBytes)
        {
            searched = 0
            if let line = Self.trimmed(rest) { context.fireChannelRead(wrapInboundOut(.line(line))) }
        }
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        return .needMoreData
    }

    /// nil: more bytes are needed; `.some(nil)`: progress without a frame to pass on.
    mutating func nextFrame(_ buffer: inout ByteBuffer) -> LineFrame?? {
        if let count = skipped {
            guard let newline = newlineOffset(in: buffer, from: 0) else {
                skipped = count + buffer.readableBytes
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
                return nil
            }
            buffer.moveReaderIndex(forwardBy: newline + 1)
            skipped = nil
            return .some(nil)
        }
        guard let newline = newlineOffset(in: buffer, from: searched) else {
            searched = buffer.readableBytes
            // A line of exactly the limit may have its carriage return here and its newline to come.
            guard buffer.readableBytes > maxLength + (Self.endsInCarriageReturn(buffer) ? 1 : 0) else { return nil }
            let count = buffer.readableBytes
            buffer.moveReaderIndex(forwardBy: count)
            skipped = count
            searched = 0
            return .some(.overlong(bytes: count))
        }
        searched = 0
        guard newline <= maxLength + 1, let slice = buffer.readSlice(length: newline) else {
            buffer.moveReaderIndex(forwardBy: newline + 1)
            return .some(.overlong(bytes: newline))
        }
        buffer.moveReaderIndex(forwardBy: 1)
        guard let line = Self.trimmed(slice) else { return .some(nil) }
        guard line.readableBytes <= maxLength else { return .some(.overlong(bytes: line.readableBytes)) }
        return .some(.line(line))
    }

    private func newlineOffset(in buffer: ByteBuffer, from start: Int) -> Int? {
        buffer.withUnsafeReadableBytes { bytes in
            guard start < bytes.count, let base = bytes.baseAddress,
                let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private static func endsInCarriageReturn(_ buffer: ByteBuffer) -> Bool {
        buffer.readableBytes > 0 && buffer.getInteger(at: buffer.writerIndex - 1, as: UInt8.self) == UInt8(ascii: "\r")
    }

    /// The line without a trailing carriage return; nil when only whitespace is left.
    private static func trimmed(_ line: ByteBuffer) -> ByteBuffer? {
        var line = line
        if endsInCarriageReturn(line) { line.moveWriterIndex(to: line.writerIndex - 1) }
        let blank = line.withUnsafeReadableBytes { bytes in
            bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        }
        return blank ? nil : line
    }
}

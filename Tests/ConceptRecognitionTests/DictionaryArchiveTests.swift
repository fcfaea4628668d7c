import BinaryFormat
import Ontology
import Testing

@testable import ConceptRecognition

@Suite struct DictionaryArchiveTests {
    let dictionary = ToyDictionary.recognizer.dictionary
    let archive = DictionaryArchive.encode(ToyDictionary.recognizer.dictionary, knowledgeBase: "toy 1")

    @Test func readsBackTheDictionaryItWrote() throws {
        let decoded = try DictionaryArchive.decode(archive, knowledgeBase: "toy 1")
        #expect(decoded == dictionary)
        let text = "Fits, hypoplastic or aplastic nails and a VSD; no cataract."
        let original = ToyDictionary.recognizer.analyse(text).mentions
        let fromArchive = ConceptRecognizer(dictionary: decoded).analyse(text).mentions
        #expect(fromArchive == original)
        #expect(fromArchive.map(\.id.rawValue) == [1250, 1792, 8386, 1629, 518])
    }

    @Test func refusesAnArchiveOfAnotherKnowledgeBaseOrOptions() {
        #expect(throws: DictionaryArchiveError.knowledgeBase(found: "toy 1", expected: "toy 2")) {
            try DictionaryArchive.decode(archive, knowledgeBase: "toy 2")
        }
        #expect(throws: DictionaryArchiveError.options) {
            try DictionaryArchive.decode(
                archive, knowledgeBase: "toy 1", options: .init(includeRelated: false))
        }
    }

    @Test func refusesAnotherFormatVersion() {
        var bytes = archive
        bytes[8] &+= 1
        let expected = DictionaryArchiveError.formatVersion(
            found: DictionaryArchive.formatVersion + 1, expected: DictionaryArchive.formatVersion)
        #expect(throws: expected) { try DictionaryArchive.decode(bytes, knowledgeBase: "toy 1") }
    }

    @Test func refusesADamagedPayload() {
        var bytes = archive
        bytes[bytes.count - 3] ^= 0x40
        #expect(throws: DictionaryArchiveError.checksum) { try DictionaryArchive.decode(bytes, knowledgeBase: "toy 1") }
    }

    @Test func refusesEmptyForeignAndTruncatedBytesWithoutCrashing() {
        #expect(throws: DictionaryArchiveError.notAnArchive) {
            try DictionaryArchive.decode([], knowledgeBase: "toy 1")
        }
        #expect(throws: DictionaryArchiveError.notAnArchive) {
            try DictionaryArchive.decode(Array("SQLite format 3\0 and more".utf8), knowledgeBase: "toy 1")
        }
        for length in stride(from: 0, to: archive.count, by: max(1, archive.count / 97)) {
            #expect(throws: DictionaryArchiveError.self) {
                try DictionaryArchive.decode(Array(archive.prefix(length)), knowledgeBase: "toy 1")
            }
        }
    }

    @Test func refusesAnInternallyInconsistentPayloadEvenWithAMatchingChecksum() throws {
        // A payload claiming more words than it holds, with its checksum recomputed.
        var writer = ByteWriter()
        writer.append(UInt32(1_000_000))
        let payload = writer.bytes
        var header = ByteWriter()
        header.append(bytes: DictionaryArchive.magic)
        header.append(DictionaryArchive.formatVersion)
        header.append(DictionaryArchive.recipeFingerprint)
        header.append("toy 1")
        header.append(UInt8(1))
        header.append(UInt8(0))
        header.append(Ontology.phenotypicAbnormality.rawValue)
        header.append(UInt64(payload.count))
        header.append(FNV1a64.hash(payload[...]))
        header.append(bytes: payload)
        #expect(throws: DictionaryArchiveError.truncated) {
            try DictionaryArchive.decode(header.bytes, knowledgeBase: "toy 1")
        }
    }
}

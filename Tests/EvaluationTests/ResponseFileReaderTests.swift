import Evaluation
import Foundation
import Testing

@Suite struct ResponseFileReaderTests {
    private let reader = ResponseFileReader(caseIDs: ["c1", "c2"])

    @Test func readsQuotedFieldsCRLFAndAByteOrderMark() {
        let text =
            "\u{FEFF}reader_id,case_id,condition,rank,diagnosis\r\n"
            + "r1,c1,unassisted,1,\"Neurofibromatosis, type 1\"\r\n"
            + "r1,c1,unassisted,2,\"Say \"\"quoted\"\"\nacross lines\"\r\n"
            + "r1,c2,assisted,1,OMIM:154700\r\n"
        let result = reader.read(Data(text.utf8), source: "r.csv")
        #expect(result.errors.isEmpty)
        #expect(
            result.responses.map(\.diagnosis) == [
                "Neurofibromatosis, type 1", "Say \"quoted\"\nacross lines", "OMIM:154700",
            ])
        #expect(result.responses.map(\.line) == [2, 3, 5])
        #expect(result.responses[2].condition == "assisted")
    }

    @Test func acceptsColumnsInAnyOrderAndExtraColumns() {
        let text = "diagnosis,rank,note,condition,case_id,reader_id\nORPHA:558,3,x,search,c2,r9\n"
        let result = reader.read(Data(text.utf8), source: "r.csv")
        #expect(
            result.responses == [
                ReaderResponse(
                    readerID: "r9", caseID: "c2", condition: "search", rank: 3, diagnosis: "ORPHA:558", line: 2)
            ])
    }

    @Test func refusesBadRowsByLineAndKeepsTheValidOnes() {
        let lines: [String] = [
            "reader_id,case_id,condition,rank,diagnosis", "r1,c1,u,1,OMIM:1", "r1,c9,u,1,OMIM:1", "r1,c1,u,0,OMIM:1",
            "r1,c1,u,11,OMIM:1", "r1,c1,u,1,OMIM:2", "r1,c1,u", "r1,c2,u,two,OMIM:1",
        ]
        var data = Data((lines.joined(separator: "\n") + "\n").utf8)
        data.append(contentsOf: Array("r1,c2,u,2,caf".utf8) + [0xE9] + Array("\n".utf8))
        data.append(contentsOf: Array("r2,c2,u,1,OMIM:3\n".utf8))
        let result = reader.read(data, source: "r.csv")
        #expect(result.responses.map(\.line) == [2, 10])
        #expect(result.errors.map(\.line) == [3, 4, 5, 6, 7, 8, 9])
        let messages = result.errors.map(\.description)
        #expect(messages[0] == "r.csv:3: unknown case id \"c9\" (not in the case set)")
        #expect(messages[1] == "r.csv:4: rank 0 is outside 1…10")
        #expect(messages[2] == "r.csv:5: rank 11 is outside 1…10")
        #expect(messages[3].hasPrefix("r.csv:6: rank 1 is given twice") && messages[3].hasSuffix("(first on line 2)"))
        #expect(messages[4] == "r.csv:7: missing columns rank, diagnosis")
        #expect(messages[5] == "r.csv:8: rank \"two\" is not a whole number")
        #expect(messages[6] == "r.csv:9: bad encoding: not UTF-8")
    }

    @Test func aCaseLeftOutOfTheRunIsNamedAsSuch() {
        let reader = ResponseFileReader(caseIDs: ["c1"], excludedCaseIDs: ["c1", "c2"])
        let text = "reader_id,case_id,condition,rank,diagnosis\nr1,c2,u,1,OMIM:1\nr1,c1,u,1,OMIM:1\n"
        let result = reader.read(Data(text.utf8), source: "r.csv")
        #expect(result.responses.map(\.caseID) == ["c1"])
        #expect(
            result.errors.map(\.description) == [
                "r.csv:2: case \"c2\" is not evaluated (it has no truth or was left out of this run)"
            ])
    }

    @Test func aHeaderWithoutAColumnRefusesTheFile() {
        let result = reader.read(Data("reader_id,case_id,rank,diagnosis\nr1,c1,1,OMIM:1\n".utf8), source: "r.csv")
        #expect(result.responses.isEmpty)
        #expect(
            result.errors.map(\.description) == [
                "r.csv:1: the header lacks column condition; expected reader_id,case_id,condition,rank,diagnosis"
            ])
    }

    @Test func readsJSONLinesWithTheSameKeysAndChecks() {
        let text = """
            {"reader_id": "r1", "case_id": "c1", "condition": "assisted", "rank": 1, "diagnosis": "OMIM:154700"}

            {"reader_id": "r1", "case_id": "c1", "condition": "assisted", "rank": "2", "diagnosis": "Marfan"}
            {"reader_id": "r1", "case_id": "c1", "condition": "assisted", "rank": 2, "diagnosis": "again"}
            {"reader_id": "r1", "case_id": "c2", "condition": "assisted", "diagnosis": "x"}
            not json
            """
        let result = reader.read(Data(text.utf8), source: "r.jsonl")
        #expect(result.responses.map(\.rank) == [1, 2])
        #expect(result.responses.map(\.line) == [1, 3])
        #expect(result.errors.map(\.line) == [4, 5, 6])
        #expect(result.errors[1].reason == "missing column rank")
        #expect(result.errors[2].reason == "not a JSON object")
    }
}

import Knowledge
import Ontology
import TestFixtures
import Testing

@Suite struct HPOAParserTests {
    @Test func readsVersionDiseasesAndRows() throws {
        let result = try HPOAParser().parse(ToyRelease.hpoa)
        #expect(result.version == "toy-1")
        #expect(result.diseases.map(\.id) == ["OMIM:100001", "OMIM:100002", "OMIM:100003", "ORPHA:4000"])
        #expect(result.annotations.count == 10)
    }

    @Test func readsEveryColumn() throws {
        let result = try HPOAParser().parse(ToyRelease.hpoa)
        let row = try #require(result.annotations.first { $0.diseaseID == "OMIM:100002" && $0.term == TermID(518) })
        #expect(row.references == ["PMID:222", "OMIM:100002"])
        #expect(row.frequency?.value == 0.9)
        #expect(row.evidence == "PCS")
        #expect(row.aspect == .phenotype)
        let negated = try #require(
            result.annotations.first { $0.term == TermID(1250) && $0.diseaseID == "OMIM:100002" })
        #expect(negated.isNegated)
        #expect(result.annotations.first { $0.term == TermID(7) }?.aspect == .inheritance)
    }

    @Test func namesTheLineOfABadRow() {
        let text = "#version: x\ndatabase_id\tdisease_name\nOMIM:1\tName\t\tHP:12\n"
        #expect(throws: HPOAError.self) { try HPOAParser().parse(text, file: "bad.hpoa") }
        do {
            _ = try HPOAParser().parse(text, file: "bad.hpoa")
        } catch {
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("bad.hpoa:3:"))
        }
    }

    @Test func refusesAFileWithoutHeader() {
        #expect(throws: HPOAError.self) { try HPOAParser().parse("hello\tworld\n") }
    }
}

import Ontology
import Testing

@testable import Clinical

@Suite struct PhenopacketReaderTests {
    let reader = PhenopacketReader()

    static let marfan = """
        {"id": "PMID_1_patient_2",
         "subject": {"id": "patient 2", "sex": "FEMALE",
                     "timeAtLastEncounter": {"age": {"iso8601duration": "P12Y3M"}}},
         "phenotypicFeatures": [
            {"type": {"id": "HP:0001166", "label": "Arachnodactyly"}},
            {"type": {"id": "HP:0001083", "label": "Ectopia lentis"}, "excluded": true},
            {"type": {"id": "HP:0002650", "label": "Scoliosis"}, "excluded": false}],
         "interpretations": [
            {"id": "i1", "progressStatus": "SOLVED",
             "diagnosis": {"disease": {"id": "OMIM:154700", "label": "Marfan syndrome"}}}],
         "diseases": [{"term": {"id": "OMIM:000000"}}],
         "metaData": {"externalReferences": [
            {"id": "PMID:10077612"}, {"id": "DOI:10.1000/x"}, {"id": "PMID:20301510"}]}}
        """

    @Test func readsFeaturesSexAgeTruthAndReferences() throws {
        let patientCase = try reader.read(try Fixtures.object(Self.marfan), at: InputLocation(source: "p.json"))
        #expect(patientCase.id == "PMID_1_patient_2")
        #expect(patientCase.sex == .female)
        #expect(patientCase.age == "P12Y3M")
        #expect(patientCase.presentTerms == [TermID(1166), TermID(2650)])
        #expect(patientCase.absentTerms == [TermID(1083)])
        #expect(patientCase.truth == "OMIM:154700")
        #expect(patientCase.references == ["PMID:10077612", "PMID:20301510"])
        #expect(patientCase.warnings.isEmpty)
    }

    @Test func takesTruthFromTheFirstDiseaseNotExcluded() throws {
        let json = """
            {"phenotypicFeatures": [{"type": {"id": "HP:0001166"}}],
             "diseases": [{"term": {"id": "OMIM:1"}, "excluded": true}, {"term": {"id": "OMIM:2"}}]}
            """
        let patientCase = try reader.read(try Fixtures.object(json), at: InputLocation(source: "p.json"))
        #expect(patientCase.truth == "OMIM:2")
        #expect(patientCase.sex == .unknown)
        #expect(patientCase.id == "p.json")
    }

    @Test func readsAPhenopacketWithoutFeaturesWithAWarning() throws {
        let json = #"{"id": "empty", "subject": {"sex": "MALE"}, "metaData": {}}"#
        let patientCase = try reader.read(try Fixtures.object(json), at: InputLocation(source: "p.json"))
        #expect(patientCase.findings.isEmpty)
        #expect(patientCase.sex == .male)
        #expect(patientCase.warnings == ["phenopacket empty has no phenotypicFeatures, so the case has no findings"])
    }

    @Test func acceptsVersionOneNegated() throws {
        let json = #"{"phenotypicFeatures": [{"type": {"id": "HP:0001166"}, "negated": true}]}"#
        let patientCase = try reader.read(try Fixtures.object(json), at: InputLocation(source: "p.json"))
        #expect(patientCase.absentTerms == [TermID(1166)])
    }

    @Test func refusesANumberWhereABooleanBelongs() throws {
        let json = #"{"phenotypicFeatures": [{"type": {"id": "HP:0001166"}, "excluded": 1}]}"#
        let error = try #require(try Fixtures.readError(reader, json))
        #expect(error.kind == .wrongType)
        #expect(
            error.description == "case.json: phenotypicFeatures[0].excluded: expected true or false, got the number 1")
    }

    @Test func reportsAFeatureWithoutType() throws {
        let json = #"{"phenotypicFeatures": [{"type": {"id": "HP:0001166"}}, {"excluded": true}]}"#
        let error = try #require(try Fixtures.readError(reader, json))
        #expect(error.kind == .missingContent)
        #expect(error.field == "phenotypicFeatures[1].type")
    }

    @Test func reportsABadFeatureID() throws {
        let json = #"{"phenotypicFeatures": [{"type": {"id": "HP:0001166"}}, {"type": {"id": "MONDO:0007947"}}]}"#
        let error = try #require(try Fixtures.readError(reader, json, at: InputLocation(source: "b.jsonl", line: 9)))
        #expect(error.kind == .invalidTermID)
        #expect(error.description.hasPrefix("b.jsonl:9: phenotypicFeatures[1].type.id: "))
    }

    @Test func reportsABadSexAndAge() throws {
        let sex = try #require(try Fixtures.readError(reader, #"{"subject": {"sex": "FEMALEISH"}, "metaData": {}}"#))
        #expect(sex.kind == .invalidSex)
        #expect(sex.field == "subject.sex")

        let json = #"{"subject": {"timeAtLastEncounter": {"age": {"iso8601duration": "12 years"}}}, "metaData": {}}"#
        let age = try #require(try Fixtures.readError(reader, json))
        #expect(age.kind == .invalidAge)
        #expect(age.field == "subject.timeAtLastEncounter.age.iso8601duration")
    }

    @Test func reportsFeaturesThatAreNotAList() throws {
        let error = try #require(
            try Fixtures.readError(reader, #"{"phenotypicFeatures": {"type": {"id": "HP:0001166"}}}"#))
        #expect(error.kind == .wrongType)
        #expect(error.reason == "expected an array, got an object")
    }

    /// Features of the usual shape take a shorter path; features of any other shape must read
    /// (or fail) exactly as before, whatever order they come in.
    @Test func readsFeaturesOfEveryShapeTheSameWay() throws {
        let json = """
            {"phenotypicFeatures": [
                {"type": {"id": "HP:0000001"}},
                {"type": {"id": "HP:0000002", "label": "x"}, "excluded": true},
                {"type": {"id": "HP:0000003"}, "excluded": false, "onset": {}},
                {"type": {"id": "HP:0000004"}, "negated": true},
                {"type": {"id": "HP:0000005"}, "negated": true, "excluded": false},
                {"type": {"id": "HP:0000006"}, "excluded": null, "negated": true},
                {"type": {"id": " HP:0000007 "}, "excluded": null},
                {"type": {"id": "HP_0000008"}, "description": "d", "modifiers": []},
                {"excluded": false, "type": {"id": "HP:0000009"}, "negated": null}]}
            """
        let patientCase = try reader.read(try Fixtures.object(json), at: InputLocation(source: "p.json"))
        #expect(patientCase.presentTerms == [1, 3, 5, 7, 8, 9].map { TermID(Int32($0)) })
        #expect(patientCase.absentTerms == [2, 4, 6].map { TermID(Int32($0)) })
    }

    @Test func reportsAFeatureThatIsNotAnObjectBeforeLookingIntoAnyFeature() throws {
        let json = #"{"phenotypicFeatures": [{"type": {"id": "bad"}}, {"type": {"id": "HP:0000001"}}, 3]}"#
        let error = try #require(try Fixtures.readError(reader, json))
        #expect(error.kind == .wrongType)
        #expect(error.field == "phenotypicFeatures[2]")
        #expect(error.reason == "expected an object, got the number 3")
    }

    @Test func reportsBadFlagsAndTypesAfterPlainFeatures() throws {
        let cases: [(feature: String, field: String, reason: String)] = [
            (#"{"type": {"id": "HP:0000001"}, "excluded": 1}"#, "excluded", "expected true or false, got the number 1"),
            (#"{"type": {"id": "HP:0000001"}, "negated": "no"}"#, "negated", #"expected true or false, got "no""#),
            (#"{"type": null}"#, "type", #"missing the feature's ontology class {"id": "HP:…"}"#),
            (#"{"type": {"id": 7}}"#, "type.id", "expected a string, got the number 7"),
        ]
        for (feature, field, reason) in cases {
            let json = #"{"phenotypicFeatures": [{"type": {"id": "HP:0000002"}, "excluded": true}, "# + feature + "]}"
            let error = try #require(try Fixtures.readError(reader, json), "\(feature)")
            #expect(error.field == "phenotypicFeatures[1].\(field)", "\(feature)")
            #expect(error.reason == reason, "\(feature)")
        }
    }
}

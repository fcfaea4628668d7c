import Clinical
import Knowledge
import Ontology
import Ranking
import Statistics
import TestFixtures
import Testing

@Suite struct TrainingDataTests {
    @Test func aPublicationStaysOnOneSideOfTheSplit() {
        let split = PublicationSplit(validationShare: 0.5, salt: 1)
        let cases = (0..<200).flatMap { paper in
            (0..<3).map { patient in PatientCase(id: "\(paper)-\(patient)", references: ["PMID:\(paper)"]) }
        }
        let (training, validation) = split.split(cases)
        #expect(training.count + validation.count == 600)
        #expect((200...400).contains(validation.count))
        let trainingPapers = Set(training.map(PublicationSplit.publication(of:)))
        let validationPapers = Set(validation.map(PublicationSplit.publication(of:)))
        #expect(trainingPapers.isDisjoint(with: validationPapers))
        #expect(split.split(cases.reversed()).validation.count == validation.count)
    }

    @Test func simulatedPatientsShowTheirDiseasesFeaturesAndAreReproducible() throws {
        let index = PhenotypeIndex(knowledgeBase: try ToyRelease.knowledgeBase())
        let simulator = PatientSimulator(index: index)
        let disease = try #require(index.knowledgeBase.position(ofDisease: "OMIM:100003"))
        var first = SeededGenerator(seed: 5)
        var second = SeededGenerator(seed: 5)
        for _ in 0..<20 {
            let patient = simulator.patient(of: Int(disease), using: &first)
            #expect(patient == simulator.patient(of: Int(disease), using: &second))
            #expect(patient.truth == "OMIM:100003")
            #expect(!patient.presentTerms.isEmpty)
        }
        // Without noise or imprecision every observed finding is one of the disease's features.
        var settings = PatientSimulator.Settings()
        settings.noiseFindings = 0
        settings.imprecision = 0
        let exact = PatientSimulator(index: index, settings: settings)
        let features = Set(index.features[Int(disease)].map { index.ontology.terms[Int($0.term)].id })
        for _ in 0..<20 {
            #expect(Set(exact.patient(of: Int(disease), using: &first).presentTerms).isSubset(of: features))
        }
    }
}

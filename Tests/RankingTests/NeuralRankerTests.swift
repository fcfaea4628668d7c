import Clinical
import FastFeedforward
import Foundation
import Knowledge
import Ontology
import Ranking
import Statistics
import TestFixtures
import Testing

@Suite struct NeuralRankerTests {
    let index: PhenotypeIndex

    init() throws {
        index = PhenotypeIndex(knowledgeBase: try ToyRelease.knowledgeBase())
    }

    private func patient(_ present: [Int32], absent: [Int32] = [], truth: String) -> PatientCase {
        PatientCase(
            id: "toy",
            findings: present.map { Finding(id: TermID($0), status: .present) }
                + absent.map { Finding(id: TermID($0), status: .absent) }, truth: truth)
    }

    private func network(seed: UInt64 = 3) throws -> RerankerNetwork<FFFLayer> {
        RerankerNetwork(
            layer: try FFFLayer(inputWidth: 8, outputWidth: 8, depth: 2, seed: seed), termCount: index.ontology.count,
            diseaseCount: index.diseaseCount, seed: seed)
    }

    private func examples() -> [TrainingExample] {
        let stage = CandidateStage(index: index, count: 4)
        let cases = [
            patient([1250], truth: "ORPHA:4000"), patient([1250], absent: [1249], truth: "ORPHA:4000"),
            patient([1631], truth: "OMIM:100002"), patient([1631, 1629], truth: "OMIM:100003"),
            patient([7359, 1249], truth: "OMIM:100001"), patient([518], truth: "OMIM:100002"),
        ]
        return cases.compactMap { TrainingExample($0, stage: stage, index: index) }
    }

    @Test func anUntrainedNetworkRanksAsTheClassicalStage() throws {
        let neural = NeuralRanker(index: index, network: try network(), modelVersion: "test", candidates: 4)
        let classical = CandidateStage(index: index, count: 4).classical
        let sample = patient([1250, 1631], truth: "OMIM:100001")
        let classicalOrder = classical.rank(sample, top: 4).entries.map(\.diseaseID)
        #expect(neural.rank(sample, top: 4).entries.map(\.diseaseID) == classicalOrder)
    }

    @Test func trainingLowersTheLossAndIsReproducible() throws {
        let batch = examples()
        #expect(batch.count == 6)
        var settings = RerankerTrainer<FFFLayer>.Settings()
        settings.epochs = 30
        settings.batchSize = 3
        settings.learningRate = 0.02
        var first = RerankerTrainer(network: try network(), settings: settings)
        let before = first.loss(batch)
        first.train(batch) { _, _, _, _ in }
        #expect(first.loss(batch) < before * 0.5)
        var second = RerankerTrainer(network: try network(), settings: settings)
        second.train(batch) { _, _, _, _ in }
        #expect(first.network.tensors == second.network.tensors)
        #expect(first.network.layer == second.network.layer)
    }

    @Test func aModelFileRoundTripsAndRefusesAnotherKnowledgeBase() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ddx-model-\(UUID()).ddxm")
        defer { try? FileManager.default.removeItem(at: url) }
        let original = try network()
        try NeuralModel.write(original, knowledgeBase: "hp/releases/toy", version: "fff-toy", to: url)
        let loaded = try NeuralModel.read(FFFLayer.self, from: url, knowledgeBase: "hp/releases/toy")
        #expect(loaded.version == "fff-toy")
        #expect(loaded.network.tensors == original.tensors)
        #expect(loaded.network.layer == original.layer)
        #expect(throws: NeuralModelError.self) {
            try NeuralModel.read(FFFLayer.self, from: url, knowledgeBase: "hp/releases/2025-01-16")
        }
        #expect(throws: NeuralModelError.self) {
            try NeuralModel.read(DenseLayer.self, from: url, knowledgeBase: "hp/releases/toy")
        }
    }

    @Test func aModelFileKeepsItsCandidateStageAndAnOlderOneIsRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ddx-model-\(UUID()).ddxm")
        defer { try? FileManager.default.removeItem(at: url) }
        let original = try network()
        try NeuralModel.write(
            original, knowledgeBase: "hp/releases/toy", version: "fff-toy", candidateThreshold: 2.5, to: url)
        #expect(
            try NeuralModel.read(FFFLayer.self, from: url, knowledgeBase: "hp/releases/toy").candidateThreshold == 2.5)
        // A file written before the candidate stage was recorded: same tensors, older metadata.
        let older = ModelArchive(
            metadata: "knowledge_base=hp/releases/toy\nversion=fff-toy", layers: [original.layer.stored],
            tensors: zip(original.tensorDescriptors, original.tensors).map { NamedTensor(name: $0.name, values: $1) })
        try older.write(to: url)
        #expect {
            try NeuralModel.read(FFFLayer.self, from: url, knowledgeBase: "hp/releases/toy")
        } throws: { error in
            guard case NeuralModelError.outdated = error else { return false }
            return "\(error)".contains("ddx train")
        }
    }

    @Test func modelVersionsNameTheCandidateThreshold() {
        var shape = NeuralModel.Shape()
        #expect(
            NeuralModel.version(kind: "fff", knowledgeBase: "hp/releases/2025-01-16", shape: shape)
                == "fff-2025-01-16-w32d7-ic1")
        shape.candidateThreshold = 2.5
        #expect(NeuralModel.version(kind: "dense", knowledgeBase: "x", shape: shape) == "dense-x-w32d7-ic2.5")
    }

    @Test func rankBeyondTheCandidatesComesAfterThem() throws {
        let ranker = NeuralRanker(
            index: index, network: try network(), modelVersion: "test", candidates: 1, candidateThreshold: 1)
        let sample = patient([1631], truth: "OMIM:100002")
        let listed = try #require(ranker.rank(sample, top: 1).entries.first)
        let others = index.knowledgeBase.diseases.map(\.id).filter { $0 != listed.diseaseID }
        let ranks = others.compactMap { ranker.rank(of: $0, in: sample) }
        #expect(ranks.count == others.count)
        #expect(Set(ranks) == Set(2...index.diseaseCount))
    }

    @Test func rankOfAgreesWithTheListForTheNeuralRanker() throws {
        var settings = RerankerTrainer<FFFLayer>.Settings()
        settings.epochs = 5
        var trainer = RerankerTrainer(network: try network(), settings: settings)
        trainer.train(examples()) { _, _, _, _ in }
        let ranker = NeuralRanker(index: index, network: trainer.network, modelVersion: "test", candidates: 4)
        let sample = patient([1250, 505], truth: "ORPHA:4000")
        for entry in ranker.rank(sample, top: 4).entries {
            #expect(ranker.rank(of: entry.diseaseID, in: sample) == entry.rank)
        }
    }

    @Test func withoutClassicalScoresTheCandidatesAddRandomDiseasesAndHideTheScores() throws {
        let stage = CandidateStage(index: index, count: 2)
        var generator = SeededGenerator(seed: 5)
        let sample = patient([1631, 1629], truth: "OMIM:100003")
        let example = try #require(
            TrainingExample(
                withoutClassicalScores: sample, stage: stage, index: index, randomCount: 2, using: &generator))
        let diseases = example.candidates.diseases
        #expect(Set(diseases).count == diseases.count)
        #expect(diseases.count == min(4, index.diseaseCount))
        #expect(index.knowledgeBase.diseases[Int(diseases[example.truth])].id == "OMIM:100003")
        #expect(example.candidates.standardized.allSatisfy { $0 == 0 })
    }

    @Test func withNoCandidateStageTheNetworkRanksEveryDisease() throws {
        let ranker = NeuralRanker(index: index, network: try network(), modelVersion: "test", candidates: 0)
        let sample = patient([1250, 505], truth: "ORPHA:4000")
        let entries = ranker.rank(sample, top: 100).entries
        #expect(entries.count == index.diseaseCount)
        for entry in entries { #expect(ranker.rank(of: entry.diseaseID, in: sample) == entry.rank) }
    }
}

import Foundation
import Ontology
import TestFixtures
import Testing

@Suite struct OntologyGraphTests {
    @Test func ancestorsIncludeTheTermAndReachTheRoot() throws {
        let ontology = try ToyRelease.ontology()
        let ancestors = Set(ontology.ancestors(of: TermID(7359)))
        #expect(ancestors == [TermID(7359), TermID(1250), TermID(707), TermID(118), TermID(1)])
        #expect(ontology.ancestors(of: TermID(7359)).first == TermID(7359))
    }

    @Test func descendantsFollowChildren() throws {
        let ontology = try ToyRelease.ontology()
        #expect(Set(ontology.descendants(of: TermID(707))) == [TermID(707), TermID(1250), TermID(7359), TermID(1249)])
    }

    @Test func isAncestorIsReflexiveAndDirected() throws {
        let ontology = try ToyRelease.ontology()
        #expect(ontology.isAncestor(TermID(1250), of: TermID(7359)))
        #expect(ontology.isAncestor(TermID(1250), of: TermID(1250)))
        #expect(!ontology.isAncestor(TermID(7359), of: TermID(1250)))
    }

    @Test func resolvesAlternateObsoleteAndUnknownIDs() throws {
        let ontology = try ToyRelease.ontology()
        #expect(ontology.resolve(TermID(1250)) == .current)
        #expect(ontology.resolve(TermID(9999)) == .alternate(of: TermID(1249)))
        #expect(ontology.resolve(TermID(100)) == .replaced(by: TermID(1631)))
        #expect(ontology.resolve(TermID(200)) == .obsolete(consider: [TermID(518)]))
        #expect(ontology.resolve(TermID(4242)) == .unknown)
    }

    @Test func informationContentFollowsPropagatedFrequency() throws {
        let ontology = try ToyRelease.ontology()
        let position = { (id: Int32) in ontology.position(of: TermID(id))! }
        // Two items: one with a focal seizure, one with a cataract.
        let ic = InformationContent(ontology: ontology, annotations: [[position(7359)], [position(518)]])
        #expect(ic[position(118)] == 0)  // both items reach it
        #expect(abs(ic[position(1250)] - Float(log(2.0))) < 1e-6)  // one of two
        #expect(ic[position(7359)] == ic[position(1250)])
        #expect(ic.counts[Int(position(1))] == 2)
        #expect(ic[position(1631)] == Float(log(2.0)))  // unreached: the maximum, -ln(1/n)
    }
}

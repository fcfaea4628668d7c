import Testing

@testable import Ranking

@Suite struct PostingBlocksTests {
    @Test func blocksCutEveryPostingListAtTheBlockBoundaries() {
        let lists: [[Int32]] = [[0, 1, 2, 5, 6, 9], [], [3], [7, 8], [0, 4, 8, 9]]
        let blocks = PostingBlocks(postingDiseases: lists, diseaseCount: 10, diseasesPerBlock: 4)
        #expect(blocks.blockCount == 3)
        #expect(blocks.diseases(inBlock: 0) == 0..<4)
        #expect(blocks.diseases(inBlock: 2) == 8..<10)
        for (term, diseases) in lists.enumerated() {
            var joined: [Int32] = []
            for block in 0..<blocks.blockCount {
                let part = diseases[blocks.entries(of: term, inBlock: block)]
                #expect(part.allSatisfy { blocks.diseases(inBlock: block).contains(Int($0)) })
                joined.append(contentsOf: part)
            }
            #expect(joined == diseases)
        }
    }

    @Test func oneBlockHoldsEverythingWhenThereAreFewDiseases() {
        let blocks = PostingBlocks(postingDiseases: [[0, 2]], diseaseCount: 3)
        #expect(blocks.blockCount == 1)
        #expect(blocks.entries(of: 0, inBlock: 0) == 0..<2)
        #expect(blocks.diseases(inBlock: 0) == 0..<3)
    }
}

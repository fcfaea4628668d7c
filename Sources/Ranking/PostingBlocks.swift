/// Where each posting list crosses the boundaries of fixed-size blocks of diseases, so that a
/// scorer can walk all of a term's posting lists one block of diseases at a time: the best
/// values it raises (4 bytes a disease) then stay in the first-level data cache instead of
/// being spread over all 12,687 diseases (50 KB) at once.
struct PostingBlocks: Sendable {
    /// Diseases per block by default (16 KB of `Float`s).
    static let defaultDiseasesPerBlock = 4_096

    let diseaseCount: Int
    let diseasesPerBlock: Int
    let blockCount: Int
    /// Per term, `blockCount + 1` entry offsets: block `b` of the term's posting list is
    /// `starts[b]..<starts[b + 1]`.
    private let starts: [Int32]

    /// `postingDiseases` are per term, each in disease order.
    init(postingDiseases: [[Int32]], diseaseCount: Int, diseasesPerBlock: Int = Self.defaultDiseasesPerBlock) {
        let diseasesPerBlock = max(1, diseasesPerBlock)
        let blockCount = max(1, (diseaseCount + diseasesPerBlock - 1) / diseasesPerBlock)
        var starts: [Int32] = []
        starts.reserveCapacity(postingDiseases.count * (blockCount + 1))
        for diseases in postingDiseases {
            var entry = 0
            starts.append(0)
            for block in 1..<(blockCount + 1) {
                let bound = block < blockCount ? Int32(block * diseasesPerBlock) : Int32.max
                while entry < diseases.count && diseases[entry] < bound { entry += 1 }
                starts.append(Int32(entry))
            }
        }
        self.diseaseCount = diseaseCount
        self.diseasesPerBlock = diseasesPerBlock
        self.blockCount = blockCount
        self.starts = starts
    }

    /// The entries of `term`'s posting list whose diseases fall in block `block`.
    func entries(of term: Int, inBlock block: Int) -> Range<Int> {
        let first = term * (blockCount + 1) + block
        return Int(starts[first])..<Int(starts[first + 1])
    }

    /// The diseases of block `block`.
    func diseases(inBlock block: Int) -> Range<Int> {
        (block * diseasesPerBlock)..<min((block + 1) * diseasesPerBlock, diseaseCount)
    }
}

/// Sets of term (or disease) positions kept as sorted arrays: for the few hundred positions a
/// case involves, sorting and binary search cost less than hashing.
extension Array where Element == Int32 {
    /// The elements in increasing order, each once.
    func sortedUnique() -> [Int32] {
        var result = sorted()
        var kept = 0
        for position in result.indices where position == 0 || result[position] != result[kept - 1] {
            result[kept] = result[position]
            kept += 1
        }
        result.removeLast(result.count - kept)
        return result
    }

    /// Whether a sorted array holds `value` (binary search).
    func sortedContains(_ value: Int32) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value
    }
}

import Statistics

extension SeededGenerator {
    /// A uniform `Float` in `[0, 1)` built from the top 24 bits, so every value is exact and the
    /// same on every platform (weight initialisation must be reproducible bit for bit).
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }
}

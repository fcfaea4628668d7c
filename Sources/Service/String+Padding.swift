extension String {
    /// The string right-aligned in a column of `width` characters (never truncated).
    public func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

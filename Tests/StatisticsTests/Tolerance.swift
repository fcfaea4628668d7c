/// `actual` is within `absolute` of `expected` and, for non-zero `expected`, also within
/// `relative` of it as a fraction (so tiny p-values are compared meaningfully too).
func isClose(_ actual: Double, _ expected: Double, absolute: Double = 1e-9, relative: Double = 1e-9) -> Bool {
    let difference = abs(actual - expected)
    guard difference <= absolute else { return false }
    return expected == 0 || difference <= relative * abs(expected)
}

import Foundation

/// The Gaussian error linear unit `a·Φ(a)` in its exact (erf) form, as BERT and
/// UltraFastBERT use it, with its derivative for back-propagation.
enum GELU {
    /// `0.5·a·(1 + erf(a/√2))`.
    @inline(__always)
    static func value(_ a: Float) -> Float {
        0.5 * a * (1 + erf(a * 0.707_106_781_186_547_6))
    }

    /// `Φ(a) + a·φ(a)`, the derivative of ``value(_:)``.
    @inline(__always)
    static func derivative(_ a: Float) -> Float {
        let cdf = 0.5 * (1 + erf(a * 0.707_106_781_186_547_6))
        let pdf = exp(-0.5 * a * a) * 0.398_942_280_401_432_7
        return cdf + a * pdf
    }

    /// The same function in double precision, for slow reference computations.
    static func value(_ a: Double) -> Double {
        0.5 * a * (1 + erf(a * 0.707_106_781_186_547_6))
    }
}

import Foundation

/// Wall-clock and thread CPU time per case over repeated passes of a benchmark, sorted.
///
/// On a shared machine the wall clock also counts the time other processes held the core;
/// the thread's CPU time does not, so it is the steadier figure of the two.
struct PassTimes {
    /// Microseconds per case, one entry per pass, smallest first.
    var wall: [Double]
    var cpu: [Double]

    var medianWall: Double { wall[wall.count / 2] }
    var medianCPU: Double { cpu[cpu.count / 2] }

    /// Runs `pass` `passes` times (at least once); each pass handles `cases` cases.
    static func measure(passes: Int, cases: Int, _ pass: () -> Void) -> PassTimes {
        var wall: [Double] = []
        var cpu: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<max(1, passes) {
            let cpuStart = threadCPUSeconds()
            let elapsed = clock.measure(pass)
            let cpuSeconds = threadCPUSeconds() - cpuStart
            wall.append(elapsed.seconds / Double(max(cases, 1)) * 1e6)
            cpu.append(cpuSeconds / Double(max(cases, 1)) * 1e6)
        }
        return PassTimes(wall: wall.sorted(), cpu: cpu.sorted())
    }

    /// CPU time this thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

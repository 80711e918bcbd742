#if canImport(Glibc)
    import Glibc
#endif

/// Monotonic time for measurements.
package enum Clock {
    /// Nanoseconds of the monotonic clock.
    package static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

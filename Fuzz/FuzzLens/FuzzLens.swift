import WelltreeFuzzing

#if FUZZING
    /// libFuzzer's entry point (built by scripts/fuzz with -sanitize=fuzzer and -DFUZZING): one
    /// input per call; a crash or failed check is a finding.
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
        FuzzCheck.lens(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
#else
    /// In an ordinary build the harness is a replay tool: `FuzzLens FILE...` runs each file through
    /// the same check once, to reproduce a finding without the fuzzing build.
    @main
    struct Replay {
        static func main() {
            FuzzReplay.run(FuzzCheck.lens)
        }
    }
#endif

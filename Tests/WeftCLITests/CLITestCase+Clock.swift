import Foundation
import WeftTestSupport

extension CLITestCase {
    /// Pins the clock of every following `weft` run to `iso` from this real
    /// moment on (`WEFT_NOW=ISO@real-ms`), so time runs on across processes.
    func pinClock(_ iso: String) {
        let real = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        sandbox.extraEnvironment["WEFT_NOW"] = "\(iso)@\(real)"
    }
}

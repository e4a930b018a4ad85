import Foundation
import WeftCore
#if canImport(Glibc)
import Glibc
#endif

/// Who is writing: the login name, unless `WEFT_HANDLE` or the config file's
/// `handle` names another (like git's author settings). On shared hosts the
/// privacy work binds handles to Unix users.
public enum Identity {
    public static func handle(env: StoreEnvironment, config: ConfigFile) throws(StoreError) -> Handle {
        if let h = env["WEFT_HANDLE"] {
            do { return try Handle(h) } catch { throw .config("WEFT_HANDLE: \(error)") }
        }
        if let h = config.values["handle"] {
            do { return try Handle(h) } catch { throw .config("config.toml handle: \(error)") }
        }
        let login = loginName() ?? env["USER"] ?? "user"
        let lowered = login.lowercased()
        do { return try Handle(lowered) } catch {
            throw .config("your login name '\(login)' cannot be a handle (\(error)); set WEFT_HANDLE or handle in config.toml")
        }
    }

    static func loginName() -> String? {
        guard let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OCOPDomain

/// A raw keyboard on stdin (termios): no line buffering, no echo, Ctrl-C read as a key so the
/// terminal is always restored. Works on a plain terminal and over ssh; no curses.
final class RawTerminal {
    private var saved = termios()
    private var active = false

    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    func enter() {
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        if tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 { active = true }
    }

    func leave() {
        if active { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
        active = false
    }

    deinit { leave() }

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Clears the screen and prints the lines.
    func show(_ lines: [String]) {
        write("\u{1B}[H\u{1B}[2J" + lines.joined(separator: "\n") + "\n")
    }

    /// The next key; `nil` at end of input.
    func readKey() -> SheetWalk.Key? {
        var byte: UInt8 = 0
        guard Glibc.read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit(Int(byte - UInt8(ascii: "0")))
        case UInt8(ascii: "b"), UInt8(ascii: "B"), 127, 8: return .back
        case UInt8(ascii: "s"), UInt8(ascii: "S"), 9: return .skip
        case UInt8(ascii: "r"), UInt8(ascii: "R"): return .review
        case 13, 10: return .enter
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "c"), UInt8(ascii: "C"): return .yes
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "k"), UInt8(ascii: "K"): return .no
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), 3, 4: return .quit
        case 27:
            // Arrow keys: ESC [ C/D (right = skip, left = back); a lone ESC quits.
            var seq: [UInt8] = [0, 0]
            var pfd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 50) > 0, Glibc.read(STDIN_FILENO, &seq[0], 1) == 1 else { return .quit }
            guard seq[0] == UInt8(ascii: "["), Glibc.read(STDIN_FILENO, &seq[1], 1) == 1 else { return .other }
            switch seq[1] {
            case UInt8(ascii: "C"), UInt8(ascii: "B"): return .skip
            case UInt8(ascii: "D"), UInt8(ascii: "A"): return .back
            default: return .other
            }
        default: return .other
        }
    }
}

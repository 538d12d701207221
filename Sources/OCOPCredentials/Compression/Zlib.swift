import CZlib

/// DEFLATE in its two wrappers: the zlib format (RFC 1950) for the QR payload and GZIP (RFC 1952)
/// for the Bitstring Status List. Inflation is always bounded: a QR payload or a status list is
/// small, and a hostile input must not make a verifier allocate gigabytes (a "zip bomb").
public enum Zlib {
    /// The container around the DEFLATE stream.
    public enum Format: Sendable {
        /// RFC 1950: 2-byte header, Adler-32 trailer (windowBits 15).
        case zlib
        /// RFC 1952: 10-byte header with mtime 0, CRC-32 and size trailer (windowBits 31).
        case gzip

        var windowBits: Int32 {
            switch self {
            case .zlib: 15
            case .gzip: 31
            }
        }
    }

    /// Compresses `input` at level 9. The output is a pure function of the input and the zlib
    /// version; for GZIP the header carries mtime 0 and OS 255 ("unknown"), so the bytes do not
    /// depend on the clock or the machine. A preset `dictionary` (zlib format only) primes the
    /// compressor with strings the input is likely to repeat; the stream then records its
    /// Adler-32 (FDICT/DICTID, RFC 1950 §2.2) and needs the same dictionary to inflate.
    public static func compress(_ input: [UInt8], format: Format, dictionary: [UInt8] = []) throws(CredentialError) -> [UInt8] {
        var stream = z_stream()
        let initialized = ocop_deflate_init(&stream, 9, format.windowBits)
        guard initialized == Z_OK else { throw .compressionFailed(code: Int(initialized)) }
        defer { deflateEnd(&stream) }
        if !dictionary.isEmpty {
            let set = dictionary.withUnsafeBytes { deflateSetDictionary(&stream, $0.bindMemory(to: Bytef.self).baseAddress, uInt($0.count)) }
            guard set == Z_OK else { throw .compressionFailed(code: Int(set)) }
        }

        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        let status: Int32 = input.withUnsafeBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                // zlib never writes through next_in; the cast only satisfies its C signature.
                stream.next_in = UnsafeMutablePointer(mutating: inBuffer.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .compressionFailed(code: Int(status)) }
        output.removeLast(Int(stream.avail_out))
        if format == .gzip, output.count >= 10 {
            output[9] = 255  // OS field: zlib writes the build platform's code here.
        }
        return output
    }

    /// Inflates a complete stream of the given format. Refuses output longer than `limit` bytes,
    /// a truncated stream, a bad checksum, a stream that needs a dictionary other than
    /// `dictionary` and any byte after the end of the stream.
    public static func decompress(_ input: [UInt8], format: Format, limit: Int, dictionary: [UInt8] = []) throws(CredentialError) -> [UInt8] {
        var stream = z_stream()
        let initialized = ocop_inflate_init(&stream, format.windowBits)
        guard initialized == Z_OK else { throw .compressionFailed(code: Int(initialized)) }
        defer { inflateEnd(&stream) }

        let chunk = 16_384
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status: Int32 = Z_OK
        var consumed = 0
        repeat {
            let (result, produced, remainingInput): (Int32, Int, Int) = input.withUnsafeBytes { inBuffer in
                buffer.withUnsafeMutableBytes { outBuffer in
                    let base = inBuffer.bindMemory(to: Bytef.self).baseAddress
                    stream.next_in = base.map { UnsafeMutablePointer(mutating: $0 + consumed) }
                    stream.avail_in = uInt(inBuffer.count - consumed)
                    stream.next_out = outBuffer.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    let r = inflate(&stream, Z_NO_FLUSH)
                    return (r, outBuffer.count - Int(stream.avail_out), Int(stream.avail_in))
                }
            }
            status = result
            consumed = input.count - remainingInput
            guard output.count + produced <= limit else { throw .inflatedSizeExceeded(limit: limit) }
            output.append(contentsOf: buffer[0..<produced])
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                break
            case Z_BUF_ERROR:
                // No progress with a fresh output buffer: the input ended before the stream did.
                throw .corruptCompressedData(.truncated)
            case Z_NEED_DICT:
                // zlib has checked the header and asks for the dictionary whose Adler-32 it names;
                // a different dictionary is refused with Z_DATA_ERROR.
                guard !dictionary.isEmpty else { throw .corruptCompressedData(.unknownDictionary) }
                let set = dictionary.withUnsafeBytes { inflateSetDictionary(&stream, $0.bindMemory(to: Bytef.self).baseAddress, uInt($0.count)) }
                guard set == Z_OK else { throw .corruptCompressedData(.unknownDictionary) }
                status = Z_OK
            case Z_DATA_ERROR:
                throw .corruptCompressedData(.invalidData)
            default:
                throw .compressionFailed(code: Int(status))
            }
        } while status != Z_STREAM_END
        guard consumed == input.count else { throw .corruptCompressedData(.trailingBytes(input.count - consumed)) }
        return output
    }
}

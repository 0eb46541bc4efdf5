namespace PrivacyHoldout80.Support;

/// <summary>
/// The common eight-byte header of the gateways' binary protocols:
/// <c>[version:1][opcode:1][flags:2][sequence:4]</c> followed by a big-endian length prefix of the body.
/// </summary>
public readonly struct FrameHeader
{
    public const int Size = 8;

    public FrameHeader(byte version, byte opcode, ushort flags, uint sequence, int bodyLength)
    {
        Version = version;
        Opcode = opcode;
        Flags = flags;
        Sequence = sequence;
        BodyLength = bodyLength;
    }

    public byte Version { get; }

    public byte Opcode { get; }

    public ushort Flags { get; }

    public uint Sequence { get; }

    public int BodyLength { get; }

    public int FrameLength => Size + 4 + BodyLength + 2;

    public static bool TryRead(ReadOnlySpan<byte> buffer, out FrameHeader header)
    {
        if (buffer.Length < Size + 4)
        {
            header = default;
            return false;
        }
        header = new FrameHeader(buffer[0], buffer[1], BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]), BinaryPrimitives.ReadInt32BigEndian(buffer[Size..]));
        return true;
    }

    /// <summary>Prints the header fields only: <c>v2 op=0x21 flags=0x0001 seq=1207 len=64</c>.</summary>
    public override string ToString() => $"v{Version} op=0x{Opcode:X2} flags=0x{Flags:X4} seq={Sequence} len={BodyLength}";
}

/// <summary>CRC-16/CCITT-FALSE and CRC-32 (IEEE) over a frame, as the devices compute them.</summary>
public static class Crc
{
    public static ushort Ccitt(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }
        return crc;
    }

    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}

/// <summary>Hex text of bytes, as the protocol team reads captures.</summary>
public static class Hex
{
    /// <summary>The first <paramref name="max"/> bytes as upper-case hex without separators.</summary>
    public static string Dump(ReadOnlySpan<byte> bytes, int max = 64) => Convert.ToHexString(bytes[..Math.Min(max, bytes.Length)]);

    /// <summary>The header bytes only (<see cref="FrameHeader.Size"/> bytes), spaced: <c>02 21 00 01 00 00 04 B7</c>.</summary>
    public static string HeaderOnly(ReadOnlySpan<byte> frame)
    {
        var header = frame[..Math.Min(FrameHeader.Size, frame.Length)];
        return string.Join(' ', header.ToArray().Select(b => b.ToString("X2")));
    }
}

/// <summary>Card numbers as the terminals and readers print them.</summary>
public static class CardText
{
    /// <summary>The first six and last four digits with the rest as '*': <c>411111******1111</c>.</summary>
    public static string Mask(ReadOnlySpan<char> pan) => string.Create(pan.Length, pan.ToString(), static (dest, src) =>
    {
        for (var i = 0; i < dest.Length; i++)
        {
            dest[i] = i < 6 || i >= dest.Length - 4 ? src[i] : '*';
        }
    });

    public static string LastFour(ReadOnlySpan<char> pan) => new(pan[^4..]);

    /// <summary>Writes the mask into a caller's buffer; returns the characters written.</summary>
    public static int MaskInto(ReadOnlySpan<char> pan, Span<char> destination)
    {
        for (var i = 0; i < pan.Length; i++)
        {
            destination[i] = i < 6 || i >= pan.Length - 4 ? pan[i] : '*';
        }
        return pan.Length;
    }
}

/// <summary>Shards and lanes from an HMAC-SHA256 with the service's shard key.</summary>
public sealed class KeyedShards(TelemetrySecrets secrets)
{
    public int ShardOf(string id, int shards)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(id), mac);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(mac) % (uint)shards);
    }

    public string LaneOf(ReadOnlySpan<byte> idBytes)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secrets.ShardKey, idBytes, mac);
        return "lane-" + (mac[0] & 0x0F).ToString("X1");
    }
}

/// <summary>A frame broken by the link: the offset, the opcode and what was wrong, nothing of the body.</summary>
public sealed class FrameFormatException(string reason, long offset, byte opcode)
    : Exception($"Malformed frame at offset {offset}: {reason} (opcode 0x{opcode:X2})")
{
    public long Offset { get; } = offset;

    public byte Opcode { get; } = opcode;
}

/// <summary>The checksum of a frame does not match: both checksums and the sequence number.</summary>
public sealed class ChecksumMismatchException(uint expected, uint actual, uint sequence)
    : Exception($"CRC mismatch on frame {sequence}: expected {expected:X8}, computed {actual:X8}")
{
    public uint Sequence { get; } = sequence;
}

/// <summary>A field of a body that does not parse: quotes the field's text as it was received.</summary>
public sealed class FieldDecodeException(string field, string received)
    : Exception($"Cannot decode {field} from '{received}'")
{
    public string Field { get; } = field;
}

/// <summary>A protocol version the gateway does not speak.</summary>
public sealed class UnsupportedVersionException(int version, int highest)
    : Exception($"Protocol version {version} is not supported (highest {highest})");

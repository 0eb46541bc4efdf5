namespace Copybook;

/// <summary>One field of a COBOL copybook, flattened: its name, zero-based offset and length in the record.</summary>
public sealed record FieldSpec(string Name, int Offset, int Length, FieldKind Kind = FieldKind.Display, int Scale = 0);

public enum FieldKind
{
    Display,
    Zoned,
    Packed,
}

/// <summary>A record layout (one `01` level of a copybook), selected by the record type in the first bytes.</summary>
public sealed record RecordLayout(string RecordType, int RecordLength, IReadOnlyList<FieldSpec> Fields)
{
    public FieldSpec this[string name] => Fields.First(f => f.Name == name);

    public string Slice(string line, string name)
    {
        var field = this[name];
        return line.Substring(field.Offset, field.Length).TrimEnd();
    }
}

/// <summary>A fixed-width record read from a file or a queue, kept with its raw text for diagnostics.</summary>
public sealed record FixedWidthRecord(string RecordType, int LineNumber, string Raw)
{
    public string this[RecordLayout layout, string name] => layout.Slice(Raw, name);
}

/// <summary>
/// Thrown when a line does not fit its layout. The message quotes the line number, the record type and
/// the raw record, as the mainframe team asked for.
/// </summary>
public sealed class LayoutMismatchException(string recordType, int lineNumber, string raw, string reason)
    : Exception($"Record {recordType} at line {lineNumber} does not fit its layout ({reason}): [{raw}]")
{
    public string RecordType { get; } = recordType;

    public int LineNumber { get; } = lineNumber;

    public string Reason { get; } = reason;
}

/// <summary>EBCDIC (code page 037 or 285) to text.</summary>
public static class Ebcdic
{
    public static string Decode(ReadOnlySpan<byte> bytes, int codePage = 37)
    {
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            builder.Append(b switch
            {
                0x40 => ' ',
                >= 0xC1 and <= 0xC9 => (char)('A' + (b - 0xC1)),
                >= 0xD1 and <= 0xD9 => (char)('J' + (b - 0xD1)),
                >= 0xE2 and <= 0xE9 => (char)('S' + (b - 0xE2)),
                >= 0xF0 and <= 0xF9 => (char)('0' + (b - 0xF0)),
                _ => '?',
            });
        }
        return builder.ToString();
    }
}

/// <summary>COMP-3 packed decimals.</summary>
public static class PackedDecimal
{
    public static decimal Unpack(ReadOnlySpan<byte> bytes, int scale)
    {
        long value = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var high = bytes[i] >> 4;
            var low = bytes[i] & 0x0F;
            value = value * 10 + high;
            if (i < bytes.Length - 1)
            {
                value = value * 10 + low;
            }
            else if (low == 0x0D)
            {
                value = -value;
            }
        }
        return value / (decimal)Math.Pow(10, scale);
    }
}

/// <summary>Thrown for a nibble that is not a digit or a sign in a packed field.</summary>
public sealed class PackedDecimalException(string field, int offset, string hex)
    : Exception($"Invalid packed decimal in {field} at offset {offset}: {hex}")
{
    public string Field { get; } = field;

    public int Offset { get; } = offset;
}

namespace FileXchange
{
    /// <summary>A partner's SFTP drop: where we pick up and where we drop, and the account we log in with (the partner's service account).</summary>
    public sealed record PartnerEndpoint(string PartnerCode, string Host, string Username, string InboundDir, string OutboundDir);

    /// <summary>The manifest sent beside a file (or its control file): name, size, record count and SHA-256. Prints its members.</summary>
    public sealed record FileManifest(string FileName, long Bytes, int RecordCount, string Sha256, DateTimeOffset CreatedUtc)
    {
        public static string Sha256Of(byte[] content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

        public string ToControlLine() => string.Join('|', FileName, Bytes.ToString(CultureInfo.InvariantCulture), RecordCount.ToString(CultureInfo.InvariantCulture), Sha256);

        public static FileManifest Parse(string controlLine)
        {
            var f = controlLine.Trim().Split('|');
            return new FileManifest(f[0], long.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture), f[3], DateTimeOffset.UtcNow);
        }
    }

    /// <summary>Thrown when a file's SHA-256 differs from its manifest's; quotes the file name and both digests.</summary>
    public sealed class ChecksumMismatchException(string fileName, string expected, string actual)
        : Exception($"Checksum mismatch for '{fileName}': manifest {expected}, computed {actual}")
    {
        public string FileName { get; } = fileName;
    }

    /// <summary>Thrown when a file's record count differs from its trailer or manifest.</summary>
    public sealed class RecordCountMismatchException(string fileName, int expected, int actual)
        : Exception($"'{fileName}' declares {expected} records but holds {actual}");

    /// <summary>One rejected record of an import: where, which field, why, and the record as it was read. Prints its members.</summary>
    public sealed record RowRejection(int LineNumber, string Field, string Reason, string RawLine);

    /// <summary>What an import did with a file. Prints its members (the rejections as their type's name).</summary>
    public sealed record ImportSummary(string FileName, int Read, int Accepted, int Rejected, TimeSpan Elapsed)
    {
        public IReadOnlyList<RowRejection> Rejections { get; init; } = Array.Empty<RowRejection>();
    }

    /// <summary>A record read by the CSV reader, in the shape of CsvHelper's parser: the fields by header, the line number and the raw text.</summary>
    public sealed class CsvRecord(IReadOnlyList<string> header, string[] fields, int lineNumber, string rawRecord)
    {
        public IReadOnlyList<string> Header { get; } = header;

        public string[] Fields { get; } = fields;

        public int LineNumber { get; } = lineNumber;

        public string RawRecord { get; } = rawRecord;

        public string this[string column] => Fields[Header.ToList().IndexOf(column)];

        public bool TryGet(string column, out string value)
        {
            var i = Header.ToList().IndexOf(column);
            value = i >= 0 && i < Fields.Length ? Fields[i] : string.Empty;
            return i >= 0 && i < Fields.Length;
        }
    }

    public static class Csv
    {
        public static IEnumerable<CsvRecord> Read(string text, char delimiter = ',')
        {
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var header = lines[0].TrimEnd('\r').Split(delimiter);
            for (var i = 1; i < lines.Length; i++)
            {
                var raw = lines[i].TrimEnd('\r');
                var fields = raw.Split(delimiter);
                if (fields.Length != header.Length)
                {
                    throw new CsvBadDataException(i + 1, raw);
                }
                yield return new CsvRecord(header, fields, i + 1, raw);
            }
        }

        public static string Line(params object?[] fields) =>
            string.Join(',', fields.Select(f => Convert.ToString(f, CultureInfo.InvariantCulture) is { } s && s.Contains(',') ? "\"" + s + "\"" : Convert.ToString(f, CultureInfo.InvariantCulture)));
    }

    /// <summary>CsvHelper's <c>BadDataException</c>: its message quotes the raw record that could not be read.</summary>
    public sealed class CsvBadDataException(int line, string rawRecord)
        : Exception($"Bad data found on line {line}. RawRecord: {rawRecord}")
    {
        public int Line { get; } = line;

        public string RawRecord { get; } = rawRecord;
    }

    /// <summary>A field of a fixed-width layout. Prints its members.</summary>
    public sealed record FixedWidthField(string Name, int Start, int Length, char Pad = ' ', bool RightAlign = false);

    /// <summary>A fixed-width record layout, as the legacy partners publish them.</summary>
    public sealed class FixedWidthLayout(string name, int recordLength, params FixedWidthField[] fields)
    {
        public string Name { get; } = name;

        public int RecordLength { get; } = recordLength;

        public IReadOnlyList<FixedWidthField> Fields { get; } = fields;

        public string Read(string record, string field)
        {
            var f = Fields.Single(x => x.Name == field);
            return record.Substring(f.Start, f.Length).Trim();
        }

        public string Write(IReadOnlyDictionary<string, string> values)
        {
            var buffer = new string(' ', RecordLength).ToCharArray();
            foreach (var f in Fields)
            {
                var v = values.TryGetValue(f.Name, out var s) ? s : string.Empty;
                if (v.Length > f.Length)
                {
                    throw new FieldOverflowException(f.Name, f.Length, v);
                }
                var padded = f.RightAlign ? v.PadLeft(f.Length, f.Pad) : v.PadRight(f.Length, f.Pad);
                padded.CopyTo(0, buffer, f.Start, f.Length);
            }
            return new string(buffer);
        }
    }

    /// <summary>Thrown when a value is too long for its field; quotes the value.</summary>
    public sealed class FieldOverflowException(string field, int length, string value)
        : Exception($"Value '{value}' does not fit field {field} ({length} characters)")
    {
        public string Field { get; } = field;
    }

    /// <summary>Thrown when a record is not the layout's length; quotes the line number and the lengths.</summary>
    public sealed class RecordLengthException(int line, int expected, int actual)
        : Exception($"Record {line} is {actual} characters; the layout expects {expected}");

    /// <summary>Thrown by the service's own validators; the message is written by the validator that threw.</summary>
    public sealed class RowValidationException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }

    /// <summary>The interchange settings every service binds from configuration.</summary>
    public sealed class InterchangeOptions
    {
        public string StagingDir { get; init; } = "/var/spool/interchange";

        public TimeSpan PickupWindow { get; init; } = TimeSpan.FromHours(2);

        public int MaxRejectedRatioPercent { get; init; } = 5;

        public string ArchiveContainer { get; init; } = "interchange-archive";
    }
}

namespace FileXchange.Archive
{
    /// <summary>How long an exchanged file is kept, and whether it is under legal hold. Prints its members.</summary>
    public sealed record RetentionPolicy(string Category, TimeSpan Retain, bool LegalHold = false);

    /// <summary>A file in the archive. Prints its members.</summary>
    public sealed record ArchivedFile(string BlobName, string Container, DateTimeOffset RetainUntil, string Sha256, long Bytes);

    /// <summary>The archive's blob store (not telemetry).</summary>
    public interface IFileArchive
    {
        Task<ArchivedFile> PutAsync(string blobName, byte[] content, RetentionPolicy policy, CancellationToken cancellationToken = default);

        IAsyncEnumerable<ArchivedFile> ExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

        Task DeleteAsync(ArchivedFile file, CancellationToken cancellationToken = default);
    }

    /// <summary>Thrown when a file under legal hold is deleted; quotes the blob's name.</summary>
    public sealed class LegalHoldException(string blobName) : Exception($"Blob '{blobName}' is under legal hold")
    {
        public string BlobName { get; } = blobName;
    }
}

namespace FileXchange.Reconciliation
{
    /// <summary>One break of a reconciliation: the key both sides share, the amounts and a status. Prints its members.</summary>
    public sealed record ReconciliationBreak(string Key, decimal Ours, decimal Theirs, string Status);

    /// <summary>The reconciliation of a partner's file against our records. Prints its members (the breaks as their type's name).</summary>
    public sealed record ReconciliationReport(string Partner, DateOnly Period, int Matched, int MissingTheirs, int MissingOurs, decimal Variance)
    {
        public IReadOnlyList<ReconciliationBreak> Breaks { get; init; } = Array.Empty<ReconciliationBreak>();
    }
}

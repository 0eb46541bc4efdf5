namespace ClickKit.Replay
{
    /// <summary>An object of the raw event archive, one per stream, partition and hour. Prints its members.</summary>
    public sealed record ArchiveObject(string Key, long SizeBytes, DateTimeOffset Hour, int Partition);

    /// <summary>What a replay should re-read: by time, by event names and, for a subject access request, by visitor. Prints its members (lists as their types' names).</summary>
    public sealed record ReplayFilter(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> EventNames, IReadOnlyList<string> VisitorIds);

    /// <summary>A replay job. Prints its members.</summary>
    public sealed record ReplayRequest(Guid JobId, string Reason, string Target, ReplayFilter Filter, string RequestedBy);

    /// <summary>Where a replay has got to. Prints its members.</summary>
    public sealed record ReplayCheckpoint(Guid JobId, string ObjectKey, long LineOffset, long Replayed, long Skipped);

    /// <summary>A raw line read back from the archive: the collector payload as it arrived.</summary>
    public sealed record RawLine(string ObjectKey, long Offset, string Payload);

    /// <summary>The archive (object storage); reading it is not telemetry.</summary>
    public interface IRawEventArchive
    {
        IAsyncEnumerable<ArchiveObject> ListAsync(string stream, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

        IAsyncEnumerable<RawLine> ReadAsync(ArchiveObject obj, long fromOffset, CancellationToken cancellationToken = default);
    }

    /// <summary>Thrown when an archive object is missing or truncated; quotes the key and the offset.</summary>
    public sealed class ArchiveCorruptException(string key, long offset) : Exception($"Archive object {key} is truncated at line {offset}")
    {
        public string Key { get; } = key;
    }
}

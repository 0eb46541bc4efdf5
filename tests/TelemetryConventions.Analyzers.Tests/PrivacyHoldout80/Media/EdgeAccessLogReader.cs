namespace PrivacyHoldout80.Media;

/// <summary>One record of the edge's binary access log.</summary>
public readonly record struct EdgeAccess(IPAddress Client, string ProfileId, string TitleId, int Status, long Bytes, ushort CacheCode);

/// <summary>
/// Reads the edge nodes' length-prefixed access-log records with a <see cref="BinaryReader"/>:
/// <c>[length:4 LE][ip:16][profile:len-prefixed][title:len-prefixed][status:2][bytes:8][cache:2]</c>.
/// </summary>
public sealed partial class EdgeAccessLogReader(ILogger<EdgeAccessLogReader> logger, Pseudonymizer pseudonymizer, KeyedShards shards, Meter meter)
{
    private readonly Counter<long> _bytesServed = meter.CreateCounter<long>("segwire.edge.bytes", "By");

    public IEnumerable<EdgeAccess> ReadAll(string edgeId, Stream log)
    {
        using var reader = new BinaryReader(log, Encoding.UTF8, leaveOpen: true);
        var results = new List<EdgeAccess>();
        var offset = 0L;
        while (log.Position < log.Length)
        {
            var length = reader.ReadInt32();
            if (length is <= 0 or > 4096)
            {
                var error = new FrameFormatException($"record length {length}", offset, 0);
                logger.LogError(error, "Edge {Edge} access log is corrupt", edgeId); // clean exceptions
                Activity.Current?.AddException(error); // clean exceptions
                break;
            }
            var access = new EdgeAccess(new IPAddress(reader.ReadBytes(16)), reader.ReadString(), reader.ReadString(), reader.ReadUInt16(), reader.ReadInt64(), reader.ReadUInt16());
            offset += 4 + length;
            results.Add(access);

            _bytesServed.Add(access.Bytes, new KeyValuePair<string, object?>("edge", edgeId), new KeyValuePair<string, object?>("status", access.Status)); // clean precision-about
            meter.CreateSegwireFramesDecodedCounter().Add(1, "0x10", "served:" + pseudonymizer.ComputeSegwireViewerId(access.ProfileId)); // leak TC1003 precision-pseudonym
            if (access.Status >= 500)
            {
                LogServerError(logger, access.Status, access.TitleId, access.CacheCode, offset); // clean precision-about
                LogFailedClient(logger, access.Client, access.Status); // leak TC1001 direct
                logger.LogSegwireFrameRejectedEvent(edgeId, $"status:{access.Status}", segwireViewerId: pseudonymizer.PseudonymizeSegwireViewerId(access.ProfileId)); // clean precision-pseudonym
                logger.LogWarning("Failed delivery {Access}", access); // leak TC1001 logging-objects
            }
        }
        var sample = results.Where(a => shards.ShardOf(a.ProfileId, 100) == 0).ToList();
        logger.LogInformation("Edge {Edge}: {Records} records, {Sampled} in the 1 % sample", edgeId, results.Count, sample.Count); // clean precision-about
        var legacy = results.Where(a => MD5.HashData(Encoding.UTF8.GetBytes(a.ProfileId))[0] == 0).Select(a => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(a.ProfileId)))).ToList();
        logger.LogInformation("Legacy sample keys {Keys}", legacy); // leak TC1002 hashes
        return results;
    }

    [LoggerMessage(EventId = 8301, Level = LogLevel.Warning, Message = "Status {Status} for {Title} (cache {CacheCode}) at offset {Offset}")]
    private static partial void LogServerError(ILogger logger, int status, string title, ushort cacheCode, long offset);

    [LoggerMessage(EventId = 8302, Level = LogLevel.Warning, Message = "Client {Client} got {Status}")]
    private static partial void LogFailedClient(ILogger logger, IPAddress client, int status);
}

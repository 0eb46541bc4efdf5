namespace PrivacyHoldout80.Gaming;

/// <summary>Per-tick replication metrics of a match, with tags built once per match.</summary>
public sealed class ReplicationMetrics
{
    private readonly Meter _meter;
    private readonly Histogram<int> _snapshotBytes;
    private readonly Counter<long> _resends;
    private readonly ILogger _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly KeyValuePair<string, object?> _mapTag;
    private readonly KeyValuePair<string, object?> _modeTag;
    private readonly Dictionary<int, Guid> _players = new();
    private int _worstSlot;

    public ReplicationMetrics(Meter meter, ILogger<ReplicationMetrics> logger, Pseudonymizer pseudonymizer, string map, string mode)
    {
        _meter = meter;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _snapshotBytes = meter.CreateHistogram<int>("netwire.snapshot.bytes", "By");
        _resends = meter.CreateCounter<long>("netwire.resends", "{packet}");
        _mapTag = new("match.map", map);
        _modeTag = new("match.mode", mode);
    }

    public void Join(int slot, Guid playerId) => _players[slot] = playerId;

    public void OnSnapshot(string serverId, int slot, int bytes, int entities, ushort sequence)
    {
        var tags = new TagList { _mapTag, _modeTag };
        tags.Add("snapshot.entities.bucket", entities < 64 ? "small" : entities < 256 ? "medium" : "large");
        _snapshotBytes.Record(bytes, tags); // clean precision-about
        _meter.CreateNetwireFrameSizeHistogram().Record(bytes, "0x03"); // clean precision-about

        if (bytes > 1200)
        {
            _worstSlot = slot;
            _resends.Add(1, _mapTag, new KeyValuePair<string, object?>("player", _players[slot])); // leak TC1003 cross-member
            _resends.Add(1, _mapTag, new KeyValuePair<string, object?>("slot", slot)); // clean precision-about
            _logger.LogNetwireFrameRejectedEvent(serverId, "rejected:mtu", netwireFrameOpcode: "0x03", netwirePlayerId: _pseudonymizer.PseudonymizeNetwirePlayerId(_players[slot].ToString())); // clean precision-pseudonym
            _logger.LogNetwireFrameRejectedEvent(serverId, "rejected:mtu", netwireNote: $"snapshot {sequence} for {_players[slot]} was {bytes} bytes"); // leak TC1001 generated-api
        }
    }

    public void EndOfMatch(string serverId)
    {
        using var scope = _logger.BeginScope("Match on {Server} ended; worst slot {Slot} was player {Player}", serverId, _worstSlot, _players.GetValueOrDefault(_worstSlot)); // leak TC1001 cross-member
        _logger.LogInformation("Players this match: {PlayerCount}", _players.Count); // clean precision-names
        _logger.LogInformation("Players this match: {Players}", _players); // leak TC1001 logging-objects
        Activity.Current?.SetTag("netwire.match.player_slots", string.Join(',', _players.Keys)); // clean precision-names
    }
}

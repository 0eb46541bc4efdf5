namespace PrivacyHoldout66.Gaming;

public readonly record struct PlayerId(Guid Value)
{
    public override string ToString() => Value.ToString("N");
}

public sealed record Ticket(PlayerId Player, string Gamertag, string Queue, string Region, int Mmr, string? PartyId, DateTimeOffset EnqueuedAt);

/// <summary>The game team's metrics interface; tags go as (key, value) tuples.</summary>
public interface IGameMetrics
{
    void Count(string instrument, params (string Key, object? Value)[] tags);

    void Time(string instrument, TimeSpan elapsed, params (string Key, object? Value)[] tags);
}

public sealed class GameMetrics(IMeterFactory meterFactory) : IGameMetrics
{
    private readonly Meter _meter = meterFactory.Create("Game.Online");
    private readonly ConcurrentDictionary<string, Counter<long>> _counters = new();
    private readonly ConcurrentDictionary<string, Histogram<double>> _timers = new();

    public void Count(string instrument, params (string Key, object? Value)[] tags) =>
        _counters.GetOrAdd(instrument, n => _meter.CreateCounter<long>(n)).Add(1, ToTagList(tags));

    public void Time(string instrument, TimeSpan elapsed, params (string Key, object? Value)[] tags) =>
        _timers.GetOrAdd(instrument, n => _meter.CreateHistogram<double>(n, "ms")).Record(elapsed.TotalMilliseconds, ToTagList(tags));

    private static TagList ToTagList((string Key, object? Value)[] tags)
    {
        var list = new TagList();
        foreach (var (key, value) in tags)
        {
            list.Add(key, value);
        }
        return list;
    }
}

/// <summary>
/// Matchmaking's own instruments: the queues are held in memory, so their depth and the oldest
/// ticket's age are observed from that state.
/// </summary>
public sealed class MatchmakingMetrics
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Ticket>> _queues;
    private readonly Gauge<int> _ping;
    private readonly Histogram<int> _mmrSpread;
    private readonly LobbyMatchesCounter _matches;
    private readonly LobbyWaitHistogram _wait;
    private readonly FirstSeenLimiter _maps = new(limit: 64);
    private readonly FirstSeenLimiter _watchlist = new(limit: 200);

    public MatchmakingMetrics(IMeterFactory meterFactory, ConcurrentDictionary<string, ConcurrentQueue<Ticket>> queues)
    {
        _queues = queues;
        Meter = meterFactory.Create("Game.Matchmaking");
        _ping = Meter.CreateGauge<int>("matchmaking.ping", "ms");
        _mmrSpread = Meter.CreateHistogram<int>("matchmaking.mmr.spread", "{mmr}");
        _matches = Meter.CreateLobbyMatchesCounter();
        _wait = Meter.CreateLobbyWaitHistogram();
        Meter.CreateObservableGauge("matchmaking.queue.depth", () => _queues.Select(q => new Measurement<int>(q.Value.Count, new KeyValuePair<string, object?>("queue", q.Key)))); // clean direct
        Meter.CreateObservableGauge("matchmaking.queue.oldest", ObserveOldest, "s");
        Meter.CreateObservableGauge("matchmaking.queue.head", ObserveHeads, "s");
    }

    public Meter Meter { get; }

    public void Pinged(Ticket ticket, int millis)
    {
        _ping.Record(millis, new KeyValuePair<string, object?>("region", ticket.Region));
        _ping.Record(millis, new KeyValuePair<string, object?>("region", ticket.Region), new KeyValuePair<string, object?>("player", _watchlist.Limit(ticket.Gamertag))); // leak TC1003 direct
    }

    public void Matched(string queue, string region, string map, IReadOnlyList<Ticket> tickets)
    {
        _matches.Add(1, queue, region, lobbyOutcome: "matched"); // clean generated-api
        _mmrSpread.Record(tickets.Max(t => t.Mmr) - tickets.Min(t => t.Mmr), new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("map", _maps.Limit(map))); // clean direct
    }

    public void Waited(Ticket ticket, TimeSpan waited) =>
        _wait.Record(waited.TotalSeconds, ticket.Queue); // clean generated-api

    public void WaitedOnWatch(Ticket ticket, TimeSpan waited, Pseudonym player) =>
        _wait.Record(waited.TotalSeconds, ticket.Queue, player); // leak TC1003 precision-pseudonym

    public void TimedOut(Ticket ticket) =>
        _matches.Add(1, ticket.Queue, ticket.Region, lobbyOutcome: $"timeout:{ticket.Player}"); // leak TC1003 strings

    private IEnumerable<Measurement<double>> ObserveOldest()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (queue, tickets) in _queues)
        {
            if (tickets.TryPeek(out var oldest))
            {
                yield return new Measurement<double>((now - oldest.EnqueuedAt).TotalSeconds, new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("region", oldest.Region)); // clean direct
            }
        }
    }

    private IEnumerable<Measurement<double>> ObserveHeads()
    {
        var now = DateTimeOffset.UtcNow;
        return _queues.Values.SelectMany(q => q.Take(3)).Select(t => new Measurement<double>((now - t.EnqueuedAt).TotalSeconds, new KeyValuePair<string, object?>("queue", t.Queue), new KeyValuePair<string, object?>("party", t.PartyId ?? t.Player.ToString()))); // leak TC1003 cross-member
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Gaming;

public sealed record PartyMember(Guid PlayerId, string Gamertag, int Mmr);

public sealed record Party(Guid PartyId, PartyMember Leader, IReadOnlyList<PartyMember> Members, string Region, ArenaQueue Queue);

public sealed record MatchPlacement(string MatchId, string ServerRegion, TimeSpan Waited);

/// <summary>
/// Live-ops' telemetry for the matchmaker, injected as a singleton: one place that knows the
/// generated matchmaking span, its match-found event and the queue metrics.
/// </summary>
public sealed class MatchmakingTelemetry(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<MatchmakingTelemetry> logger)
{
    private readonly Histogram<double> _leaderWait = meter.CreateHistogram<double>("arena.leader.wait", "s");

    public static string MmrBucket(int mmr) => mmr switch
    {
        < 1000 => "0-999",
        < 1500 => "1000-1499",
        _ => "1500+",
    };

    public ArenaMatchmakingSpan Queued(Party party)
    {
        var leader = pseudonymizer.PseudonymizeArenaPlayerId(party.Leader.PlayerId.ToString());
        var span = source.StartArenaMatchmaking(leader, party.Queue, spanName: $"matchmaking {party.Leader.Gamertag}"); // leak TC1001 strings
        span.SetArenaRegion(party.Region) // clean precision-about
            .SetArenaPartySize(party.Members.Count)
            .SetArenaMmrBucket(MmrBucket((int)party.Members.Average(m => m.Mmr)));
        span.Activity?.SetTag("arena.party.id", party.PartyId.ToString()); // clean direct
        span.Activity?.SetTag("arena.experiment.cohort", HashCode.Combine(party.Leader.PlayerId) & 7); // leak TC1002 hashes
        return span;
    }

    public void Placed(ArenaMatchmakingSpan span, Party party, MatchPlacement placement)
    {
        var leader = pseudonymizer.PseudonymizeArenaPlayerId(party.Leader.PlayerId.ToString());
        var bucket = MmrBucket(party.Leader.Mmr);
        span.SetArenaMatchId(placement.MatchId);
        logger.LogInformation("Placed {@Placement}", placement); // clean logging-objects
        logger.LogDebug("Placed party {@Party}", party); // leak TC1001 logging-objects
        span.AddArenaMatchFoundEvent(placement.MatchId, party.Queue, leader, bucket); // clean precision-pseudonym
        logger.LogArenaMatchFoundEvent(placement.MatchId, party.Queue, leader, bucket, $"waited {placement.Waited.TotalSeconds:0}s"); // clean precision-pseudonym
        meter.CreateArenaMatchesCounter().Add(1, party.Queue, placement.ServerRegion, bucket); // clean precision-about
        meter.CreateArenaQueueWaitHistogram().Record(placement.Waited.TotalSeconds, party.Queue, placement.ServerRegion, party.Members.Count);
        _leaderWait.Record(placement.Waited.TotalSeconds, new KeyValuePair<string, object?>("arena.player.id", leader.Value)); // leak TC1003 precision-pseudonym
        foreach (var member in party.Members)
        {
            span.Activity?.AddEvent(new ActivityEvent("arena.member.placed", tags: new ActivityTagsCollection { ["arena.member"] = member.Gamertag })); // leak TC1001 cross-member
        }
    }

    public void TimedOut(ArenaMatchmakingSpan span, Party party)
    {
        span.SetArenaQueue(ArenaQueueValue.Custom($"{party.Queue.ToWireValue()}-timeout")); // clean generated-api
        span.SetArenaNote($"timed out in {party.Region} after {party.Members.Count} joined"); // clean strings
        span.SetArenaNote($"party of {party.Members.Count}, gamertags {string.Join(",", party.Members.Select(m => m.Gamertag))}"); // leak TC1001 strings
        logger.LogWarning("Matchmaking timed out for party {PartyId} led by {LeaderId}", party.PartyId, party.Leader.PlayerId); // leak TC1001 direct
        logger.LogWarning("Matchmaking timed out for party {PartyId} in {Region}", party.PartyId, party.Region); // clean direct
        var playerCount = party.Members.Count;
        logger.LogInformation("Timed-out party had {PlayerCount} players", playerCount); // clean precision-names
        meter.CreateArenaMatchesCounter().Add(0, ArenaQueueValue.Custom(party.Leader.Gamertag), party.Region); // leak TC1003 generated-api
    }
}

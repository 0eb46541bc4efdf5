using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using PrivacyHoldout8.Support;
using PrivacyHoldout8.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout8.Gaming;

public enum MatchmakingState
{
    Queued,
    Matched,
    Seated,
    Abandoned,
}

/// <summary>The saga's persisted correlation data.</summary>
public sealed class MatchmakingSagaData
{
    public Guid CorrelationId { get; init; } = Guid.NewGuid();

    public required string PlayerId { get; init; }

    public required string Gamertag { get; init; }

    public string? SeatId { get; set; }

    public string Region { get; init; } = "eu";

    public MatchmakingState State { get; set; }

    public int Attempts { get; set; }
}

public sealed record SeatOffered(Guid CorrelationId, string SeatId, string LobbyId);

public sealed record SeatDeclined(Guid CorrelationId, string Reason);

public sealed class MatchmakingSaga(MatchmakingSagaData data, ILogger<MatchmakingSaga> logger, IFeatureManager features, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Gaming");
    private static readonly Meter Meter = new("PrivacyHoldout8.Gaming");
    private static readonly Counter<long> Transitions = Meter.CreateCounter<long>("matchmaking.transitions");

    private readonly Pseudonym _player = pseudonymizer.Pseudonymize(TelemetryPseudonyms.LobbyPlayerIdDomain, data.PlayerId);

    public async Task HandleAsync(SeatOffered message)
    {
        using var seat = Source.StartLobbySeat(_player); // clean generated-api
        seat.SetLobbySeatId(message.SeatId).SetLobbySite(data.Region); // clean generated-api
        seat.Activity?.SetTag("saga.correlation_id", data.CorrelationId); // clean precision-names

        var targeting = new TargetingContext { UserId = data.PlayerId, Groups = new[] { data.Region } };
        var crossPlay = await features.IsEnabledAsync("cross-play-seating", targeting);
        seat.Activity?.SetTag("feature.cross_play", crossPlay); // clean precision-about
        seat.Activity?.SetTag("feature.targeted_user", targeting.UserId); // leak TC1001 cross-member

        Transition(MatchmakingState.Seated);
        data.SeatId = message.SeatId;
    }

    public void Handle(SeatDeclined message)
    {
        data.Attempts++;
        using var seat = Source.StartLobbySeat(_player); // clean precision-pseudonym
        seat.AddLobbySeatReleasedEvent(message.Reason); // clean generated-api
        seat.SetLobbyNote($"declined by {data.Gamertag}"); // leak TC1001 generated-api
        logger.LogInformation("Saga {Correlation} declined after {Attempts} attempts", data.CorrelationId, data.Attempts); // clean direct
        Transition(MatchmakingState.Queued);
    }

    private void Transition(MatchmakingState next)
    {
        var previous = data.State;
        data.State = next;
        Transitions.Add(1, new KeyValuePair<string, object?>("saga.from", previous.ToString()), new KeyValuePair<string, object?>("saga.to", next.ToString())); // clean precision-names
        Transitions.Add(1, new KeyValuePair<string, object?>("lobby.player.id", _player.Value)); // leak TC1003 precision-pseudonym
        Activity.Current?.AddEvent(new ActivityEvent("saga.transition", tags: new ActivityTagsCollection { ["saga.player"] = data.PlayerId })); // leak TC1001 cross-member
    }
}

/// <summary>Answers the launcher's "is this feature on for me" calls.</summary>
public sealed class FeatureGate(IFeatureManager features, ILogger<FeatureGate> logger)
{
    public async Task<bool> IsOnAsync(string flag, string playerId, string gamertag)
    {
        var enabled = await features.IsEnabledAsync(flag, new TargetingContext { UserId = playerId });
        logger.LogDebug("Flag {Flag} evaluated: {Enabled}", flag, enabled); // clean direct
        logger.LogDebug("Flag {Flag} for {Handle}: {Enabled}", flag, gamertag, enabled); // leak TC1001 direct
        Activity.Current?.SetTag("gamertag.length", gamertag.Length); // clean precision-about
        Activity.Current?.SetTag("flag.cohort", MD5.HashData(Encoding.UTF8.GetBytes(playerId))[0] % 10); // leak TC1002 hashes
        Baggage.SetBaggage("player", playerId); // leak TC1001 direct
        return enabled;
    }
}

public sealed class GamertagTakenException(string gamertag) : Exception($"Gamertag '{gamertag}' is already taken")
{
    public string Gamertag { get; } = gamertag;
}

/// <summary>Renames a player's gamertag.</summary>
public sealed class GamertagService(ILogger<GamertagService> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Gaming.Profiles");
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public bool Rename(string playerId, string newGamertag)
    {
        using var activity = Source.StartActivity("gamertag.rename");
        try
        {
            if (!_taken.Add(newGamertag))
            {
                throw new GamertagTakenException(newGamertag);
            }
            activity?.SetTag("gamertag.taken_count", _taken.Count); // clean precision-about
            return true;
        }
        catch (GamertagTakenException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("Rename refused: {Reason}", ex.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(GamertagTakenException)); // clean exceptions
            return false;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using PrivacyCorpus.Shared;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Gaming;

[GenerateSerializer]
public sealed class PlayerProfile
{
    [Id(0)] public string Gamertag { get; set; } = string.Empty;

    [Id(1)] public string Region { get; set; } = "eu";

    [Id(2)] public int Level { get; set; }

    [Id(3)] public long? CurrentMatch { get; set; }
}

[GenerateSerializer]
public sealed class MatchState
{
    [Id(0)] public List<Guid> Players { get; set; } = [];

    [Id(1)] public string Mode { get; set; } = "duo";

    [Id(2)] public DateTimeOffset? StartedAt { get; set; }
}

public sealed class GamertagTakenException(string gamertag) : Exception($"Gamertag '{gamertag}' is already taken");

public interface IPlayerGrain : IGrainWithGuidKey
{
    Task JoinMatchAsync(long matchId);

    Task RenameAsync(string gamertag);
}

public interface IMatchGrain : IGrainWithIntegerKey
{
    Task AddPlayerAsync(Guid playerId, string gamertag);

    Task FinishAsync(Guid winner, string winnerGamertag);
}

public interface IGamertagRegistry
{
    Task<bool> TryClaimAsync(string gamertag, Guid playerId);
}

/// <summary>One grain per player account, keyed by the account's Guid.</summary>
public sealed class PlayerGrain(
    [PersistentState("profile", "players")] IPersistentState<PlayerProfile> profile,
    IGamertagRegistry registry,
    ActivitySource source,
    ILogger<PlayerGrain> logger) : Grain, IPlayerGrain
{
    public async Task JoinMatchAsync(long matchId)
    {
        using var activity = source.StartActivity("player.join_match");
        activity?.SetTag("player.id", GetPrimaryKey()); // leak TC1001 direct
        activity?.SetTag("match.id", matchId); // clean precision-names
        activity?.SetTag("player.level", profile.State.Level);
        activity?.SetBaggage("player.region", profile.State.Region); // clean precision-names

        logger.LogInformation("{Gamertag} joining match {MatchId}", profile.State.Gamertag, matchId); // leak TC1001 cross-member
        logger.LogDebug("Player grain {Grain} joining", IdentityString); // leak TC1001 cross-member
        await GrainFactory.GetGrain<IMatchGrain>(matchId).AddPlayerAsync(GetPrimaryKey(), profile.State.Gamertag);
        profile.State.CurrentMatch = matchId;
        await profile.WriteStateAsync();
    }

    public async Task RenameAsync(string gamertag)
    {
        if (!await registry.TryClaimAsync(gamertag, GetPrimaryKey()))
        {
            throw new GamertagTakenException(gamertag);
        }

        Activity.Current?.SetTag("player.gamertag.length", gamertag.Length); // clean precision-about
        profile.State.Gamertag = gamertag;
        await profile.WriteStateAsync();
    }
}

/// <summary>One grain per match, keyed by the match number.</summary>
public sealed class MatchGrain(
    [PersistentState("match", "matches")] IPersistentState<MatchState> state,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<MatchGrain> logger) : Grain, IMatchGrain
{
    private readonly Counter<long> _wins = meter.CreateCounter<long>("match.wins");

    public async Task AddPlayerAsync(Guid playerId, string gamertag)
    {
        state.State.Players.Add(playerId);
        logger.LogInformation("Match {MatchId} has {Players} players", GetPrimaryKeyLong(), state.State.Players.Count); // clean precision-names
        Activity.Current?.SetTag("match.grain", IdentityString); // clean precision-names
        await state.WriteStateAsync();
    }

    public async Task FinishAsync(Guid winner, string winnerGamertag)
    {
        using var step = source.StartWorkflowStep("Match", "finish");
        step.SetWorkflowInstanceId(GetPrimaryKeyLong().ToString()); // clean precision-names
        step.SetWorkflowPartyId(pseudonymizer.PseudonymizeWorkflowPartyId(winner.ToString())); // clean precision-pseudonym
        step.Activity?.SetTag("match.winner", winnerGamertag); // leak TC1001 direct
        logger.LogInformation("Match roster {Roster}", state.State.Players); // leak TC1001 logging-objects

        _wins.Add(1, new KeyValuePair<string, object?>("match.mode", state.State.Mode)); // clean precision-names
        _wins.Add(1, new KeyValuePair<string, object?>("match.winner", pseudonymizer.ComputeWorkflowPartyId(winner.ToString()))); // leak TC1003 precision-pseudonym

        DeactivateOnIdle();
        await state.ClearStateAsync();
    }
}

public sealed class ProfileEndpoints(IGrainFactory grains, ILogger<ProfileEndpoints> logger)
{
    public async Task<ActionResult> Rename(Guid playerId, string gamertag)
    {
        try
        {
            await grains.GetGrain<IPlayerGrain>(playerId).RenameAsync(gamertag);
            return new OkResult(null);
        }
        catch (GamertagTakenException ex)
        {
            logger.LogInformation("Rename refused: {Reason}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("rename.refused", ex.GetType().Name); // clean exceptions
            return new BadRequestResult("That gamertag is taken.");
        }
    }
}

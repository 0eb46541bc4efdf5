using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;
using PrivacyCorpus.Shared;
using PrivacyHoldout59.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout59.Gaming;

public sealed class LobbyService(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IOptionsMonitor<LobbyTelemetryOptions> options,
    IFeatureManager features,
    ILogger<LobbyService> logger)
{
    private readonly ConcurrentDictionary<string, List<LobbyMember>> _lobbies = new();
    private readonly Counter<long> _joinsByDimension = meter.CreateCounter<long>("squad.lobby.joins_by_dimension");

    public async Task JoinAsync(string title, string lobbyId, string playlist, LobbyMember member)
    {
        var t = options.CurrentValue.For(title);
        var members = _lobbies.GetOrAdd(lobbyId, _ => []);
        members.Add(member);

        using var span = source.StartSquadLobbyJoin(pseudonymizer.PseudonymizeSquadPlayerId(member.PlayerId.ToString()), lobbyId); // clean precision-pseudonym
        span.SetSquadTitle(title).SetSquadPlaylist(playlist).SetSquadRegion(member.Region).SetSquadSize(members.Count); // clean precision-about

        LobbyFields.Apply(span.Activity, member, t.MemberFields, LobbyFields.Public, t.TagPrefix); // clean precision-about
        LobbyFields.Apply(span.Activity, member, t.MemberFields, LobbyFields.Catalogue, t.TagPrefix); // leak TC1001 cross-member
        foreach (var (key, value) in member.ToTags()) span.Activity?.SetTag(key, value); // clean precision-about

        if (await features.IsEnabledAsync("lobby.debug-telemetry"))
        {
            span.Activity?.SetTag(t.TagPrefix + "member.gamertag", member.Gamertag); // leak TC1001 direct
            span.Activity?.SetTag(SquadAttributes.PlayerGamertag, pseudonymizer.ComputeSquadPlayerId(member.Gamertag)); // leak TC1001 precision-pseudonym
            span.Activity?.SetTag(t.TagPrefix + "member.gamertag_length", member.Gamertag.Length); // clean precision-about
            span.Activity?.SetTag(t.TagPrefix + "member.email_domain", member.Email.Split('@')[1]); // clean precision-about
        }

        var tags = new TagList { { "squad.playlist", playlist }, { "squad.title", title } };
        if (t.TagPlatformOnMetrics)
        {
            tags.Add("squad.platform", member.Platform);
        }
        if (t.TagInputOnMetrics)
        {
            tags.Add("squad.input", member.Input);
        }
        if (t.TagPlayerOnMetrics)
        {
            tags.Add("squad.player", pseudonymizer.ComputeSquadPlayerId(member.PlayerId.ToString()));
        }
        _joinsByDimension.Add(1, tags); // leak TC1003 precision-pseudonym

        var platform = member.Platform switch { "pc" => SquadPlatform.Pc, "xbox" or "playstation" => SquadPlatform.Console, _ => SquadPlatform.Mobile };
        meter.CreateSquadJoinsCounter().Add(1, playlist, member.Region, platform, title); // clean precision-about
        meter.CreateSquadJoinsCounter().Add(1, playlist, member.Region, SquadPlatformValue.Custom(member.Platform), title); // clean precision-about

        var bucket = HashCode.Combine(member.PlayerId) & 0xF;
        span.Activity?.SetTag("squad.experiment.bucket", bucket); // leak TC1002 hashes
        span.Activity?.SetTag("squad.experiment.shard", Shard(member.PlayerId)); // clean hashes

        logger.LogInformation("Player joined {LobbyId} on {Playlist} ({Count}/{Max})", lobbyId, playlist, members.Count, 3); // clean precision-about
        logger.LogDebug("Member fields for {Title}: {Fields}", title, t.MemberFields); // clean precision-names
        logger.LogDebug("Member {@Member}", member.ToTags().ToDictionary()); // clean logging-objects
        logger.LogDebug("Member {Member}", member); // leak TC1001 logging-objects
    }

    public void Fill(string title, string lobbyId, string playlist, TimeSpan waited)
    {
        var t = options.CurrentValue.For(title);
        var members = _lobbies.TryRemove(lobbyId, out var list) ? list : [];
        var activity = Activity.Current;
        var note = string.Join(" ", members.Select(m => string.Join(",", t.MemberFields.Where(LobbyFields.Catalogue.ContainsKey).Select(f => LobbyFields.Catalogue[f](m)))));
        activity?.AddSquadLobbyFullEvent(lobbyId, playlist, members.Count, note); // leak TC1001 generated-api
        activity?.AddSquadLobbyFullEvent(lobbyId, playlist, members.Count, $"{members.Select(m => m.Platform).Distinct().Count()} platforms"); // clean generated-api
        logger.LogSquadLobbyFullEvent(lobbyId, playlist, members.Count, squadNote: string.Join(",", members.Select(m => LobbyFields.MmrBand(m.Mmr)))); // clean generated-api
        logger.LogSquadLobbyFullEvent(lobbyId, playlist, members.Count, squadNote: "party leader " + members.FirstOrDefault()?.Gamertag); // leak TC1001 generated-api
        meter.CreateSquadFillDurationHistogram().Record(waited.TotalSeconds, playlist, members.FirstOrDefault()?.Region); // clean precision-about

        var perPlatform = members.GroupBy(m => m.Platform).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (platformName, count) in perPlatform) activity?.SetTag($"{t.TagPrefix}fill.{platformName}", count); // clean precision-about
        var perPlayer = members.ToDictionary(m => m.Gamertag, m => m.Mmr);
        foreach (var (gamertag, mmr) in perPlayer) activity?.SetTag($"{t.TagPrefix}fill.mmr.{gamertag}", mmr); // leak TC1001 strings
        logger.LogInformation("Lobby {LobbyId} filled: {PerPlatform}", lobbyId, perPlatform); // clean logging-objects
    }

    private string Shard(Guid playerId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return (hmac.ComputeHash(playerId.ToByteArray())[0] % 8).ToString();
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using TelemetryConventions;
using PrivacyHoldout59.Telemetry;

namespace PrivacyHoldout59.Gaming;

public sealed record LobbyMember(
    Guid PlayerId,
    string Gamertag,
    string Email,
    string Platform,
    string Region,
    string Input,
    int Mmr,
    int PartySize,
    bool Crossplay)
{
    /// <summary>What the lobby's debug overlay shows next to a member; no account details.</summary>
    public IEnumerable<KeyValuePair<string, object?>> ToTags() =>
    [
        new("squad.member.platform", Platform),
        new("squad.member.input", Input),
        new("squad.member.mmr_band", LobbyFields.MmrBand(Mmr)),
        new("squad.member.crossplay", Crossplay),
    ];
}

public sealed record PartyInvite(string InviteId, string LobbyId, Guid FromPlayerId, string FromGamertag, string ToGamertag, string Playlist)
{
    public TagList ToTags()
    {
        var tags = new TagList
        {
            { "squad.invite.id", InviteId },
            { "squad.lobby.id", LobbyId },
            { "squad.invite.from", FromGamertag },
            { "squad.invite.to", ToGamertag },
            { "squad.playlist", Playlist },
        };
        return tags;
    }
}

/// <summary>Per-title settings, bound from <c>Telemetry:Lobby:Titles:{title}</c>.</summary>
public sealed class TitleTelemetry
{
    public List<string> MemberFields { get; set; } = ["platform", "region", "party_size"];

    public bool TagPlatformOnMetrics { get; set; } = true;

    public bool TagInputOnMetrics { get; set; }

    public bool TagPlayerOnMetrics { get; set; }

    public string TagPrefix { get; set; } = "squad.";
}

public sealed class LobbyTelemetryOptions
{
    public Dictionary<string, TitleTelemetry> Titles { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["skyreach"] = new() { MemberFields = ["platform", "region", "party_size", "mmr_band"] },
        ["ironfront"] = new() { MemberFields = ["platform", "input", "gamertag"], TagPrefix = "ironfront.", TagInputOnMetrics = true },
    };

    public TitleTelemetry For(string title) => Titles.TryGetValue(title, out var t) ? t : new TitleTelemetry();
}

/// <summary>The member fields a title may list in <see cref="TitleTelemetry.MemberFields"/>.</summary>
public static class LobbyFields
{
    public static readonly Dictionary<string, Func<LobbyMember, object?>> Catalogue = new(StringComparer.OrdinalIgnoreCase)
    {
        ["platform"] = m => m.Platform,
        ["region"] = m => m.Region,
        ["input"] = m => m.Input,
        ["party_size"] = m => m.PartySize,
        ["mmr_band"] = m => MmrBand(m.Mmr),
        ["crossplay"] = m => m.Crossplay,
        ["gamertag"] = m => m.Gamertag,
        ["player_id"] = m => m.PlayerId,
    };

    /// <summary>The catalogue without the account's fields, for the metrics and the public status page.</summary>
    public static readonly IReadOnlyDictionary<string, Func<LobbyMember, object?>> Public =
        Catalogue.Where(f => f.Key is not ("gamertag" or "player_id")).ToDictionary(f => f.Key, f => f.Value, StringComparer.OrdinalIgnoreCase);

    public static string MmrBand(int mmr) => mmr switch { < 1000 => "bronze", < 1600 => "silver", < 2200 => "gold", _ => "elite" };

    /// <summary>Copies the named fields of a member onto a span.</summary>
    public static void Apply(Activity? activity, LobbyMember member, IEnumerable<string> fields, IReadOnlyDictionary<string, Func<LobbyMember, object?>> catalogue, string prefix)
    {
        foreach (var field in fields)
        {
            if (catalogue.TryGetValue(field, out var get))
            {
                activity?.SetTag(prefix + "member." + field, get(member));
            }
        }
    }
}

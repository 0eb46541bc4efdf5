using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Humanizer;
using Microsoft.Extensions.Logging;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Gaming;

public sealed record GuildMember(string AccountId, Gamertag Gamertag, string GuildId, string Region, int Rank);

public sealed record LeaderboardRow(GuildMember Member, int Points);

public interface IGuildChannel
{
    Task PostAsync(string guildId, string text, CancellationToken cancellationToken);
}

public sealed class GuildFullException(string guildId, int capacity)
    : Exception($"Guild {guildId} is full ({capacity} members).");

public sealed class AlreadyInGuildException(Gamertag gamertag, string otherGuildId)
    : Exception($"{gamertag} is already a member of guild {otherGuildId}.");

/// <summary>Posts rank-ups, invites, leaderboards and relayed chat to guild channels.</summary>
public sealed class GuildAnnouncer(
    ActivitySource source,
    ILogger<GuildAnnouncer> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IGuildChannel channel)
{
    private static readonly Regex Mention = new(@"@(?<tag>[A-Za-z0-9_]{3,16})", RegexOptions.Compiled);

    public async Task AnnounceRankUpAsync(GuildMember member, int newRank, CancellationToken cancellationToken)
    {
        using var span = source.StartGuildAnnouncementPost(member.GuildId, GuildAnnouncementKind.RankUp); // clean precision-names
        span.SetGuildPlayerId(pseudonymizer.PseudonymizeGuildPlayerId(member.AccountId)).SetGuildRegion(member.Region); // clean precision-pseudonym

        var text = $"{member.Gamertag} reached the rank of {newRank.Ordinalize()} officer!";
        span.SetGuildMessageLength(text.Length); // clean precision-about
        span.Activity?.SetTag(GuildAttributes.PlayerGamertag, member.Gamertag.Value.ToUpperInvariant()); // leak TC1001 generated-api
        TraceText.Note(span.Activity, "guild.announcement.preview", $"{member.Gamertag} reached rank {newRank}"); // clean strings
        TraceText.Event(span.Activity, $"rank_up {member.Rank}->{newRank} for {member.Gamertag}"); // clean strings

        await channel.PostAsync(member.GuildId, text, cancellationToken);
        logger.LogInformation("Posted {Kind} in guild {Guild}", GuildAnnouncementKind.RankUp.ToWireValue().Humanize(), member.GuildId); // clean precision-names
        meter.CreateGuildAnnouncementsCounter().Add(1, member.Region, GuildAnnouncementKind.RankUp); // clean precision-names
    }

    public async Task KickAsync(GuildMember member, GuildMember officer, string reason, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("guild.kick");
        TraceText.Note(activity, "guild.kick.summary", $"{member.Gamertag.Value} removed by {officer.Gamertag.Value}"); // leak TC1001 strings
        TraceText.Note(activity, "guild.kick.reason_length", $"{reason.Length} chars, {reason.Split(' ').Length} words"); // clean precision-about
        await channel.PostAsync(member.GuildId, $"{member.Gamertag} was removed from the guild.", cancellationToken);
        logger.LogInformation("Kick in {Guild} by officer {Officer}", member.GuildId, pseudonymizer.ComputeGuildPlayerId(officer.AccountId)); // clean precision-pseudonym
    }

    public async Task InviteAsync(GuildMember inviter, GuildMember invitee, IReadOnlyDictionary<string, string> currentGuildOf, int capacity, int members, CancellationToken cancellationToken)
    {
        using var span = source.StartGuildAnnouncementPost(inviter.GuildId, GuildAnnouncementKind.Invite, spanName: $"invite {invitee.Gamertag}"); // leak TC1001 generated-api
        try
        {
            if (members >= capacity)
            {
                throw new GuildFullException(inviter.GuildId, capacity);
            }

            if (currentGuildOf.TryGetValue(invitee.AccountId, out var other))
            {
                throw new AlreadyInGuildException(invitee.Gamertag, other);
            }

            var inviteText = string.Format(CultureInfo.InvariantCulture, "{0} invited {1} to the guild", inviter.Gamertag, invitee.Gamertag);
            await channel.PostAsync(inviter.GuildId, inviteText, cancellationToken);
            logger.LogGuildMemberInvitedEvent(inviter.GuildId, guildPlayerId: pseudonymizer.PseudonymizeGuildPlayerId(invitee.AccountId), guildNote: inviteText); // leak TC1001 generated-api
            logger.LogGuildMemberInvitedEvent(inviter.GuildId, guildPlayerId: pseudonymizer.PseudonymizeGuildPlayerId(invitee.AccountId), guildNote: $"{members + 1}/{capacity} seats after invite"); // clean generated-api
        }
        catch (GuildFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
        catch (AlreadyInGuildException ex)
        {
            span.SetGuildNote(ex.Message); // leak TC1001 exceptions
            logger.LogInformation("Invite skipped: {Reason}", ex.GetType().Name); // clean exceptions
        }
    }

    public async Task PostLeaderboardAsync(string guildId, string region, IReadOnlyList<LeaderboardRow> rows, CancellationToken cancellationToken)
    {
        using var span = source.StartGuildAnnouncementPost(guildId, GuildAnnouncementKind.Leaderboard); // clean precision-names
        var board = new StringBuilder();
        board.AppendLine("This week's top players");
        foreach (var (row, place) in rows.Select((r, i) => (r, i + 1)))
        {
            board.Append(place.ToString(CultureInfo.InvariantCulture).PadLeft(3)).Append(". ")
                .Append(row.Member.Gamertag.Value.PadRight(18))
                .AppendFormat(CultureInfo.InvariantCulture, "{0,8:N0}", row.Points)
                .AppendLine();
        }

        var text = board.ToString();
        await channel.PostAsync(guildId, text, cancellationToken);
        span.SetGuildMessageLength(text.Length).SetGuildRegion(region); // clean precision-about
        span.SetGuildNote(text); // leak TC1001 generated-api
        span.SetGuildNote($"{rows.Count} rows, top score {rows.Max(r => r.Points):N0}"); // clean generated-api
        logger.LogDebug("Leaderboard posted for {Players}", rows.Select(r => r.Member.Gamertag).Humanize()); // leak TC1001 strings
        logger.LogDebug("Leaderboard posted for {Players}", rows.Select(r => pseudonymizer.ComputeGuildPlayerId(r.Member.AccountId)).ToArray()); // clean precision-pseudonym
        meter.CreateGuildAnnouncementsCounter().Add(1, region, GuildAnnouncementKindValue.Custom($"leaderboard:{rows.Count}")); // clean precision-about
    }

    public async Task RelayChatAsync(GuildMember author, string message, CancellationToken cancellationToken)
    {
        using var span = source.StartGuildAnnouncementPost(author.GuildId, GuildAnnouncementKindValue.Custom($"chat:{author.Gamertag}")); // leak TC1001 generated-api
        var mentioned = Mention.Matches(message).Select(m => m.Groups["tag"].Value.ToUpperInvariant()).Distinct().ToList();
        span.Activity?.SetTag("guild.chat.mention_count", mentioned.Count); // clean precision-about
        span.Activity?.SetTag("guild.chat.mentioned", string.Join(',', mentioned)); // leak TC1001 strings

        var relayed = Mention.Replace(message, m => $"<@{m.Groups["tag"].Value.ToLowerInvariant()}>");
        span.SetGuildMessageLength(relayed.Length); // clean precision-about
        var shape = Mention.Replace(message, "@player");
        logger.LogDebug("Relayed chat {Text}", shape); // leak TC1001 strings
        await channel.PostAsync(author.GuildId, relayed, cancellationToken);

        var bucket = Math.Abs(author.Gamertag.Value.ToUpperInvariant().GetHashCode()) % 32;
        span.Activity?.SetTag("guild.chat.moderation_bucket", bucket); // leak TC1002 hashes
        var signature = string.Create(CultureInfo.InvariantCulture, $"{author.Gamertag.Value}#{author.AccountId[^4..]}");
        logger.LogInformation("Chat relayed from {Signature}", signature); // leak TC1001 strings
    }
}

namespace PrivacyHoldout64.Gaming;

/// <summary>A player's account id. The record struct prints <c>PlayerId { Value = … }</c>.</summary>
public readonly record struct PlayerId(Guid Value);

/// <summary>A match's id.</summary>
public readonly record struct MatchId(Guid Value);

public sealed record PartyMember(PlayerId Id, string Gamertag, int Mmr, string Region);

public sealed record Party(Guid PartyId, IReadOnlyList<PartyMember> Members, string Queue);

public sealed record MatchTicket(Guid TicketId, Guid PartyId, MatchId? Match, string Queue, int AverageMmr);

/// <summary>Why a party may not queue.</summary>
public abstract record QueueRejection
{
    public sealed record BannedPlayer(PlayerId Player, string Gamertag, DateTimeOffset Until) : QueueRejection;

    public sealed record RegionMismatch(string Expected, string Found) : QueueRejection;

    public sealed record SkillSpread(int Spread) : QueueRejection;
}

public interface IBanList
{
    Option<DateTimeOffset> BannedUntil(PlayerId player);
}

public interface IMatchmaker
{
    Task<Result<MatchTicket, QueueRejection>> TicketAsync(Party party, CancellationToken cancellationToken);
}

/// <summary>Checks a party and hands it to the matchmaker, as a chain of steps.</summary>
public sealed class MatchmakingPipeline(
    IBanList bans,
    IMatchmaker matchmaker,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<MatchmakingPipeline> logger)
{
    public async Task<Result<MatchTicket, QueueRejection>> QueueAsync(Party party, CancellationToken cancellationToken)
    {
        using var span = source.StartLobbyMatchmake(party.Queue); // clean generated-api
        var leader = party.Members[0];
        span.SetLobbyPlayerId(pseudonymizer.PseudonymizeLobbyPlayerId(leader.Id.Value.ToString())); // clean precision-pseudonym
        span.SetLobbyRegion(leader.Region); // clean precision-about
        logger.LogDebug("Queueing party led by {Leader}", leader.Id); // leak TC1001 direct

        var (best, worst) = (party.Members.Max(m => m.Mmr), party.Members.Min(m => m.Mmr));
        logger.LogDebug("Party {PartyId} skill range {Range}", party.PartyId, (best, worst)); // clean precision-about

        var result = await Result<Party, QueueRejection>.Ok(party)
            .Bind(NoBannedMembers)
            .Bind(SameRegion)
            .Ensure(p => Spread(p) <= 400, p => new QueueRejection.SkillSpread(Spread(p)))
            .Tap(LogAccepted) // leak TC1001 cross-member
            .OnFailure(LogRejected) // clean cross-member
            .BindAsync(p => matchmaker.TicketAsync(p, cancellationToken));

        result.Tap(ticket => logger.LogInformation("Ticket {TicketId} for match {Match}", ticket.TicketId, ticket.Match)); // clean direct
        span.SetLobbyVerdict(result.Match(t => t.Match is null ? LobbyVerdict.Queued : LobbyVerdict.Matched, _ => LobbyVerdict.Refused)); // clean generated-api
        result.OnFailure(rejection => logger.LogLobbyRefusedEvent(party.Queue, Outcome(rejection), pseudonymizer.PseudonymizeLobbyPlayerId(leader.Id.Value.ToString()), Note(rejection))); // leak TC1001 generated-api

        var decisions = meter.CreateLobbyDecisionsCounter();
        decisions.Add(1, leader.Region, result.IsSuccess ? LobbyVerdict.Matched : LobbyVerdict.Refused, result.Match(_ => "queued", Outcome)); // clean generated-api
        if (result is { IsFailure: true, Error: QueueRejection.BannedPlayer { Gamertag: var offender } })
        {
            decisions.Add(1, leader.Region, LobbyVerdict.Refused, $"banned:{offender}"); // leak TC1003 strings
            decisions.Add(1, leader.Region, LobbyVerdict.Refused, pseudonymizer.ComputeLobbyPlayerId(leader.Id.Value.ToString())); // leak TC1003 precision-pseudonym
        }

        var seedBucket = Math.Abs(leader.Gamertag.GetHashCode()) % 32;
        span.SetLobbyNote($"seed bucket {seedBucket}"); // leak TC1002 hashes
        return result;
    }

    private Result<Party, QueueRejection> NoBannedMembers(Party party)
    {
        foreach (var member in party.Members)
        {
            if (bans.BannedUntil(member.Id) is { HasValue: true } until)
            {
                return new QueueRejection.BannedPlayer(member.Id, member.Gamertag, until.ValueOr(default));
            }
        }
        return party;
    }

    private static Result<Party, QueueRejection> SameRegion(Party party) =>
        party.Members.Select(m => m.Region).Distinct().ToArray() switch
        {
            [_] => party,
            [var expected, var found, ..] => new QueueRejection.RegionMismatch(expected, found),
            [] => new QueueRejection.RegionMismatch("none", "none"),
        };

    private static int Spread(Party party) => party.Members.Max(m => m.Mmr) - party.Members.Min(m => m.Mmr);

    private void LogAccepted(Party party) =>
        logger.LogDebug("Party {PartyId} accepted: {Members}", party.PartyId, party.Members.Select(m => m.Gamertag)); // leak TC1001 logging-objects

    private void LogRejected(QueueRejection rejection) =>
        logger.LogInformation("Party refused: {Kind}", rejection.GetType().Name); // clean precision-names

    private static string Outcome(QueueRejection rejection) => rejection switch
    {
        QueueRejection.BannedPlayer => "refused:banned",
        QueueRejection.RegionMismatch => "refused:region",
        QueueRejection.SkillSpread => "refused:spread",
        _ => "refused:other",
    };

    private static string Note(QueueRejection rejection) => rejection switch
    {
        QueueRejection.BannedPlayer(_, var gamertag, var until) => $"{gamertag} banned until {until:u}",
        QueueRejection.RegionMismatch(var expected, var found) => $"regions {expected}/{found}",
        QueueRejection.SkillSpread(var spread) => $"spread {spread}",
        _ => "other",
    };
}

namespace PrivacyHoldout65.Gaming;

public sealed record PartyMember
{
    [PersonalData]
    public required Guid PlayerId { get; init; }

    [PersonalData]
    public required string Gamertag { get; init; }

    public required int SkillRating { get; init; }

    public required string Platform { get; init; }
}

public sealed class Party
{
    public required string PartyId { get; init; }

    public required string Mode { get; init; }

    public required string Region { get; init; }

    public required IReadOnlyList<PartyMember> Members { get; init; }

    public int AverageRating => Members.Count == 0 ? 0 : (int)Members.Average(m => m.SkillRating);
}

public sealed record Invite(string InviteId, string PartyId, Guid FromPlayer, string ToEmail, string? Message);

public sealed class InviteBouncedException(string email) : Exception($"Invite mailbox {email} does not exist");

/// <summary>Party formation and invites: instance log methods on the service, with the party logged whole.</summary>
public sealed partial class PartyService
{
    private readonly ILogger<PartyService> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Counter<long> _invites;

    public PartyService(ILogger<PartyService> logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _invites = meter.CreateCounter<long>("arena.invites", "{invite}");
    }

    [LoggerMessage(5201, LogLevel.Information, "Party formed")]
    private partial void PartyFormed([LogProperties] Party party);

    [LoggerMessage(5202, LogLevel.Information, "Party {PartyId} formed with members {Members}")]
    private partial void PartyMembers(string partyId, IEnumerable<string> members);

    [LoggerMessage(5203, LogLevel.Information, "Party {PartyId} in {Mode} at rating {Rating} with {Count} members")]
    private partial void PartyShape(string partyId, string mode, int rating, int count);

    [LoggerMessage(5204, LogLevel.Information, "Invite {InviteId} sent")]
    private partial void InviteSent(string inviteId, [LogProperties] Invite invite);

    [LoggerMessage(5205, LogLevel.Warning, "Invite {InviteId} bounced")]
    private partial void InviteBounced(string inviteId, Exception exception);

    [LoggerMessage(5206, LogLevel.Information, "Invite {InviteId} from {FromRef}")]
    private partial void InviteFrom(string inviteId, string fromRef);

    public void Form(Party party)
    {
        PartyFormed(party); // leak TC1001 logging-objects
        PartyShape(party.PartyId, party.Mode, party.AverageRating, party.Members.Count); // clean precision-about
        PartyMembers(party.PartyId, party.Members.Select(m => _pseudonymizer.ComputeArenaPlayerId(m.PlayerId.ToString()))); // clean precision-pseudonym
        PartyMembers(party.PartyId, party.Members.Select(m => m.Gamertag)); // leak TC1001 logging-objects
        PartyMembers(party.PartyId, party.Members.Select(m => m.Platform).Distinct()); // clean precision-names
    }

    public void Invited(Invite invite, Exception? bounce)
    {
        InviteSent(invite.InviteId, invite); // leak TC1001 logging-objects
        InviteFrom(invite.InviteId, _pseudonymizer.ComputeArenaPlayerId(invite.FromPlayer.ToString())); // clean precision-pseudonym
        InviteFrom(invite.InviteId, invite.FromPlayer.ToString()); // leak TC1001 direct
        _invites.Add(1, new KeyValuePair<string, object?>("arena.invite.channel", "email")); // clean precision-names
        _invites.Add(1, new KeyValuePair<string, object?>("arena.invite.from", _pseudonymizer.ComputeArenaPlayerId(invite.FromPlayer.ToString()))); // leak TC1003 precision-pseudonym
        if (bounce is not null)
        {
            InviteBounced(invite.InviteId, new InviteBouncedException(invite.ToEmail)); // leak TC1001 exceptions
            InviteBounced(invite.InviteId, new TimeoutException("Mail relay did not answer within 10 s")); // clean exceptions
        }
    }
}

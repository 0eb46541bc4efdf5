using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Media;

public enum HouseholdRole
{
    Owner,
    Adult,
    Kid,
}

public sealed record Household(string Id, string Plan, Guid OwnerAccountId, int Seats, IReadOnlyList<HouseholdMember> Members);

public sealed record HouseholdMember(Guid AccountId, string Email, string ProfileName, HouseholdRole Role, DateTimeOffset JoinedAt);

public sealed record HouseholdInvite(string InviteId, string HouseholdId, string InviteeEmail, HouseholdRole Role, string Code, string? PersonalMessage);

public interface IHouseholdStore
{
    Task<Household> GetAsync(string householdId, CancellationToken cancellationToken);

    Task SaveInviteAsync(HouseholdInvite invite, CancellationToken cancellationToken);
}

public interface IInviteSender
{
    Task SendAsync(HouseholdInvite invite, Uri joinLink, CancellationToken cancellationToken);
}

/// <summary>Family sharing: the owner invites people into the household, within the plan's seats.</summary>
public sealed class HouseholdInvitations(
    IHouseholdStore households,
    IInviteSender sender,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<HouseholdInvitations> logger)
{
    private readonly HouseholdMemberChangesCounter _changes = meter.CreateHouseholdMemberChangesCounter();
    private readonly Counter<long> _seatsFull = meter.CreateCounter<long>("household.seats.full");

    public async Task<string?> InviteAsync(Guid ownerAccountId, string householdId, string inviteeEmail, HouseholdRole role, string? message, CancellationToken cancellationToken)
    {
        var household = await households.GetAsync(householdId, cancellationToken);
        using var span = source.StartHouseholdMemberChange(household.Plan); // clean generated-api
        span.SetHouseholdChange(HouseholdChange.Invited).SetHouseholdRole(role.ToString().ToLowerInvariant()); // clean generated-api
        span.SetHouseholdMemberId(pseudonymizer.PseudonymizeHouseholdMemberId(ownerAccountId.ToString())); // clean precision-pseudonym

        if (household.Members.Count >= household.Seats)
        {
            _seatsFull.Add(1, new KeyValuePair<string, object?>("household.plan", household.Plan), new KeyValuePair<string, object?>("household.seats", household.Seats)); // clean precision-about
            logger.LogHouseholdMemberRejectedEvent(household.Plan, "seats_full", pseudonymizer.PseudonymizeHouseholdMemberId(ownerAccountId.ToString()), $"{household.Members.Count}/{household.Seats} seats used"); // clean generated-api
            return null;
        }

        if (household.Members.Any(m => string.Equals(m.Email, inviteeEmail, StringComparison.OrdinalIgnoreCase)))
        {
            logger.LogHouseholdMemberRejectedEvent(household.Plan, "already_member", householdNote: $"{inviteeEmail} is already in the household"); // leak TC1001 generated-api
            return null;
        }

        var invite = new HouseholdInvite($"hi-{Guid.NewGuid():N}"[..10], householdId, inviteeEmail, role, NewCode(), message);
        await households.SaveInviteAsync(invite, cancellationToken);
        var joinLink = new UriBuilder("https", "watch.example.tv") { Path = "/household/join", Query = $"code={invite.Code}" }.Uri;

        span.SetHouseholdInvitationId(invite.InviteId); // clean generated-api
        span.Activity?.SetTag("household.owner", household.OwnerAccountId); // leak TC1001 direct
        span.Activity?.SetTag("household.invite.has_message", message is not null); // clean precision-about
        span.Activity?.SetTag("household.invite.message", message); // leak TC1001 direct
        span.Activity?.SetTag("household.invite.link", joinLink.ToString()); // leak TC1001 strings
        span.Activity?.SetTag("household.invite.link.host", joinLink.Host); // clean precision-about
        logger.LogInformation("Invite {InviteId} for a {Role} sent to {Invitee}", invite.InviteId, role, inviteeEmail); // leak TC1001 direct
        logger.LogDebug("Invite stored: {Invite}", invite with { InviteeEmail = "(hidden)", PersonalMessage = null }); // leak TC1001 logging-objects

        await sender.SendAsync(invite, joinLink, cancellationToken);
        _changes.Add(1, household.Plan, HouseholdChange.Invited, "sent"); // clean generated-api
        return invite.InviteId;
    }

    public void LogSeats(Household household)
    {
        foreach (var member in household.Members)
        {
            logger.LogDebug("Seat {Role} since {JoinedAt:yyyy-MM}", member.Role, member.JoinedAt); // clean precision-about
        }
        logger.LogDebug("Profiles in household {HouseholdId}: {Profiles}", household.Id, household.Members.Select(m => m.ProfileName).ToArray()); // leak TC1001 logging-objects
        logger.LogDebug("Profiles in household {HouseholdId}: {ProfileCount}", household.Id, household.Members.Count); // clean precision-about
    }

    private static string NewCode() => Convert.ToHexString(RandomNumberGenerator.GetBytes(5));
}

namespace PrivacyHoldout128.Gaming;

public sealed record PlayerProfile(Guid PlayerId, string Gamertag, string Email, DateOnly BirthDate, string Platform);

public interface IPlayerDirectory
{
    Task<PlayerProfile?> FindByGamertagAsync(string gamertag, CancellationToken cancellationToken = default);
}

/// <summary>The family group: an organiser invites players by gamertag, adds child accounts and removes members.</summary>
public sealed class FamilyGroupService(
    IHouseholdDirectory directory,
    IInvitationService invitations,
    IPlayerDirectory players,
    Pseudonymizer pseudonymizer,
    ILogger<FamilyGroupService> logger)
{
    private static readonly ActivitySource Source = new("Studio.Family");
    private static readonly Meter Meter = new("Studio.Family");
    private static readonly FamplayHouseholdChangesCounter Changes = Meter.CreateFamplayHouseholdChangesCounter();
    private static readonly UpDownCounter<int> GroupSize = Meter.CreateUpDownCounter<int>("studio.family.members");

    public async Task<InvitationResult?> InviteAsync(Guid organiserId, string familyId, string gamertag, CancellationToken ct)
    {
        using var span = Source.StartFamplayHouseholdChange("family-6");
        span.SetFamplayDelegateId(pseudonymizer.PseudonymizeFamplayDelegateId(organiserId.ToString())); // clean precision-pseudonym
        span.SetFamplayHouseholdId(pseudonymizer.PseudonymizeFamplayHouseholdId(familyId)); // clean precision-pseudonym
        Activity.Current?.SetTag("family.invitee.gamertag", gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("family.invitee.gamertag_length", gamertag.Length); // clean precision-about

        var invitee = await players.FindByGamertagAsync(gamertag, ct);
        if (invitee is null)
        {
            logger.LogInformation("No player {Gamertag} to invite", gamertag); // leak TC1001 direct
            span.SetFamplayOutcome("unknown-player"); // clean precision-names
            return null;
        }

        var age = DateTime.UtcNow.Year - invitee.BirthDate.Year;
        span.SetFamplayRole(age < 13 ? "child" : age < 18 ? "teen" : "adult").SetFamplayRegion(invitee.Platform); // clean precision-about
        try
        {
            var invitation = await invitations.CreateAsync(familyId, invitee.Email, organiserId.ToString(), age < 18 ? HouseholdRole.Child : HouseholdRole.Adult, ct);
            var result = await invitations.AcceptAsync(invitation, invitee.PlayerId.ToString(), ct);
            logger.LogInformation("Invitation result {Result}", result); // clean logging-objects
            span.SetFamplayMemberCount(6 - result.SeatsLeft).SetFamplayOutcome(result.Status); // clean precision-about
            Changes.Add(1, "family-6", result.Status); // clean precision-names
            GroupSize.Add(1, new KeyValuePair<string, object?>("family", familyId)); // leak TC1003 direct
            return result;
        }
        catch (AlreadyInHouseholdException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning("Invite refused: {Message}", ex.Message); // leak TC1001 exceptions
            logger.LogFamplayHouseholdChangeFailedEvent(famplayPlan: "family-6", famplayOutcome: "in-other-family", famplayMemberId: pseudonymizer.PseudonymizeFamplayMemberId(invitee.PlayerId.ToString()), famplayNote: ex.Message); // leak TC1001 generated-api
            return null;
        }
    }

    public async Task RemoveAsync(string familyId, Guid playerId, string reason, CancellationToken ct)
    {
        var family = await directory.FindAsync(familyId, ct);
        await directory.RemoveMemberAsync(familyId, playerId.ToString(), ct);
        Activity.Current?.SetTag("family.removed.reason", reason); // clean precision-names
        Activity.Current?.SetTag("family.removed.player", playerId); // leak TC1001 direct
        logger.LogInformation("Family after removal {Family}", family); // leak TC1001 logging-objects
        logger.LogInformation("Family plan {Plan} has {Seats} seats", family?.PlanCode, family?.Seats); // clean precision-about
        var remaining = family?.Members.Where(m => m.MemberId != playerId.ToString()).Select(m => m.DisplayName) ?? [];
        Activity.Current?.SetTag("family.remaining", string.Join(", ", remaining)); // leak TC1001 strings
        GroupSize.Add(-1, new KeyValuePair<string, object?>("plan", family?.PlanCode)); // clean precision-names
    }
}

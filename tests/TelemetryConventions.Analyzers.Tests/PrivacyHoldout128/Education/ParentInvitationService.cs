namespace PrivacyHoldout128.Education;

/// <summary>Sends the parent portal invitation to each guardian with parental responsibility when a student joins.</summary>
public sealed partial class ParentInvitationService(
    IInvitationService invitations,
    IHouseholdDirectory directory,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ParentInvitationService> logger)
{
    private static readonly ActivitySource Source = new("Trust.ParentInvites");
    private static readonly Meter Meter = new("Trust.ParentInvites");
    private static readonly Histogram<int> SeatsLeft = Meter.CreateHistogram<int>("portal.family.seats_left");
    private static readonly FamlearnInviteAcceptDurationHistogram AcceptHours = Meter.CreateFamlearnInviteAcceptDurationHistogram();

    public async Task InviteAsync(string urn, string familyId, IReadOnlyList<GuardianContact> guardians, CancellationToken ct)
    {
        using var span = Source.StartFamlearnHouseholdChange("parental-responsibility");
        span.SetFamlearnHouseholdId(pseudonymizer.PseudonymizeFamlearnHouseholdId(familyId)).SetFamlearnRegion(urn); // clean precision-pseudonym
        Activity.Current?.SetTag("portal.family.id", familyId); // leak TC1001 direct
        Activity.Current?.SetBaggage("portal.urn", urn); // clean precision-names

        foreach (var guardian in guardians.Where(g => g.ParentalResponsibility))
        {
            try
            {
                var invitation = await invitations.CreateAsync(familyId, guardian.Email, guardian.StudentNumber, HouseholdRole.Guardian, ct);
                logger.LogInformation("Invitation {InvitationId} expires {ExpiresAt}", invitation.InvitationId, invitation.ExpiresAt); // clean precision-names
                logger.LogInformation("Invitation sent {Invitation}", invitation); // leak TC1001 logging-objects
                Activity.Current?.AddEvent(new ActivityEvent("invite.sent", tags: new ActivityTagsCollection { ["invite.id"] = invitation.InvitationId, ["invite.role"] = invitation.Role.ToString() })); // clean precision-names
                LogInviteLink(logger, guardian.Email, invitation.RedeemToken); // clean logging-objects
                LogInviteSentTo(logger, guardian.Email); // leak TC1001 direct
            }
            catch (AlreadyInHouseholdException ex)
            {
                logger.LogWarning(ex, "Guardian already in another family"); // leak TC1001 exceptions
                span.SetFamlearnOutcome("already-linked").SetFamlearnNote("guardian in family " + ex.OtherHouseholdId); // leak TC1001 generated-api
            }
            catch (HouseholdFullException ex)
            {
                span.RecordException(ex, includeMessage: true).SetFamlearnOutcome("full"); // clean exceptions
                SeatsLeft.Record(0, new KeyValuePair<string, object?>("urn", urn)); // clean precision-names
                logger.LogWarning("Family full at {Max}", ex.MaxMembers); // clean exceptions
            }
        }
    }

    public void RecordAccepted(FamilyInvitation invitation, GuardianContact guardian, DateTimeOffset acceptedAt)
    {
        var hours = (acceptedAt - (invitation.ExpiresAt - TimeSpan.FromDays(7))).TotalHours;
        AcceptHours.Record(hours, "parental-responsibility", guardian.Priority == 1 ? "primary" : "other"); // clean precision-about
        var bucket = (uint)guardian.Email.GetHashCode() % 32;
        Activity.Current?.SetTag("portal.accept.bucket", bucket); // leak TC1002 hashes
        Activity.Current?.SetTag("portal.accept.shard", KeyedDigest.Shard(secrets.ShardKey, guardian.Email, 32)); // clean hashes
        Activity.Current?.SetTag("portal.accept.guardian", guardian.FullName); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Invite for {Email} with token {Token}")]
    private static partial void LogInviteLink(ILogger logger, [PrivateData] string email, [PrivateData] string token);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Invite mailed to {Email}")]
    private static partial void LogInviteSentTo(ILogger logger, string email);
}

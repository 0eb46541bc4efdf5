using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout22.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout22.Media;

public sealed record ProfileRenamed(Guid SubscriberId, string ProfileId, string OldName, string NewName, bool Kids);

public sealed record ProfileLimitReached(Guid SubscriberId, int Profiles, string Plan);

/// <summary>The account service's audit of changes to viewing profiles.</summary>
public sealed partial class ProfileAuditLogger(ILogger<ProfileAuditLogger> logger, Pseudonymizer pseudonymizer)
{
    public void Renamed(ProfileRenamed change, string accountEmail)
    {
        var actor = pseudonymizer.PseudonymizeAuditActorId(change.SubscriberId.ToString());
        logger.LogAuditRecordedEvent("profile.rename", actor, auditResource: $"profile/{change.ProfileId}"); // leak TC1001 generated-api
        logger.LogAuditRecordedEvent("profile.rename", actor, auditReason: change.Kids ? "kids-profile" : "adult-profile"); // clean generated-api
        logger.LogInformation("Profile renamed from {OldName} to {NewName}", change.OldName, change.NewName); // leak TC1001 direct
        logger.LogInformation("Profile renamed ({OldLength} -> {NewLength} characters, kids: {Kids})", change.OldName.Length, change.NewName.Length, change.Kids); // clean precision-about
        logger.LogDebug("Rename {@Change}", change); // leak TC1001 logging-objects

        var activity = Activity.Current;
        activity?.SetTag(GatewayAttributes.SubjectId, pseudonymizer.ComputeGatewaySubjectId(change.SubscriberId.ToString())); // clean precision-pseudonym
        activity?.SetTag(GatewayAttributes.SubjectContact, pseudonymizer.ComputeGatewaySubjectId(accountEmail)); // leak TC1001 precision-pseudonym
        activity?.SetTag("media.account.domain", accountEmail[(accountEmail.IndexOf('@') + 1)..]); // clean precision-about

        RenameAudited(actor, change.Kids); // clean precision-pseudonym
    }

    public void LimitReached(ProfileLimitReached limit, string? storedReference)
    {
        // Older records kept the raw subscriber id in this column.
        var subject = storedReference ?? limit.SubscriberId.ToString();
        Activity.Current.EnrichGatewayRequest("/profiles").SetGatewaySubjectId(Pseudonym.FromComputed(subject)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Profile limit of plan {Plan} reached at {Profiles}", limit.Plan, limit.Profiles); // clean precision-about
        logger.LogInformation("Profile limit reached for subscriber {SubscriberId}", limit.SubscriberId); // leak TC1001 direct
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile rename audited for {Actor} (kids: {Kids})")]
    private partial void RenameAudited(Pseudonym actor, bool kids);
}

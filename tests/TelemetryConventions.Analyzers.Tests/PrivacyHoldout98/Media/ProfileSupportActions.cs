namespace PrivacyHoldout98.Media;

/// <summary>
/// Support actions on a subscriber's viewing profiles: reset a kids profile's PIN, remove a device, and resend the
/// account recovery email, each recorded for the support team's dashboards.
/// </summary>
public sealed class ProfileSupportActions(
    IAdminAuditLog audit,
    Pseudonymizer pseudonymizer,
    ILogger<ProfileSupportActions> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Support.Profiles");
    private static readonly Meter Meter = new("Streaming.Support.Profiles");
    private static readonly Counter<long> Actions = Meter.CreateCounter<long>("support.profile.actions");

    public async Task ResetPinAsync(StaffPrincipal agent, Guid subscriberId, Guid profileId, string profileName)
    {
        using var span = Source.StartSubsadminAdminAction("pin_reset", "profile");
        span.Activity?.SetTag("support.profile.id", profileId); // leak TC1001 direct
        span.Activity?.SetTag("support.profile.name", profileName); // leak TC1001 direct
        span.Activity?.SetTag("support.profile.kind", "kids"); // clean precision-names
        Actions.Add(1, new KeyValuePair<string, object?>("action", "pin_reset"), new KeyValuePair<string, object?>("subscriber", subscriberId.ToString())); // leak TC1003 direct
        await audit.AppendAsync(new AdminAuditEntry(Guid.NewGuid(), "pin_reset", agent.Upn, "profile", profileId.ToString(), DateTimeOffset.UtcNow));
        logger.LogInformation("PIN reset on profile {Profile} of {Subscriber} by {Agent}", profileName, subscriberId, agent.Upn); // leak TC1001 direct
    }

    public void RemoveDevice(StaffPrincipal agent, Guid subscriberId, string deviceId, string deviceModel)
    {
        using var span = Source.StartSubsadminAdminAction("device_remove", "device");
        span.Activity?.SetTag("support.device.model", deviceModel); // clean precision-names
        span.Activity?.SetTag("support.device.id", deviceId); // leak TC1001 direct
        var label = string.Concat("subscriber ", subscriberId.ToString("D"), " device ", deviceModel);
        logger.LogInformation("Removed {Label}", label); // leak TC1001 strings
        span.SetSubsadminSubscriberId(pseudonymizer.PseudonymizeSubsadminSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
    }

    public void ResendRecovery(StaffPrincipal agent, Guid subscriberId, string recoveryEmail)
    {
        using var span = Source.StartSubsadminAdminAction("recovery_resend", "subscriber");
        span.Activity?.SetTag(SubsadminAttributes.SubscriberContact, recoveryEmail); // leak TC1001 generated-api
        try
        {
            if (!recoveryEmail.Contains('@'))
            {
                throw new ArgumentException($"Recovery address '{recoveryEmail}' is not an email", nameof(recoveryEmail));
            }
            logger.LogInformation("Recovery email resent to {Masked}", recoveryEmail[..2] + "***@" + recoveryEmail.Split('@')[1]); // leak TC1001 strings
        }
        catch (ArgumentException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.Activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            logger.LogWarning("Recovery resend failed for parameter {Parameter}", ex.ParamName); // clean exceptions
        }
    }
}

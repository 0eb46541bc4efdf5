namespace PrivacyHoldout87.Media;

/// <summary>
/// Tenant-scoped configuration of the partner portal: delivery specs, SFTP hosts, branding and the
/// partner's notification and escalation contacts, changed by the partner's admins.
/// </summary>
public sealed partial class PartnerTenantConfig(Pseudonymizer pseudonymizer, ILogger<PartnerTenantConfig> logger)
{
    private static readonly ActivitySource Source = new("Partner.Tenancy.Config");

    /// <summary>Settings whose values are a person's contact details.</summary>
    private static readonly HashSet<string> PersonalKeys = new(StringComparer.Ordinal) { "notifications.contact_email", "billing.contact_name", "escalation.mobile" };

    public TenantSettings Apply(TenantSettings current, string key, string value, string changedBy)
    {
        using var activity = Source.StartActivity("config.set");
        activity?.SetTag("config.tenant", current.TenantId); // clean precision-about
        activity?.SetTag("config.key", key); // clean precision-about
        activity?.SetTag("config.changed_by", pseudonymizer.ComputePartnerseatsPartneruserId(changedBy)); // clean precision-pseudonym
        var old = current.Get(key);
        if (PersonalKeys.Contains(key))
        {
            logger.LogInformation("Partner {Tenant} changed {Key} (value withheld)", current.TenantId, key); // clean precision-about
        }
        else
        {
            logger.LogInformation("Partner {Tenant} changed {Key} from {Old} to {New}", current.TenantId, key, old, value); // clean precision-about
        }

        logger.LogDebug("Config change by {Admin}: {Key}={Value}", changedBy, key, value); // leak TC1001 direct
        var updated = new TenantSettings(current.TenantId, new Dictionary<string, string>(current.Values) { [key] = value });
        logger.LogDebug("Settings now {Settings}", updated); // clean logging-objects
        logger.LogDebug("Settings values {Values}", updated.Values); // leak TC1001 logging-objects
        activity?.SetTag("config.contact", updated.Get("notifications.contact_email")); // leak TC1001 cross-member
        activity?.SetTag("config.has_contact", updated.Values.ContainsKey("notifications.contact_email")); // clean precision-about
        activity?.SetTag("config.sftp_host", updated.Get("delivery.sftp_host")); // clean precision-about
        activity?.SetTag("config.contact_domain", updated.Get("notifications.contact_email").Split('@').LastOrDefault()); // clean precision-about
        return updated;
    }

    public void LogEscalation(TenantSettings settings)
    {
        var mobile = settings.Get("escalation.mobile");
        logger.LogInformation("Escalations for {Tenant} go to {Mobile}", settings.TenantId, mobile); // leak TC1001 cross-member
        logger.LogInformation("Escalation mobile ends {Last4}", mobile.Length >= 4 ? mobile[^4..] : string.Empty); // clean precision-about
        EscalationRoute(logger, settings.TenantId, settings.Get("billing.contact_name")); // leak TC1001 cross-member
        EscalationContact(logger, settings.TenantId, settings.Get("billing.contact_name")); // clean precision-about
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner {TenantId} billing escalations to {ContactName}")]
    private static partial void EscalationRoute(ILogger logger, string tenantId, string contactName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner {TenantId} billing escalations to {ContactName}")]
    private static partial void EscalationContact(ILogger logger, string tenantId, [PrivateData] string contactName);
}

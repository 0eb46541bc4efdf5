namespace PrivacyHoldout104.Media;

/// <summary>
/// A broadcaster leaving Broadcastr: its subscriber list is exported for the broadcaster's next platform,
/// support keeps read access until the export is confirmed, and the tenant is purged.
/// </summary>
public sealed class BroadcasterOffboarding(
    ITenantExporter exporter,
    ITenantPurger purger,
    ISupportAccessStore grants,
    ITenantMembers members,
    Pseudonymizer pseudonymizer,
    ILogger<BroadcasterOffboarding> logger)
{
    private static readonly ActivitySource Source = new("Broadcastr.Offboarding");

    public async Task RunAsync(OffboardingRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartBroadcastrTenantAdmin(request.TenantId, "broadcastr.offboard");
        span.SetBroadcastrUserId(pseudonymizer.PseudonymizeBroadcastrUserId(request.RequestedByEmail)); // clean precision-pseudonym
        var admins = await members.AdminsAsync(request.TenantId);
        span.Activity?.SetTag("broadcastr.admins.count", admins.Count); // clean precision-about
        span.Activity?.SetTag("broadcastr.owner", admins.FirstOrDefault(a => a.Role == "owner")?.DisplayName); // leak TC1001 cross-member
        logger.LogInformation("Notifying admins {Admins} of offboarding {RequestId}", string.Join(", ", admins.Select(a => a.DisplayName)), request.RequestId); // leak TC1001 strings

        var export = await exporter.ExportAsync(request.TenantId, cancellationToken);
        logger.LogInformation("Subscriber export {ExportId} at {BlobPath}: {Rows} rows", export.ExportId, export.BlobPath, export.Rows); // clean precision-names
        var sample = await exporter.PreviewAsync(request.TenantId, "subscribers", 1);
        var firstSubscriber = sample.Split('\n').Skip(1).FirstOrDefault()?.Split(',')[0];
        span.Activity?.SetTag("broadcastr.export.first_subscriber", firstSubscriber); // leak TC1001 strings
        span.Activity?.SetTag("broadcastr.export.columns", sample.Split('\n')[0]); // clean strings

        var grant = await grants.RequestAsync(new SupportAccessRequest(request.TenantId, "offboarding@broadcastr.tv", request.RequestId, "export:read", TimeSpan.FromDays(14)));
        span.SetBroadcastrSupportGrantId(grant.GrantId); // clean generated-api
        span.Activity?.SetTag(BroadcastrAttributes.UserContact, grant.AgentEmail); // clean precision-names

        try
        {
            var result = await purger.PurgeAsync(request.TenantId, cancellationToken);
            span.SetBroadcastrOutcome("purged");
            logger.LogInformation("Purge {Result}", result); // clean logging-objects
        }
        catch (LegalHoldException hold)
        {
            span.SetBroadcastrOutcome("legal_hold").SetBroadcastrNote(hold.Message); // clean generated-api
        }
        catch (UserDeprovisionException deprovision)
        {
            span.RecordException(deprovision, includeMessage: true); // leak TC1001 exceptions
            logger.LogError("Deprovisioning failed: {Error}", deprovision.Message); // leak TC1001 exceptions
        }
    }
}

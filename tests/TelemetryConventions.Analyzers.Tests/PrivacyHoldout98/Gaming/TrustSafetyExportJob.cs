namespace PrivacyHoldout98.Gaming;

/// <summary>
/// Trust and safety's exports: chat logs of reported players for the moderation vendor, and the weekly
/// export of GM actions for the studio's audit committee.
/// </summary>
public sealed class TrustSafetyExportJob(
    IExportWriter writer,
    IAdminAuditLog audit,
    AdminConsoleOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<TrustSafetyExportJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.TrustSafety.Exports");
    private static readonly Meter Meter = new("Studio.TrustSafety.Exports");
    private static readonly Histogram<long> ExportRows = Meter.CreateHistogram<long>("trust_safety.export.rows");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var week = ISOWeek.GetWeekOfYear(DateTime.UtcNow);
        var request = new ExportRequest($"gm-actions-w{week:D2}", "gm_actions", ["audit_id", "action", "actor_upn", "target_id"], $"week = {week}", "svc-trust-safety");
        using var span = Source.StartGmtoolsAdminAction("export", "gm_actions").SetGmtoolsExportDataset(request.Dataset); // clean generated-api
        logger.LogInformation("Weekly GM action export {Request}", request); // clean logging-objects
        var result = await writer.WriteAsync(request, stoppingToken);
        ExportRows.Record(result.Rows, new KeyValuePair<string, object?>("dataset", request.Dataset)); // clean precision-names
        span.SetGmtoolsExportRows(result.Rows).SetGmtoolsOutcome("done"); // clean generated-api
    }

    public async Task ExportChatForVendorAsync(string reportId, string reportedPlayerId, string reporterGamertag, StaffPrincipal moderator)
    {
        var request = new ExportRequest($"chat-{reportId}", "chat_messages", ["sent_at", "channel", "text"], $"sender_id = '{reportedPlayerId}'", moderator.Upn);
        using var span = Source.StartGmtoolsAdminAction("export", "chat").SetGmtoolsCaseId(reportId); // clean generated-api
        span.Activity?.SetTag("trust_safety.export.filter", request.Filter); // leak TC1001 strings
        span.Activity?.SetTag("trust_safety.export.reporter", reporterGamertag); // leak TC1001 direct
        span.SetGmtoolsPlayerId(pseudonymizer.PseudonymizeGmtoolsPlayerId(reportedPlayerId)); // clean precision-pseudonym
        try
        {
            var result = await writer.WriteAsync(request);
            logger.LogInformation("Chat export {ExportId}: {Rows} rows, {Bytes} bytes", result.ExportId, result.Rows, result.Bytes); // clean precision-about
            ExportRows.Record(result.Rows, new KeyValuePair<string, object?>("reported", pseudonymizer.ComputeGmtoolsPlayerId(reportedPlayerId))); // leak TC1003 precision-pseudonym
        }
        catch (ExportTooLargeException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }
}

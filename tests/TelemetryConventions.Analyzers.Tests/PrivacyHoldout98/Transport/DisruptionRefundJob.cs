namespace PrivacyHoldout98.Transport;

/// <summary>
/// The fares back office's bulk refunds after a disruption: an operator picks the affected route and hours, the
/// job refunds every tap on them in bulk and writes the finance export; the driver on duty is recorded on the
/// incident.
/// </summary>
public sealed class DisruptionRefundJob(
    IBulkEditor editor,
    IExportWriter writer,
    AdminConsoleOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<DisruptionRefundJob> logger)
{
    private static readonly ActivitySource Source = new("Transit.Fares.Refunds");
    private static readonly Meter Meter = new("Transit.Fares.Refunds");
    private static readonly Histogram<double> RefundValue = Meter.CreateHistogram<double>("fares.refund.value");
    private readonly FaresadminAdminActionsCounter _actions = Meter.CreateFaresadminAdminActionsCounter();

    public async Task RefundAsync(string incidentId, string route, string driverStaffNumber, IReadOnlyList<(string CardNumber, decimal Fare)> taps, StaffPrincipal requestedBy)
    {
        using var span = Source.StartFaresadminAdminAction("bulk_refund", "tap").SetFaresadminCaseId(incidentId).SetFaresadminBulkSize(taps.Count); // clean generated-api
        span.Activity?.SetTag("fares.refund.route", route); // clean precision-names
        span.Activity?.SetTag("fares.refund.driver", driverStaffNumber); // leak TC1001 direct
        span.Activity?.SetTag("fares.refund.total", taps.Sum(t => t.Fare)); // clean precision-about
        span.Activity?.SetTag("fares.refund.cards", taps.Select(t => t.CardNumber).Distinct().Count()); // clean precision-about
        RefundValue.Record((double)taps.Sum(t => t.Fare), new KeyValuePair<string, object?>("route", route)); // clean precision-names

        var request = new BulkEditRequest($"refund-{incidentId}", "tap", "refund_status", "refunded", taps.Select(t => t.CardNumber).ToList());
        try
        {
            var result = await editor.ApplyAsync(request);
            logger.LogInformation("Refund {JobId}: {Updated} refunded, {Skipped} already refunded", result.JobId, result.Updated, result.Skipped); // clean precision-about
            logger.LogWarning("Refund {JobId} errors: {Errors}", result.JobId, result.Errors); // leak TC1001 logging-objects
            _actions.Add(1, "bulk_refund", "done"); // clean generated-api
        }
        catch (BulkEditAbortedException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogError("Refund for incident {IncidentId} aborted: {Reason}", incidentId, ex.Message); // clean exceptions
        }

        var export = new ExportRequest($"refunds-{incidentId}", "disruption_refunds", ["card_number", "fare", "tapped_at"], $"incident = '{incidentId}'", requestedBy.Upn);
        var written = await writer.WriteAsync(export);
        span.SetFaresadminExportDataset(export.Dataset).SetFaresadminExportRows(written.Rows); // clean generated-api
        logger.LogInformation("Refund export {Export}", export); // leak TC1001 logging-objects
        logger.LogInformation("Refund export first row {Row}", $"{taps[0].CardNumber},{taps[0].Fare}"); // leak TC1001 strings
        span.SetFaresadminNote($"driver {driverStaffNumber} on duty"); // leak TC1001 generated-api
    }
}

namespace PrivacyHoldout98.Energy;

/// <summary>
/// The back office's bulk tariff change: pricing uploads a sheet moving accounts from an ending fixed tariff to
/// the default, a worker applies it in batches and writes the regulator's monthly export of moved households.
/// </summary>
public sealed class TariffBulkChangeWorker(
    IBulkEditor editor,
    IExportWriter exports,
    IAdminAuditLog audit,
    AdminConsoleOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<TariffBulkChangeWorker> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Billing.Bulk");
    private static readonly Meter Meter = new("Supplier.Billing.Bulk");
    private static readonly Counter<long> RowsFailed = Meter.CreateCounter<long>("billing.bulk.rows_failed");
    private readonly BilladminExportDurationHistogram _exportDuration = Meter.CreateBilladminExportDurationHistogram();

    public async Task ApplyAsync(string jobId, string fromTariff, string toTariff, IReadOnlyList<string> accountNumbers, StaffPrincipal approvedBy)
    {
        using var span = Source.StartBilladminAdminAction("bulk_edit", "tariff").SetBilladminBulkSize(accountNumbers.Count); // clean generated-api
        span.Activity?.SetTag("billing.bulk.from_tariff", fromTariff); // clean precision-names
        span.Activity?.SetTag("billing.bulk.to_tariff", toTariff); // clean precision-names
        span.Activity?.SetTag("billing.bulk.approved_by", approvedBy.Upn); // leak TC1001 direct
        span.SetBilladminOperatorId(pseudonymizer.PseudonymizeBilladminOperatorId(approvedBy.StaffId)); // clean precision-pseudonym

        if (accountNumbers.Count > options.BulkEditLimit)
        {
            var fourEyes = new FourEyesRequiredException("bulk_tariff_change", 2);
            span.SetStatus(ActivityStatusCode.Error, fourEyes.Message); // clean exceptions
            logger.LogBilladminAdminDeniedEvent("bulk_edit", "four_eyes", billadminNote: NoteOf(fourEyes)); // clean generated-api
            return;
        }

        var request = new BulkEditRequest(jobId, "account", "tariff", toTariff, accountNumbers);
        logger.LogInformation("Applying {Request}", request); // clean logging-objects
        try
        {
            var result = await editor.ApplyAsync(request);
            foreach (var error in result.Errors)
            {
                RowsFailed.Add(1, new KeyValuePair<string, object?>("reason", error.Reason)); // clean precision-names
                RowsFailed.Add(1, new KeyValuePair<string, object?>("account", error.Key)); // leak TC1003 cross-member
            }
            logger.LogWarning("Tariff change {JobId}: first failed account {Account}", jobId, result.Errors.FirstOrDefault()?.Key); // leak TC1001 cross-member
            span.SetBilladminOutcome(result.Errors.Count == 0 ? "done" : "partial"); // clean generated-api
        }
        catch (BulkEditAbortedException ex)
        {
            span.RecordException(ex, "bulk tariff change aborted", includeMessage: true); // clean exceptions
            logger.LogError(ex, "Tariff change {JobId} aborted", jobId); // clean exceptions
        }

        foreach (var account in accountNumbers.Take(3))
        {
            logger.LogDebug("Sample moved account: {Account}", $"{account[..2]}******{account[^2..]}"); // leak TC1001 strings
        }
    }

    public async Task ExportMovedHouseholdsAsync(DateOnly month, StaffPrincipal requestedBy)
    {
        var request = new ExportRequest($"ofgem-moves-{month:yyyy-MM}", "tariff_moves", ["account_number", "mpan", "from_tariff", "to_tariff"], $"moved_on >= '{month:yyyy-MM-01}'", requestedBy.Upn);
        using var span = Source.StartBilladminAdminAction("export", "tariff_moves").SetBilladminExportDataset(request.Dataset); // clean generated-api
        span.Activity?.SetTag("billing.export.filter", request.Filter); // clean strings
        logger.LogInformation("Export {ExportId} requested by {RequestedBy}", request.ExportId, request.RequestedBy); // leak TC1001 cross-member
        var started = Stopwatch.GetTimestamp();
        var result = await exports.WriteAsync(request);
        span.SetBilladminExportRows(result.Rows); // clean precision-about
        span.Activity?.SetTag("billing.export.path", result.Path); // clean precision-names
        _exportDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Dataset); // clean generated-api
        await audit.AppendAsync(new AdminAuditEntry(Guid.NewGuid(), "export", requestedBy.Upn, "dataset", request.Dataset, DateTimeOffset.UtcNow));
    }

    private static string NoteOf(Exception ex) => ex.GetType().Name;
}

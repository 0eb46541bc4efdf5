namespace PrivacyHoldout113.Energy;

public sealed record ComplaintRow(string ComplaintRef, string AccountNumber, string Category, string Region, DateOnly Opened, DateOnly? Resolved, bool Vulnerable);

/// <summary>Builds and submits the quarterly complaints return to the regulator, with a signed manifest.</summary>
public sealed class RegulatorReturnExporter(
    IRegulatorGateway gateway,
    ILogger<RegulatorReturnExporter> logger,
    ActivitySource source,
    Meter meter)
{
    private readonly EnauditRequestDurationHistogram _duration = meter.CreateEnauditRequestDurationHistogram();

    public async Task ExportAsync(string period, IReadOnlyList<ComplaintRow> rows, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var returnId = $"ofg-complaints-{period}";
        using var span = source.StartEnauditRequest(returnId, "export");
        span.SetEnauditFieldCount(rows.Count); // clean precision-about

        var csv = new StringBuilder("complaint_ref,account_number,category,region,opened,resolved,vulnerable\n");
        foreach (var row in rows)
        {
            if (row.Category.Length == 0)
            {
                var invalid = new ReturnValidationException(row.AccountNumber, "category", row.Category);
                logger.LogWarning(invalid, "Row dropped from the return"); // leak TC1001 exceptions
                span.Activity?.AddEvent(new ActivityEvent("enaudit.row.invalid", tags: new ActivityTagsCollection { ["field"] = invalid.Field, ["complaint"] = row.ComplaintRef })); // clean exceptions
                continue;
            }
            csv.Append(CultureInfo.InvariantCulture, $"{row.ComplaintRef},{row.AccountNumber},{row.Category},{row.Region},{row.Opened:yyyy-MM-dd},{row.Resolved:yyyy-MM-dd},{row.Vulnerable}\n");
        }

        var content = Encoding.UTF8.GetBytes(csv.ToString());
        logger.LogDebug("Return preview {Preview}", csv.ToString(0, Math.Min(csv.Length, 400))); // leak TC1001 strings
        var regulatorReturn = new RegulatorReturn(returnId, "Ofgem", period, rows.Count, $"{returnId}.csv");
        var manifest = new ExportManifest(returnId, Convert.ToHexString(SHA256.HashData(content)), content.Length, DateTimeOffset.UtcNow);
        logger.LogInformation("Return {Return} built", regulatorReturn); // clean logging-objects
        logger.LogInformation("Manifest {Manifest}", manifest); // clean hashes
        span.Activity?.SetTag("enaudit.return.sha256", manifest.Sha256); // clean hashes
        span.Activity?.SetTag("enaudit.vulnerable.rows", rows.Count(r => r.Vulnerable)); // clean precision-about
        span.Activity?.SetTag("enaudit.regions", string.Join(",", rows.Select(r => r.Region).Distinct())); // clean strings

        var oldest = rows.Where(r => r.Resolved is null).OrderBy(r => r.Opened).FirstOrDefault();
        if (oldest is not null)
        {
            span.SetEnauditNote($"oldest open complaint {oldest.ComplaintRef} since {oldest.Opened}"); // clean generated-api
            span.SetEnauditNote($"oldest open complaint: {oldest}"); // leak TC1001 generated-api
        }

        var receipt = await gateway.SubmitAsync(regulatorReturn, content, cancellationToken);
        logger.LogInformation("Submitted {ReturnId}, receipt {Receipt}", returnId, receipt); // clean precision-names
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "export", "submitted"); // clean generated-api
    }
}

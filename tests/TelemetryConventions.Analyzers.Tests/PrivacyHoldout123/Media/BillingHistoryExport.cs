namespace PrivacyHoldout123.Media;

/// <summary>One row of a subscriber's billing history.</summary>
public sealed record BillingHistoryRow(string InvoiceNumber, DateOnly Date, string Plan, decimal Amount, string Status);

/// <summary>Exports a subscriber's billing history as CSV for the help centre and for subject access requests.</summary>
public sealed class BillingHistoryExport(Pseudonymizer pseudonymizer, ILogger<BillingHistoryExport> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Billing.Export");

    private Guid _subscriberId;

    public string Export(Guid subscriberId, string email, IReadOnlyList<BillingHistoryRow> rows, bool forSubjectAccessRequest)
    {
        _subscriberId = subscriberId;
        var fileName = $"billing-history-{subscriberId:N}-{DateTime.UtcNow:yyyyMMdd}.csv";
        var header = "invoice,date,plan,amount,status,email";
        var csv = new StringBuilder(header).AppendLine();
        foreach (var row in rows)
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"{row.InvoiceNumber},{row.Date:yyyy-MM-dd},{row.Plan},{row.Amount:0.00},{row.Status},{email}");
        }

        using var span = Source.StartSubbillPost($"EXPORT-{DateTime.UtcNow:yyyyMMddHHmmss}", "billing_export")
            .SetSubbillLineCount(rows.Count) // clean precision-about
            .SetSubbillCustomerId(pseudonymizer.PseudonymizeSubbillCustomerId(subscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("subbill.export.file", fileName); // leak TC1001 strings
        span.Activity?.SetTag("subbill.export.header", header); // clean strings
        span.Activity?.SetTag("subbill.export.sar", forSubjectAccessRequest); // clean precision-about
        span.SetSubbillNote($"exported {rows.Count} rows to {fileName}"); // leak TC1001 generated-api
        logger.LogDebug("Export preview {Preview}", csv.ToString(0, Math.Min(csv.Length, 300))); // leak TC1001 strings
        logger.LogDebug("Export rows {@Rows}", rows); // clean logging-objects
        LogExported();
        return csv.ToString();
    }

    private void LogExported()
    {
        logger.LogInformation("Billing history exported for {Subscriber}", _subscriberId); // leak TC1001 cross-member
        Activity.Current?.SetTag("subbill.export.subscriber_hash", Convert.ToHexString(SHA256.HashData(_subscriberId.ToByteArray()))[..12]); // leak TC1002 hashes
        Activity.Current?.SetTag("subbill.export.subscriber_bucket", Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("export-buckets"), _subscriberId.ToByteArray()))[..2]); // leak TC1002 hashes
    }
}

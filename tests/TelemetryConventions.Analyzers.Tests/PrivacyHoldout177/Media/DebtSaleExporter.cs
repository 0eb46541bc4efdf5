namespace PrivacyHoldout177.Media;

/// <summary>Builds the quarterly file of written-off subscription debt sold to the purchaser and issues county court claims for the rest.</summary>
public sealed class DebtSaleExporter(IPurchaserDrop drop, Pseudonymizer pseudonymizer, ILogger<DebtSaleExporter> logger, CollectionsOptions options)
{
    private static readonly ActivitySource Source = new("Broadcaster.Collections.DebtSale");
    private static readonly Meter Meter = new("Broadcaster.Collections.DebtSale");
    private static readonly Counter<long> ClaimsIssued = Meter.CreateCounter<long>("collections.claims.issued");

    public async Task ExportAsync(IReadOnlyList<DebtSaleRow> rows, CancellationToken ct)
    {
        using var span = Source.StartLicencearrearsOperation("debt-sale");
        var batch = new DebtSaleBatch($"Q{(DateTime.UtcNow.Month + 2) / 3}-{DateTime.UtcNow:yyyy}", options.DebtPurchaser, rows.Count, rows.Sum(r => r.Balance));
        span.SetLicencearrearsItemCount(rows.Count); // clean generated-api
        span.SetLicencearrearsNote($"Sold {batch.Accounts} accounts to {batch.Purchaser}"); // clean generated-api
        span.Activity?.SetTag("sale.batch", batch.BatchId); // clean precision-names
        logger.LogInformation("Batch {@Batch}", batch); // clean logging-objects
        await drop.UploadAsync(batch.BatchId, rows, ct);
        var names = rows.Select(r => r.FullName).ToArray();
        span.Activity?.SetTag("sale.names", names); // leak TC1001 logging-objects
        span.Activity?.SetTag("sale.accounts.count", names.Length); // clean precision-about
        foreach (var row in rows)
        {
            var transferred = row with { Balance = 0m };
            span.Activity?.AddEvent(new ActivityEvent("sale.transferred", tags: new ActivityTagsCollection { ["row"] = transferred.ToString() })); // leak TC1001 logging-objects
            span.Activity?.AddEvent(new ActivityEvent("sale.transferred", tags: new ActivityTagsCollection { ["debtor"] = pseudonymizer.PseudonymizeLicencearrearsDebtorId(row.AccountNumber).Value })); // clean precision-pseudonym
        }
    }

    public void IssueClaim(CourtClaim claim, ClaimIssued issued)
    {
        using var span = Source.StartLicencearrearsOperation("court");
        span.SetLicencearrearsStage("court"); // clean precision-about
        span.Activity?.SetTag("claim.number", issued.ClaimNumber); // clean precision-names
        span.Activity?.SetTag("claim.court", issued.Court); // clean precision-names
        span.Activity?.SetTag("claim.amount", issued.Amount); // clean precision-about
        span.Activity?.SetTag("claim.defendant", claim.DefendantName); // leak TC1001 direct
        span.Activity?.SetTag("claim.defendant_address", claim.DefendantAddress); // leak TC1001 direct
        logger.LogInformation("Claim issued {Issued}", issued); // clean logging-objects
        logger.LogInformation("Claim {Claim}", claim); // leak TC1001 logging-objects
        ClaimsIssued.Add(1, new KeyValuePair<string, object?>("court", issued.Court)); // clean precision-names
        try
        {
            throw new DuplicateClaimException(claim.DefendantName);
        }
        catch (DuplicateClaimException duplicate)
        {
            span.SetStatus(ActivityStatusCode.Error, duplicate.Message); // leak TC1001 exceptions
            logger.LogWarning(duplicate, "Duplicate claim"); // leak TC1001 exceptions
            logger.LogWarning("Duplicate claim: {Type}", duplicate.GetType().Name); // clean exceptions
            logger.LogLicencearrearsOperationFailedEvent("court", "duplicate", null, duplicate.Message); // leak TC1001 generated-api
            span.RecordException(duplicate); // clean exceptions
        }
    }
}

namespace PrivacyHoldout140.Media;

/// <summary>A panellist's month: points earned and the bank details for the cash-out.</summary>
public sealed record PanelMonth(string PanellistId, string HouseholdId, string Region, int Points, bool CashOut, string SortCode, string AccountNumber);

/// <summary>
/// Each month pays panellists who cash out their points and sends the research agency the month's viewing
/// records, keyed the way the agency's contract says.
/// </summary>
public sealed class PanelIncentiveExportJob(
    IPayoutClient payouts,
    ISponsorTransfer agency,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PanelIncentiveExportJob> logger)
{
    // The agency's legacy join key: SHA-256 of the panellist id with a salt agreed in 2019.
    private const string AgencySalt = "barb-join-2019";
    private readonly Histogram<int> _points = meter.CreateHistogram<int>("audiencepanel.points.cashed", "{point}");

    public async Task RunAsync(IReadOnlyList<PanelMonth> months, CancellationToken cancellationToken)
    {
        using var span = source.StartAudiencepanelOperation("tv-diary-uk");
        var rows = new List<ExportRow>();
        foreach (var month in months)
        {
            var agencyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(AgencySalt + month.PanellistId)));
            rows.Add(new ExportRow(agencyKey, new Dictionary<string, string> { ["region"] = month.Region, ["points"] = month.Points.ToString(CultureInfo.InvariantCulture) }));
            span.Activity?.AddEvent(new ActivityEvent("agency.row", tags: new ActivityTagsCollection { ["agency.key"] = agencyKey })); // leak TC1002 hashes

            var sample = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(month.HouseholdId))[0] < 26;
            if (sample)
            {
                span.Activity?.AddEvent(new ActivityEvent("qa.sample", tags: new ActivityTagsCollection { ["household"] = pseudonymizer.ComputeAudiencepanelHouseholdId(month.HouseholdId), ["region"] = month.Region })); // clean precision-pseudonym
            }

            if (month.CashOut)
            {
                await PayAsync(month, cancellationToken);
            }
        }

        try
        {
            await agency.UploadAsync(new SponsorExport(Guid.NewGuid().ToString("N"), "tv-diary-uk", "Research agency", rows.Count, $"panel-{DateTime.UtcNow:yyyyMM}.csv"), rows, cancellationToken);
            span.SetAudiencepanelEntryCount(rows.Count); // clean precision-about
        }
        catch (ExportValidationException ex)
        {
            logger.LogError("Agency export rejected on {Column}", ex.Column); // clean exceptions
            span.Activity?.SetTag("audiencepanel.export.failed_column", ex.Column); // clean precision-names
        }
    }

    private async Task PayAsync(PanelMonth month, CancellationToken cancellationToken)
    {
        var payment = new ParticipantPayment(Guid.NewGuid().ToString("N"), month.PanellistId, month.Points / 100m, month.SortCode, month.AccountNumber, $"PANEL {month.PanellistId}");
        try
        {
            var result = await payouts.PayAsync(payment, cancellationToken);
            _points.Record(month.Points, new KeyValuePair<string, object?>("region", month.Region)); // clean precision-about
            logger.LogInformation("Paid {Amount} for {Reference}", result.Amount, payment.Reference); // leak TC1001 strings
        }
        catch (BankDetailsRejectedException ex)
        {
            logger.LogWarning("Bank details rejected: {Reason}", ex.Reason); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogDebug("Sort code {SortCode}, account ending {Last4}", month.SortCode, month.AccountNumber[^4..]); // clean precision-about
        }
    }
}

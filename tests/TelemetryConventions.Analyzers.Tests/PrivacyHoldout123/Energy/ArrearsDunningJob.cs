namespace PrivacyHoldout123.Energy;

/// <summary>A household account in arrears, as the billing system's overdue view returns it.</summary>
public sealed record ArrearsAccount(string AccountNumber, string HolderName, string Email, string Mpan, decimal Balance, int DaysOverdue, int CurrentLevel, bool Vulnerable, string Postcode);

/// <summary>Runs credit control each night: dunning notices by stage, then placement with the collection agency.</summary>
public sealed partial class ArrearsDunningJob(INoticeSender notices, ICollectionAgencyClient agency, Pseudonymizer pseudonymizer, FinanceOptions options, ILogger<ArrearsDunningJob> logger)
{
    private static readonly ActivitySource Source = new("Energy.CreditControl");
    private static readonly Meter Meter = new("Energy.CreditControl");
    private static readonly Counter<long> Notices = Meter.CreateCounter<long>("enbill.dunning.notices");
    private static readonly Histogram<double> Balances = Meter.CreateHistogram<double>("enbill.arrears.balance", "GBP");
    private readonly EnbillPostingsCounter _postings = Meter.CreateEnbillPostingsCounter();

    private static readonly DunningPolicy[] Policies =
    {
        new(1, 14, "reminder", false),
        new(2, 28, "final-reminder", false),
        new(3, 56, "notice-of-intent", true),
    };

    public async Task RunAsync(IReadOnlyList<ArrearsAccount> overdue, CancellationToken ct)
    {
        using var run = Source.StartActivity("enbill.dunning.run");
        run?.SetTag("enbill.dunning.accounts", overdue.Count); // clean precision-about
        run?.SetTag("enbill.dunning.vulnerable", overdue.Count(a => a.Vulnerable)); // clean precision-about
        logger.LogInformation("Dunning run over {Accounts}", string.Join(", ", overdue.Select(a => a.AccountNumber))); // leak TC1001 strings

        foreach (var account in overdue)
        {
            if (account.Vulnerable)
            {
                logger.LogInformation("Skipping {Account}: on the priority services register", account.AccountNumber); // leak TC1001 direct
                continue;
            }

            var policy = Policies.LastOrDefault(p => account.DaysOverdue >= p.DaysOverdue);
            if (policy is null || policy.Level <= account.CurrentLevel)
            {
                continue;
            }

            using var span = Source.StartEnbillCollect("dunning_notice")
                .SetEnbillDunningLevel(policy.Level) // clean precision-about
                .SetEnbillAmount((double)account.Balance) // clean precision-about
                .SetEnbillCustomerId(pseudonymizer.PseudonymizeEnbillCustomerId(account.AccountNumber)); // clean precision-pseudonym
            var notice = new DunningNotice($"DN-{Guid.NewGuid():N}"[..15], account.AccountNumber, policy.Level, account.Balance, DateOnly.FromDateTime(DateTime.UtcNow), "email");
            await notices.SendAsync(notice, account.Email, ct);
            logger.LogInformation("Sent {Notice}", notice); // leak TC1001 logging-objects
            logger.LogInformation("Sent {Template} notice {NoticeId} at level {Level}", policy.Template, notice.NoticeId, notice.Level); // clean precision-names
            logger.LogDebug("Policy applied: {Policy}", policy); // clean logging-objects
            Notices.Add(1, new KeyValuePair<string, object?>("enbill.dunning.level", policy.Level), new KeyValuePair<string, object?>("enbill.dunning.template", policy.Template)); // clean direct
            Balances.Record((double)account.Balance, new KeyValuePair<string, object?>("enbill.postcode.district", account.Postcode.Split(' ')[0])); // clean precision-about
            span.Activity?.AddEvent(new ActivityEvent("enbill.notice.sent", tags: new ActivityTagsCollection { ["enbill.notice.recipient"] = account.Email })); // leak TC1001 direct
            _postings.Add(1, "dunning_notice", "sent"); // clean generated-api

            if (account.DaysOverdue >= options.DaysBeforeAgencyPlacement)
            {
                await PlaceAsync(account, ct);
            }
        }
    }

    private async Task PlaceAsync(ArrearsAccount account, CancellationToken ct)
    {
        var placement = new DebtPlacement($"PL-{DateTime.UtcNow:yyyyMMdd}-{Random.Shared.Next(1000, 9999)}", "AGY-NORTH", account.AccountNumber, account.HolderName, new PostalAddressLine("", account.Postcode), account.Balance, DateOnly.FromDateTime(DateTime.UtcNow));
        using var span = Source.StartEnbillCollect("agency_placement").SetEnbillAmount((double)placement.Balance); // clean precision-about
        span.Activity?.SetTag("enbill.agency", placement.AgencyCode); // clean precision-names
        span.Activity?.SetTag("enbill.placement.id", placement.PlacementId); // clean precision-names
        try
        {
            var receipt = await agency.PlaceAsync(placement, ct);
            LogPlaced(logger, receipt.AgencyCaseId, placement.DebtorName, placement.Balance); // clean logging-objects
            LogPlacedForAudit(logger, placement.DebtorReference, receipt.Status); // leak TC1001 logging-objects
            span.SetEnbillReference(receipt.AgencyCaseId).SetEnbillOutcome(receipt.Status); // clean generated-api
            logger.LogInformation("Placed {@Receipt}", receipt); // clean logging-objects
        }
        catch (PlacementRejectedException ex)
        {
            logger.LogError(ex, "Agency refused placement {Placement}", placement.PlacementId); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, $"agency refused ({ex.Code})"); // clean exceptions
            logger.LogEnbillPaymentFailedEvent("agency_placement", "rejected", enbillNote: ex.Message); // leak TC1001 generated-api
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agency case {CaseId} opened for {Debtor} with balance {Balance}")]
    private static partial void LogPlaced(ILogger logger, string caseId, [PrivateData] string debtor, decimal balance);

    [LoggerMessage(Level = LogLevel.Information, Message = "Debtor {DebtorReference} placed: {Status}")]
    private static partial void LogPlacedForAudit(ILogger logger, string debtorReference, string status);
}

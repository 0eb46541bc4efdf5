namespace PrivacyHoldout140.Transport;

/// <summary>A rider's completed diary week, due the pilot's payment.</summary>
public sealed record DiaryWeekCompleted(string PilotCode, string ParticipantId, string TravelCardNumber, int DaysLogged, string SortCode, string AccountNumber, string Arm);

/// <summary>
/// Pays riders for each completed diary week and, at the end of each month, sends the evaluator the pilot's
/// trips keyed by a pseudonym the data sharing agreement defines.
/// </summary>
public sealed class PilotPaymentsExport(
    IPayoutClient payouts,
    ISponsorTransfer evaluator,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PilotPaymentsExport> logger)
{
    private readonly Counter<decimal> _paid = meter.CreateCounter<decimal>("farepilot.payments.amount", "GBP");
    private readonly List<string> _unpaidCards = new();
    private string? _lastReference;

    public async Task PayAsync(DiaryWeekCompleted week, CancellationToken cancellationToken)
    {
        using var span = source.StartFarepilotOperation(week.PilotCode);
        span.SetFarepilotArm(week.Arm);
        var reference = $"PILOT-{week.ParticipantId}-W{ISOWeek.GetWeekOfYear(DateTime.UtcNow)}";
        _lastReference = reference;
        var payment = new ParticipantPayment(Guid.NewGuid().ToString("N"), week.ParticipantId, week.DaysLogged >= 5 ? 15m : 5m, week.SortCode, week.AccountNumber, reference);

        try
        {
            var result = await payouts.PayAsync(payment, cancellationToken);
            _paid.Add(result.Amount, new KeyValuePair<string, object?>("arm", week.Arm)); // clean precision-about
            span.Activity?.SetTag("farepilot.payment.id", result.PaymentId); // clean precision-names
            span.Activity?.SetTag("farepilot.payment.reference", reference); // leak TC1001 strings
            logger.LogInformation("Payout {@Result}", result); // clean logging-objects
        }
        catch (BankDetailsRejectedException ex)
        {
            _unpaidCards.Add(week.TravelCardNumber);
            logger.LogError(ex, "Payment {PaymentId} rejected", payment.PaymentId); // leak TC1001 exceptions
            span.Activity?.SetTag("farepilot.payment.reason", ex.Reason); // clean exceptions
        }
        catch (PaymentCapException ex)
        {
            logger.LogWarning(ex, "Pilot {Pilot} reached its cap", week.PilotCode); // clean exceptions
            logger.LogWarning("Held payment {Payment}", payment); // leak TC1001 logging-objects
        }
    }

    public async Task ExportAsync(string pilotCode, IReadOnlyList<(string ParticipantId, string TravelCardNumber, double Km, int Trips)> month, CancellationToken cancellationToken)
    {
        using var span = source.StartFarepilotOperation(pilotCode);
        var rows = new List<ExportRow>();
        foreach (var rider in month)
        {
            var key = Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(rider.ParticipantId)));
            rows.Add(new ExportRow(key, new Dictionary<string, string> { ["km"] = rider.Km.ToString("F1", CultureInfo.InvariantCulture), ["trips"] = rider.Trips.ToString(CultureInfo.InvariantCulture) }));
            span.Activity?.AddEvent(new ActivityEvent("evaluator.row", tags: new ActivityTagsCollection { ["key"] = key, ["trips"] = rider.Trips })); // clean hashes

            // The ticketing team's join key for the same riders.
            var ticketingKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rider.TravelCardNumber)))[..16];
            span.Activity?.AddEvent(new ActivityEvent("ticketing.row", tags: new ActivityTagsCollection { ["key"] = ticketingKey })); // leak TC1002 hashes
        }

        var fileName = $"{pilotCode}-trips-{DateTime.UtcNow:yyyyMM}.csv";
        await evaluator.UploadAsync(new SponsorExport(Guid.NewGuid().ToString("N"), pilotCode, "Evaluator", rows.Count, fileName), rows, cancellationToken);
        span.Activity?.SetTag("farepilot.export.file", fileName); // clean strings
        span.SetFarepilotNote($"{rows.Count} riders, {month.Sum(m => m.Trips)} trips"); // clean generated-api
        logger.LogInformation("Riders exported: {Riders}", string.Join(",", month.Select(m => pseudonymizer.ComputeFarepilotParticipantId(m.ParticipantId)))); // clean precision-pseudonym
    }

    public void ReportUnpaid()
    {
        logger.LogWarning("Riders unpaid this week: {Cards}", _unpaidCards); // leak TC1001 cross-member
        logger.LogInformation("Last payment reference {Reference}", _lastReference); // leak TC1001 cross-member
        logger.LogInformation("{Unpaid} riders unpaid", _unpaidCards.Count); // clean precision-about
    }
}

namespace PrivacyHoldout99.Education;

public sealed record TutorInvoice(string TutorStaffNumber, string TutorEmail, string ConnectedAccountId, string ModuleCode, decimal Hours, long RatePence);

/// <summary>Pays hourly-paid tutors who invoice as sole traders, monthly, through the platform's connected accounts.</summary>
public sealed class TutorPayoutService(
    IConnectClient connect,
    Pseudonymizer pseudonymizer,
    ILogger<TutorPayoutService> logger)
{
    private static readonly ActivitySource Source = new("University.Tutors.Payouts");
    private static readonly Meter Meter = new("University.Tutors.Payouts");
    private readonly FeepayPaymentDurationHistogram _duration = Meter.CreateFeepayPaymentDurationHistogram();

    public async Task PayMonthAsync(IReadOnlyList<TutorInvoice> invoices, string month, CancellationToken ct)
    {
        logger.LogInformation("Paying {Count} tutor invoices for {Month} across modules {Modules}", invoices.Count, month, invoices.Select(i => i.ModuleCode).Distinct().ToList()); // clean precision-names
        logger.LogDebug("Tutors this month: {Tutors}", invoices.Select(i => i.TutorEmail).ToList()); // leak TC1001 logging-objects
        logger.LogInformation("Modules paid {@Modules}", invoices.GroupBy(i => i.ModuleCode).Select(g => new { Module = g.Key, Hours = g.Sum(i => i.Hours) }).ToList()); // clean logging-objects

        foreach (var invoice in invoices)
        {
            var amount = (long)(invoice.Hours * invoice.RatePence);
            using var span = Source.StartFeepayPayout($"tutor-{month}").SetFeepayAmount(amount).SetFeepayCurrency("GBP"); // clean precision-about
            span.SetFeepayPayeeId(pseudonymizer.PseudonymizeFeepayPayeeId(invoice.TutorStaffNumber)); // clean precision-pseudonym
            span.SetFeepayNote($"tutor {invoice.TutorStaffNumber} for {invoice.ModuleCode}"); // leak TC1001 generated-api
            span.Activity?.SetTag("tutor.module", invoice.ModuleCode);
            span.Activity?.SetTag("tutor.hours", invoice.Hours);
            span.Activity?.SetTag("tutor.ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(invoice.TutorEmail)))[..12]); // leak TC1002 hashes

            var started = Stopwatch.GetTimestamp();
            try
            {
                var transfer = await connect.TransferAsync(amount, "gbp", invoice.ConnectedAccountId, $"tutors-{month}", new RequestOptions { IdempotencyKey = $"tutor:{invoice.TutorStaffNumber}:{month}" }, ct);
                span.SetFeepayPaymentId(transfer.Id).SetFeepayOutcome("paid");
                logger.LogInformation("Transfer {@Transfer}", transfer); // leak TC1001 logging-objects
                _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "transfer", "paid"); // clean generated-api
            }
            catch (AccountRestrictedException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Tutor payout held, {Count} requirements due", ex.Requirements.Count); // clean exceptions
                _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "transfer", "restricted"); // clean generated-api
            }
        }
    }
}

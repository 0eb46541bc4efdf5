namespace PrivacyHoldout99.Transport;

public sealed record Tap(string TapId, string Pan, string PaymentAccountReference, string TokenReferenceId, string ReaderId, string StopCode, string RouteId, DateTimeOffset At);

public sealed record DailyCharge(string PaymentAccountReference, string TokenReferenceId, string PanLast4, int Journeys, long FarePence, bool Capped);

/// <summary>Aggregates contactless taps into one daily charge per card, applies the daily cap and charges it; failed charges go to debt recovery.</summary>
public sealed class ContactlessFareCollector(
    IPaymentIntentClient intents,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ContactlessFareCollector> logger)
{
    private static readonly ActivitySource Source = new("Transit.Contactless.Fares");
    private static readonly Meter Meter = new("Transit.Contactless.Fares");
    private readonly FarepayPaymentsCounter _payments = Meter.CreateFarepayPaymentsCounter();
    private static readonly Counter<long> CappedDays = Meter.CreateCounter<long>("fares.capped_days");
    private static readonly Counter<long> TapsPerCard = Meter.CreateCounter<long>("fares.taps");

    public void Record(Tap tap)
    {
        using var activity = Source.StartActivity("fares.tap");
        activity?.SetTag("tap.id", tap.TapId); // clean precision-names
        activity?.SetTag("tap.reader", tap.ReaderId);
        activity?.SetTag("tap.stop", tap.StopCode); // clean precision-names
        logger.LogDebug("Tap at {Stop} on {Route}", tap.StopCode, tap.RouteId); // clean cross-member
        activity?.SetTag("tap.card.last4", tap.Pan[^4..]); // clean precision-about
        activity?.SetTag("tap.card.par", tap.PaymentAccountReference); // leak TC1001 direct
        activity?.SetTag("tap.token_ref", tap.TokenReferenceId); // clean precision-names
        activity?.SetTag("farepay.rider.id", pseudonymizer.Compute("fares.card", tap.PaymentAccountReference)); // clean precision-pseudonym
        TapsPerCard.Add(1, new KeyValuePair<string, object?>("route", tap.RouteId)); // clean precision-names
        TapsPerCard.Add(1, new KeyValuePair<string, object?>("card", pseudonymizer.Compute("fares.card", tap.PaymentAccountReference))); // leak TC1003 precision-pseudonym
        logger.LogDebug("Tap {Tap}", tap); // leak TC1001 logging-objects
    }

    public async Task ChargeDayAsync(IReadOnlyList<DailyCharge> charges, DateOnly day, CancellationToken ct)
    {
        var journeysByCard = charges.ToDictionary(c => c.PaymentAccountReference, c => c.Journeys);
        logger.LogInformation("Charging {Cards} cards for {Day}, {Journeys} journeys", journeysByCard.Count, day, journeysByCard.Values.Sum());
        logger.LogDebug("Busiest cards {Cards}", journeysByCard.OrderByDescending(p => p.Value).Take(3).Select(p => p.Key).ToList()); // leak TC1001 logging-objects

        foreach (var charge in charges)
        {
            using var span = Source.StartFarepayPayment($"fare-{day:yyyyMMdd}").SetFarepayAmount(charge.FarePence).SetFarepayPaymentMethod("contactless"); // clean precision-about
            span.Activity?.SetTag("fare.capped", charge.Capped);
            span.Activity?.SetTag("fare.journeys", charge.Journeys); // clean precision-about
            span.Activity?.SetTag("fare.card.bucket", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(charge.PaymentAccountReference)))[..3]); // clean hashes
            span.Activity?.SetTag("fare.card.sha", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(charge.PaymentAccountReference)))[..12]); // leak TC1002 hashes
            span.SetFarepayNote($"card {charge.PaymentAccountReference} capped={charge.Capped}"); // leak TC1001 generated-api
            span.Activity?.SetTag("fare.day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean strings
            if (charge.Capped)
            {
                CappedDays.Add(1, new KeyValuePair<string, object?>("day_of_week", day.DayOfWeek.ToString()));
            }

            try
            {
                var intent = await intents.CreateAsync(new PaymentIntentCreateOptions { Amount = charge.FarePence, PaymentMethod = charge.TokenReferenceId, Confirm = true }, new RequestOptions { IdempotencyKey = $"fare:{charge.TokenReferenceId}:{day:yyyyMMdd}" }, ct);
                span.SetFarepayPaymentId(intent.Id).SetFarepayOutcome(intent.Status);
                span.SetFarepayIdempotencyKey($"fare:{charge.TokenReferenceId}:{day:yyyyMMdd}"); // clean generated-api
                _payments.Add(1, "contactless", null, intent.Status); // clean generated-api
            }
            catch (CardDeclinedException ex)
            {
                span.SetFarepayDeclineCode(ex.DeclineCode ?? "unknown").SetFarepayOutcome("debt_recovery"); // clean exceptions
                logger.LogWarning("Card ending {Last4} denied for {Day}: {Decline}; card goes on the deny list until repaid", charge.PanLast4, day, ex.DeclineCode); // clean precision-about
                logger.LogWarning("Deny-listing {Charge}", charge); // leak TC1001 logging-objects
                _payments.Add(1, "contactless", null, "declined"); // clean generated-api
            }
        }
    }
}

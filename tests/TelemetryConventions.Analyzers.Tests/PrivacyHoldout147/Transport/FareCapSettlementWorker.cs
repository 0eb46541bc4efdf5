namespace PrivacyHoldout147.Transport;

/// <summary>Reads the operator's taps (the topic is keyed by the card's payment account reference) and settles each day's capped fare on the customer's debit card.</summary>
public sealed class FareCapSettlementWorker(
    IConsumer<string, ContactlessTap> taps,
    IFareAggregator aggregator,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<FareCapSettlementWorker> logger) : BackgroundService
{
    private readonly Counter<long> _taps = meter.CreateCounter<long>("farecap.taps");
    private readonly Dictionary<string, int> _journeysByPar = new();
    private ContactlessTap? _lastLateTap;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = taps.Consume(stoppingToken);
            if (result is null)
            {
                await SettleAsync(stoppingToken);
                continue;
            }

            var tap = result.Message.Value;
            using var span = source.StartFarecapOperation("metro-north");
            span.SetFarecapCardId(pseudonymizer.PseudonymizeFarecapCardId(tap.Par)); // clean generated-api
            Activity.Current?.SetTag("messaging.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("farecap.reader", tap.ReaderId); // clean direct
            Activity.Current?.SetTag("farecap.stop", tap.Stop); // clean direct
            Activity.Current?.SetTag("farecap.mode", tap.Mode); // clean direct
            _taps.Add(1, new KeyValuePair<string, object?>("mode", tap.Mode), new KeyValuePair<string, object?>("stop", tap.Stop)); // clean direct
            _taps.Add(1, new KeyValuePair<string, object?>("card", tap.Par)); // leak TC1003 direct
            logger.LogDebug("Tap {@Tap}", tap); // leak TC1001 logging-objects
            logger.LogDebug("Tap {TapId} at {Stop} by card ending {LastFour}", tap.TapId, tap.Stop, tap.Pan[^4..]); // clean precision-about
            _journeysByPar[tap.Par] = _journeysByPar.GetValueOrDefault(tap.Par) + 1;
            if (tap.TappedAt.Hour >= 23)
            {
                _lastLateTap = tap;
            }
            taps.Commit(result);
        }
    }

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rule = await aggregator.RuleAsync("metro-north", cancellationToken);
        logger.LogInformation("Cap rule {@Rule}", rule); // clean logging-objects
        foreach (var (par, journeys) in _journeysByPar)
        {
            var charge = new DailyCharge(Guid.NewGuid().ToString("N"), par, rule.Operator, DateOnly.FromDateTime(DateTime.UtcNow), journeys, Math.Min(journeys * 2.80m, rule.DailyCap), journeys * 2.80m > rule.DailyCap);
            logger.LogInformation("Charge {Charge}", charge); // leak TC1001 logging-objects
            logger.LogInformation("Charge {ChargeId}: {Journeys} journeys, {Fare}, capped {Capped}", charge.ChargeId, charge.Journeys, charge.Fare, charge.Capped); // clean logging-objects
            meter.CreateFarecapCapsCounter().Add(charge.Capped ? 1 : 0, farecapOperator: rule.Operator, farecapOutcome: charge.Capped ? "capped" : "under-cap"); // clean generated-api
            if (!charge.Capped && journeys > 3) logger.LogFarecapOperationFailedEvent(rule.Operator, "cap-not-reached", farecapNote: $"{journeys} journeys, fare {charge.Fare}"); // clean generated-api
        }

        meter.CreateFarecapSettlementDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, farecapOperator: rule.Operator); // clean generated-api
        logger.LogInformation("Settled {Cards} cards", _journeysByPar.Count); // clean cross-member
        logger.LogInformation("Busiest cards: {Cards}", _journeysByPar.OrderByDescending(p => p.Value).Take(5).Select(p => p.Key)); // leak TC1001 cross-member
        Activity.Current?.SetTag("farecap.last_late_tap", _lastLateTap?.Pan); // leak TC1001 cross-member
        Activity.Current?.SetTag("farecap.last_late_stop", _lastLateTap?.Stop); // clean cross-member
        _journeysByPar.Clear();
    }
}

namespace PrivacyHoldout186.Transport;

/// <summary>
/// A bus operator's tap consumer: readers publish every tap on a topic keyed by the card token, and the fare
/// engine applies the older and disabled persons' concession (free after the morning peak) or the daily cap.
/// </summary>
public sealed class ConcessionTapConsumer(IConsumer<string, TapEvent> consumer, IPassRegister register, PassServiceOptions options, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<ConcessionTapConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Operator.Taps");
    private static readonly Meter Meter = new("Operator.Taps");
    private static readonly Counter<long> Taps = Meter.CreateCounter<long>("taps.processed");
    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("taps.lag", "s");

    private readonly Dictionary<string, int> _journeysToday = new();
    private string? _currentCard;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var tap = result.Message.Value;
            _currentCard = tap.CardToken;
            using var activity = Source.StartActivity("taps.process");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("tap.reader", tap.ReaderId); // clean precision-names
            activity?.SetTag("tap.stop", tap.StopCode); // clean precision-names
            activity?.SetTag("tap.route", tap.RouteId); // clean precision-names
            activity?.SetTag("tap.card_token", tap.CardToken); // leak TC1001 direct
            activity?.SetTag("tap.card_ref", pseudonymizer.PseudonymizeBusfareClientId(tap.CardToken)); // clean precision-pseudonym
            activity?.SetTag("tap.card_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(tap.CardToken))[0] % 8); // clean hashes
            activity?.SetTag("tap.card_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tap.CardToken)))[..16]); // leak TC1002 hashes

            _journeysToday[tap.CardToken] = _journeysToday.GetValueOrDefault(tap.CardToken) + 1;
            var inWindow = tap.TappedAt.TimeOfDay >= options.ConcessionWindowStart;
            var outcome = new TapOutcome($"J-{tap.ReaderId}-{result.Offset}", tap.RouteId, inWindow ? 0 : tap.FarePence, inWindow ? "concession" : "peak-fare");
            activity?.SetTag("tap.journeys_today", _journeysToday[tap.CardToken]); // clean precision-about
            activity?.SetTag("journey.id", outcome.JourneyId); // clean precision-names

            logger.LogInformation("Tap {@Outcome}", outcome); // clean logging-objects
            logger.LogInformation("Tap {@Tap}", tap); // leak TC1001 logging-objects
            logger.LogInformation("Tap {Tap}", new { tap.ReaderId, tap.StopCode, tap.RouteId, outcome.Outcome }); // clean logging-objects
            logger.LogInformation("Tap {Tap}", new { tap.CardToken, tap.StopCode }); // leak TC1001 logging-objects
            logger.LogInformation("Open journeys {Journeys}", _journeysToday); // leak TC1001 logging-objects
            logger.LogInformation("Open journeys {Count}", _journeysToday.Count); // clean precision-about

            using (logger.BeginScope(new Dictionary<string, object> { ["Reader"] = tap.ReaderId, ["Route"] = tap.RouteId })) // clean logging-objects
            using (logger.BeginScope(new Dictionary<string, object> { ["Card"] = tap.CardToken })) // leak TC1001 logging-objects
            {
                logger.LogDebug("Fare {Fare}p on {Route}", outcome.FarePence, outcome.RouteId); // clean precision-names
            }

            Taps.Add(1, new KeyValuePair<string, object?>("route", tap.RouteId), new KeyValuePair<string, object?>("outcome", outcome.Outcome)); // clean precision-names
            Taps.Add(1, new KeyValuePair<string, object?>("card", tap.CardToken)); // leak TC1003 direct
            Lag.Record((DateTimeOffset.UtcNow - tap.TappedAt).TotalSeconds, new KeyValuePair<string, object?>("reader", tap.ReaderId)); // clean precision-names
            Meter.CreateBusfareOperationsCounter().Add(1, tap.RouteId, outcome.Outcome); // clean generated-api
            Meter.CreateBusfareOperationsCounter().Add(1, tap.RouteId, pseudonymizer.ComputeBusfareClientId(tap.CardToken)); // leak TC1003 precision-pseudonym

            try
            {
                if (tap.ReaderId.EndsWith("-X", StringComparison.Ordinal))
                {
                    throw new ReaderOfflineException(tap.ReaderId, 503);
                }

                _ = await register.TapsAsync(tap.CardToken, DateOnly.FromDateTime(tap.TappedAt.UtcDateTime), stoppingToken);
            }
            catch (ReaderOfflineException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogBusfareOperationFailedEvent(tap.RouteId, "reader-offline", pseudonymizer.PseudonymizeBusfareClientId(tap.CardToken), ex.Message); // clean generated-api
            }

            consumer.Commit(result);
        }
    }

    public void Flush()
    {
        Activity.Current?.SetTag("taps.current_card", _currentCard); // leak TC1001 cross-member
        Activity.Current?.SetTag("taps.cards_today", _journeysToday.Count); // clean cross-member
    }
}

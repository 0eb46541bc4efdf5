namespace PrivacyHoldout119.Transport;

/// <summary>A priced journey from the back office: the travel card tapped and the rider account it is registered to.</summary>
public sealed record PricedJourney(string JourneyId, string TravelCardNumber, Guid RiderAccountId, string Route, string FromStop, string ToStop, decimal Fare, DateTimeOffset At);

/// <summary>Earns frequent rider miles for priced journeys; tier credits count towards silver and gold.</summary>
public sealed class JourneyMilesAccrual(IConsumer<string, PricedJourney> consumer, IPointsLedger ledger, Pseudonymizer pseudonymizer, ILogger<JourneyMilesAccrual> logger) : BackgroundService
{
    private const string Programme = "frequent-rider";
    private static readonly ActivitySource Source = new("Transit.FrequentRider.Miles");
    private static readonly Meter Meter = new("Transit.FrequentRider.Miles");
    private static readonly Counter<long> Journeys = Meter.CreateCounter<long>("milesrwd.journeys");
    private static readonly Histogram<double> Fares = Meter.CreateHistogram<double>("milesrwd.fare", "GBP");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var consumed = consumer.Consume(stoppingToken);
            if (consumed is null)
            {
                continue;
            }

            var journey = consumed.Message.Value;
            using var span = Source.StartMilesrwdAccrue(Programme)
                .SetMilesrwdMemberId(pseudonymizer.PseudonymizeMilesrwdMemberId(journey.RiderAccountId.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("transit.route", journey.Route); // clean precision-names
            span.Activity?.SetTag("transit.journey", journey.JourneyId);
            span.Activity?.SetTag("transit.card", journey.TravelCardNumber); // leak TC1001 direct
            span.Activity?.SetTag("transit.card.masked", $"{journey.TravelCardNumber[..6]}******{journey.TravelCardNumber[^4..]}"); // clean precision-about
            Journeys.Add(1, new TagList { { "route", journey.Route }, { "from", journey.FromStop } }); // clean precision-names
            Fares.Record((double)journey.Fare, new KeyValuePair<string, object?>("rider", journey.RiderAccountId)); // leak TC1003 direct

            var miles = (int)Math.Ceiling(journey.Fare * 10);
            var posting = await ledger.PostAsync(new PostingRequest { IdempotencyKey = journey.JourneyId, MemberNumber = journey.RiderAccountId.ToString(), Points = miles, Reason = "journey", Source = journey.Route }, stoppingToken);
            span.SetMilesrwdPoints(posting.Posted).SetMilesrwdOutcome(posting.Duplicate ? "duplicate" : "posted"); // clean generated-api
            Meter.CreateMilesrwdPointsPostedCounter().Add(posting.Posted, Programme, journey.Route, "posted"); // clean generated-api
            logger.LogDebug("Journey {Journey} earned {Miles}", journey, posting.Posted); // leak TC1001 logging-objects
            logger.LogDebug("Journey {JourneyId} on {Route} earned {Miles}", journey.JourneyId, journey.Route, posting.Posted); // clean precision-names
            logger.LogDebug("Trip trace {From}->{To} at {At} for {Account}", journey.FromStop, journey.ToStop, journey.At, journey.RiderAccountId.ToString("N")[..8]); // leak TC1001 strings
        }
    }, stoppingToken);
}

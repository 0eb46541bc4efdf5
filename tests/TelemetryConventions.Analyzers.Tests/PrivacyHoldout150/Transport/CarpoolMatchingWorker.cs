namespace PrivacyHoldout150.Transport;

public interface ICarpoolBoard
{
    Task<IReadOnlyList<CarpoolOffer>> OffersAsync(string routeId, CancellationToken cancellationToken = default);
}

/// <summary>Commuters meet their carpool: matches riders to drivers' offers on the same route each morning.</summary>
public sealed class CarpoolMatchingWorker(ICarpoolBoard board, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<CarpoolMatchingWorker> logger) : BackgroundService
{
    private readonly Histogram<int> _seatsOffered = meter.CreateHistogram<int>("safedate.carpool.seats");
    private CarpoolOffer? _fullestOffer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var route in new[] { "rt-m60-east", "rt-a34-south" })
        {
            var offers = await board.OffersAsync(route, stoppingToken);
            using var span = source.StartSafedateOperation("manchester");
            span.SetSafedateRoute(route).SetSafedateSeatCount(offers.Sum(o => o.Seats)); // clean generated-api
            foreach (var offer in offers)
            {
                _seatsOffered.Record(offer.Seats, new KeyValuePair<string, object?>("carpool.route", offer.RouteId)); // clean precision-about
                Activity.Current?.SetTag("carpool.offer.id", offer.OfferId); // clean precision-names
                Activity.Current?.SetTag("carpool.plate", offer.Plate); // leak TC1001 direct
                _seatsOffered.Record(offer.Seats, new KeyValuePair<string, object?>("carpool.driver", offer.DriverMemberId)); // leak TC1003 direct
                if (_fullestOffer is null || offer.Seats > _fullestOffer.Seats)
                {
                    _fullestOffer = offer;
                }
            }

            logger.LogInformation("Route {Route}: {Offers}", route, offers); // leak TC1001 logging-objects
        }

        Activity.Current?.SetTag("carpool.fullest.route", _fullestOffer?.RouteId); // clean cross-member
        Activity.Current?.SetTag("carpool.fullest.plate", _fullestOffer?.Plate); // leak TC1001 cross-member
        Activity.Current?.SetTag("carpool.fullest.departs", _fullestOffer?.Departs.ToString("HH:mm")); // clean cross-member
    }
}

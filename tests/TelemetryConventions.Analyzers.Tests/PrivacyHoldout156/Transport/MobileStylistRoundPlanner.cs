namespace PrivacyHoldout156.Transport;

/// <summary>Plans mobile hairdressers' and nail technicians' daily rounds of home visits from the depots.</summary>
public sealed class MobileStylistRoundPlanner(
    IRoutePlanner planner,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    SalonOptions options,
    ILogger<MobileStylistRoundPlanner> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Mobile.Rounds");

    private readonly Histogram<double> _kilometres = meter.CreateHistogram<double>("rounds.kilometres", "km");
    private HomeVisit? _furthestVisit;

    public async Task<RoutePlan?> PlanAsync(string depot, FleetVan van, StylistCar? ownCar, Stylist stylist, IReadOnlyList<HomeVisit> visits, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("rounds.plan");
        activity?.SetTag("rounds.depot", depot); // clean direct
        activity?.SetTag("rounds.van.registration", van.Registration); // clean direct
        activity?.SetTag("rounds.stop_count", visits.Count); // clean precision-names
        activity?.SetTag("rounds.stylist", stylist.DisplayName); // leak TC1001 direct
        activity?.SetTag("rounds.stylist.level", stylist.Level); // clean precision-about
        if (ownCar is not null)
        {
            activity?.SetTag("rounds.own_car.registration", ownCar.Registration); // leak TC1001 direct
            activity?.SetTag("rounds.own_car.prefix", ownCar.Registration[..2]); // clean precision-about
        }

        using var span = Source.StartMobilestyleOperation(depot).SetMobilestyleStylistId(pseudonymizer.PseudonymizeMobilestyleStylistId(stylist.StaffId)).SetMobilestyleItemCount(visits.Count); // clean generated-api
        foreach (var visit in visits)
        {
            activity?.AddEvent(new ActivityEvent("rounds.stop", tags: new ActivityTagsCollection { ["visit.id"] = visit.VisitId, ["postcode.district"] = visit.Postcode.Split(' ')[0] })); // clean precision-about
            activity?.AddEvent(new ActivityEvent("rounds.stop.position", tags: new ActivityTagsCollection { ["lat"] = visit.Latitude, ["lon"] = visit.Longitude })); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("rounds.stop.area", tags: new ActivityTagsCollection { ["lat"] = Math.Round(visit.Latitude, 1), ["lon"] = Math.Round(visit.Longitude, 1) })); // clean precision-about
        }

        try
        {
            var plan = await planner.PlanAsync(depot, visits, cancellationToken);
            logger.LogInformation("Round {@Plan}", plan); // clean logging-objects
            _kilometres.Record(plan.Kilometres, new KeyValuePair<string, object?>("depot", depot)); // clean direct
            _kilometres.Record(plan.Kilometres, new KeyValuePair<string, object?>("stylist", stylist.StaffId)); // leak TC1003 direct
            _kilometres.Record(plan.Kilometres, new KeyValuePair<string, object?>("stylist.shard", ShardOf(stylist.StaffId))); // clean hashes
            _furthestVisit = visits.MaxBy(v => Math.Abs(v.Latitude));
            if (plan.Stops > options.MaxStopsPerRound)
            {
                throw new RouteOverCapacityException(plan.RouteId, plan.Stops);
            }

            return plan;
        }
        catch (RouteOverCapacityException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return null;
        }
        catch (AddressNotServedException ex)
        {
            logger.LogMobilestyleOperationFailedEvent(depot, "not-served", mobilestyleNote: ex.Message); // leak TC1001 generated-api
            activity?.SetStatus(ActivityStatusCode.Error, "address-not-served"); // clean exceptions
            return null;
        }
    }

    public void ReportFurthest()
    {
        Activity.Current?.SetTag("rounds.furthest.visit", _furthestVisit?.VisitId); // clean cross-member
        Activity.Current?.SetTag("rounds.furthest.address", _furthestVisit?.Address); // leak TC1001 cross-member
        logger.LogInformation("Furthest visit {Visit}", _furthestVisit); // leak TC1001 cross-member
    }

    private int ShardOf(string staffId) =>
        HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(staffId))[0] % 8;
}

namespace PrivacyHoldout146.Transport;

/// <summary>Plans tomorrow's bus diversions around the permitted corteges and wedding cars.</summary>
public sealed class DiversionPlannerWorker(
    IPermitOffice office,
    ActivitySource source,
    Meter meter,
    LifeEventsOptions options,
    ILogger<DiversionPlannerWorker> logger) : BackgroundService
{
    private static readonly Meter DiversionMeter = new("Transit.Diversions");
    private static readonly Histogram<int> Delays = DiversionMeter.CreateHistogram<int>("cortege.diversion.delay");

    private DiversionPlan? _longestDiversion;
    private readonly List<CortegePermitApplication> _unplannedApplications = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        var permits = await office.PermitsForAsync(tomorrow, stoppingToken);
        using var span = source.StartCortegeOperation(options.Depot);
        span.SetCortegeVehicleCount(permits.Sum(p => p.Vehicles)); // clean generated-api
        foreach (var permit in permits)
        {
            try
            {
                var plan = await office.PlanDiversionAsync(permit, stoppingToken);
                logger.LogInformation("Diversion {Plan}", plan); // clean logging-objects
                logger.LogInformation("Stops closed on {RouteId}: {Stops}", plan.RouteId, string.Join(",", plan.StopsClosed)); // clean strings
                Delays.Record(plan.MinutesDelay, new KeyValuePair<string, object?>("route", plan.RouteId)); // clean precision-about
                if (_longestDiversion is null || plan.MinutesDelay > _longestDiversion.MinutesDelay)
                {
                    _longestDiversion = plan;
                }
            }
            catch (RouteClosedException ex)
            {
                logger.LogWarning(ex, "No diversion for permit {PermitId}", permit.PermitId); // clean exceptions
            }
        }

        Activity.Current?.SetTag("cortege.longest_diversion", _longestDiversion?.DiversionId); // clean cross-member
        Activity.Current?.SetTag("cortege.unplanned.deceased", string.Join(";", _unplannedApplications.Select(a => a.DeceasedName))); // leak TC1001 cross-member
        meter.CreateCortegePermitsCounter().Add(permits.Count, cortegeDepot: options.Depot, cortegeOutcome: "planned"); // clean generated-api
    }

    public void Unplanned(CortegePermitApplication application, FamilyVehicleNotRegisteredException error)
    {
        _unplannedApplications.Add(application);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
        Activity.Current?.SetTag("error.type", error.GetType().FullName); // clean exceptions
        Activity.Current?.SetTag("cortege.unplanned.application_id", application.ApplicationId); // clean precision-names
    }
}

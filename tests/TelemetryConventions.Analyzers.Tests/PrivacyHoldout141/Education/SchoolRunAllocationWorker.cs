namespace PrivacyHoldout141.Education;

/// <summary>
/// Takes pupils newly found eligible for home-to-school transport off the queue and puts each on a taxi
/// firm's contract route to their school with a free seat, with an escort where the pupil needs one.
/// </summary>
public sealed class SchoolRunAllocationWorker(
    IQueueReceiver<SchoolRunPassenger> queue,
    ISchoolContractsClient contracts,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<SchoolRunAllocationWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, string> _escortsByRoute = new();
    private SchoolRunPassenger? _lastUnallocated;
    private string? _lastFullRoute;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        meter.CreateObservableGauge("schoolrun.escorts.assigned", () => _escortsByRoute.Count);

        while (!stoppingToken.IsCancellationRequested)
        {
            var passenger = await queue.ReceiveAsync(stoppingToken);
            if (passenger is null)
            {
                ReportBacklog();
                continue;
            }

            await AllocateAsync(passenger, stoppingToken);
        }
    }

    private async Task AllocateAsync(SchoolRunPassenger passenger, CancellationToken cancellationToken)
    {
        using var span = source.StartSchoolrunOperation("unallocated", "schoolrun.allocate");
        span.SetSchoolrunPupilId(pseudonymizer.PseudonymizeSchoolrunPupilId(passenger.TransportRef)); // clean generated-api
        span.SetSchoolrunSchoolUrn(passenger.SchoolUrn); // clean generated-api
        span.Activity?.SetTag("schoolrun.pupil.escort_needed", passenger.NeedsEscort); // clean precision-about
        span.Activity?.SetTag("schoolrun.pupil.care_note_length", passenger.CareNote?.Length ?? 0); // clean precision-about

        var routes = await contracts.GetRoutesAsync(passenger.SchoolUrn, cancellationToken);
        var route = routes.FirstOrDefault(r => r.Passengers.Count < r.Seats);
        if (route is null)
        {
            _lastUnallocated = passenger;
            _lastFullRoute = routes.LastOrDefault()?.RouteId;
            span.SetSchoolrunOutcome("no-seat");
            logger.LogWarning("No seat for a pupil of {School} on any of {Routes} routes", passenger.SchoolUrn, routes.Count); // clean precision-about
            return;
        }

        logger.LogDebug("Allocating to {Route}", route); // clean logging-objects
        await contracts.AssignAsync(route.RouteId, passenger.TransportRef, cancellationToken);
        span.SetSchoolrunRoute(route.RouteId); // clean generated-api
        span.SetSchoolrunFirm(route.FirmCode);
        span.SetSchoolrunPupilCount(route.Passengers.Count + 1);

        if (passenger.NeedsEscort)
        {
            var escort = await contracts.EscortForRouteAsync(route.RouteId, cancellationToken);
            if (escort is not null)
            {
                _escortsByRoute[route.RouteId] = escort;
                span.SetSchoolrunEscortId(pseudonymizer.PseudonymizeSchoolrunEscortId(escort)); // clean generated-api
            }
        }

        await contracts.NotifyFirmAsync(route.FirmCode, $"New pupil {passenger.PupilName} from {passenger.HomePostcode} on {route.RouteId}", cancellationToken);
        logger.LogInformation("Pupil added to route {RouteId} of {Firm}; seats left {Left}", route.RouteId, route.FirmCode, route.Seats - route.Passengers.Count - 1); // clean precision-names
        var manifestLine = new StringBuilder().Append(route.RouteId).Append(": ").Append(passenger.PupilName).Append(passenger.NeedsEscort ? " (escort)" : string.Empty).ToString();
        logger.LogDebug("Manifest line {Line}", manifestLine); // leak TC1001 strings
        meter.CreateSchoolrunRunsCounter().Add(1, route.RouteId, "allocated");
    }

    private void ReportBacklog()
    {
        if (_lastUnallocated is not null)
        {
            logger.LogWarning("Still unallocated: {Passenger} (last full route {Route})", _lastUnallocated, _lastFullRoute); // leak TC1001 cross-member
            Activity.Current?.SetTag("schoolrun.backlog.pupil", _lastUnallocated.PupilName); // leak TC1001 cross-member
            Activity.Current?.SetTag("schoolrun.backlog.district", _lastUnallocated.HomePostcode.Split(' ')[0]); // clean precision-about
        }

        foreach (var (route, escort) in _escortsByRoute)
        {
            logger.LogDebug("Escort {Escort} rides {Route}", escort, route); // leak TC1001 cross-member
        }

        logger.LogInformation("Escorted routes today: {Routes}", string.Join(", ", _escortsByRoute.Keys)); // clean precision-names
    }
}

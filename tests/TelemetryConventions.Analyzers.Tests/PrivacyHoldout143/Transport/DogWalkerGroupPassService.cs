namespace PrivacyHoldout143.Transport;

/// <summary>
/// Professional dog walkers' group passes: a registered walker travels with up to four dogs on one pass. The
/// walkers' booking app shares walks and positions so drivers' reports of incidents can be followed up.
/// </summary>
public sealed partial class DogWalkerGroupPassService(
    IWalkerDirectory walkers,
    ActivitySource source,
    Meter meter,
    PetCareOptions options,
    ILogger<DogWalkerGroupPassService> logger)
{
    private readonly Counter<long> _groupPasses = meter.CreateCounter<long>("petpass.walker.group_passes", "{pass}");

    private WalkPing? _lastPing;

    public async Task<ActionResult> IssueAsync(string sitterId, string network, int dogs, CancellationToken cancellationToken)
    {
        using var span = source.StartPetpassOperation(network);
        span.SetPetpassProduct("walker-group");
        var walker = await walkers.FindAsync(sitterId, cancellationToken);
        if (walker is null)
        {
            LogUnknownWalker(logger, sitterId); // leak TC1001 logging-objects
            return new NotFoundResult(null);
        }

        if (dogs > options.MaxDogsPerWalker)
        {
            Activity.Current?.SetTag("petpass.walker.dogs", dogs);
            span.SetPetpassOutcome("too-many-dogs");
            return new BadRequestResult("too-many-dogs");
        }

        var pass = new WalkerGroupPass($"WG-{Guid.NewGuid():N}"[..12], $"{walker.Name} Dog Walking", walker.Phone, dogs);
        logger.LogInformation("Group pass {Pass}", pass); // leak TC1001 logging-objects
        logger.LogInformation("Group pass issued for {Dogs} dogs on {Network}", pass.Dogs, network); // clean precision-about
        Activity.Current?.SetTag("petpass.walker.dbs_certificate", walker.DbsCertificate); // leak TC1001 direct
        _groupPasses.Add(1, new KeyValuePair<string, object?>("network", network), new KeyValuePair<string, object?>("dogs", dogs)); // clean precision-about
        return new OkResult(pass.PassNumber);
    }

    public void Track(WalkBooking booking, WalkPing ping)
    {
        _lastPing = ping;
        Activity.Current?.SetTag("petpass.walk.booking", booking.BookingId); // clean precision-names
        Activity.Current?.SetTag("petpass.walk.key_safe_length", booking.KeySafeCode.Length); // clean precision-about
        logger.LogDebug("Walk booking {Booking}", booking); // leak TC1001 logging-objects
        Activity.Current?.SetTag("petpass.walk.area", $"{Math.Round(ping.Latitude, 1)},{Math.Round(ping.Longitude, 1)}"); // clean strings
    }

    public async Task ReassignAsync(WalkBooking booking, string replacementSitterId, CancellationToken cancellationToken)
    {
        try
        {
            await walkers.AssignAsync(booking.BookingId, replacementSitterId, cancellationToken);
        }
        catch (SitterUnavailableException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        }
    }

    public void Incident(PetIncident incident, string driverStaffNumber, string walkerName)
    {
        using var span = source.StartPetpassOperation(incident.Route);
        logger.LogInformation("Incident on board {Incident}", incident); // clean logging-objects
        logger.LogWarning("Dog incident on {Route} reported by driver {Driver}", incident.Route, driverStaffNumber); // leak TC1001 direct
        span.SetPetpassNote($"{incident.Kind} on bus {incident.FleetNumber}"); // clean generated-api
        logger.LogPetpassOperationFailedEvent(incident.Route, incident.Kind, petpassNote: $"walker {walkerName}"); // leak TC1001 generated-api
        if (_lastPing is { } ping)
        {
            Activity.Current?.SetTag("petpass.walk.last_position", $"{ping.Latitude:F5},{ping.Longitude:F5}"); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "No walker registered as {SitterId}")]
    private static partial void LogUnknownWalker(ILogger logger, string sitterId);
}

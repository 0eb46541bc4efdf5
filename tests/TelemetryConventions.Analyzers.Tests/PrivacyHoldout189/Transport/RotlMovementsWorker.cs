namespace PrivacyHoldout189.Transport;

public sealed record RotlJourney(string JourneyId, string LicenceId, string VehicleId, string DriverStaffId, string Destination, DateTime DepartAt, int Seats);

public sealed record ShuttleBooking(string BookingRef, string VisitReference, string Station, string VisitorName, string VisitorMobile, int Passengers, bool WheelchairSpace);

public sealed record ShuttleRun(string RunId, string Station, string VehicleId, int SeatsBooked, int Capacity);

public sealed partial class RotlMovementsWorker(
    IQueueReceiver<RotlJourney> journeys,
    IRotlRegister register,
    IMonitoringSupplierClient monitoring,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    EstablishmentOptions options,
    Meter meter,
    ILogger<RotlMovementsWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout189.Transport.Rotl");
    private readonly Counter<long> _departures = meter.CreateCounter<long>("releasemove.departures");
    private readonly Histogram<double> _lateness = meter.CreateHistogram<double>("releasemove.return.lateness");
    private RotlLicence? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var journey = await journeys.ReceiveAsync(stoppingToken);
            if (journey is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("releasemove.journey", ActivityKind.Consumer);
            activity?.SetTag("releasemove.journey.id", journey.JourneyId); // clean precision-names
            activity?.SetTag("releasemove.licence.id", journey.LicenceId); // clean precision-names
            activity?.SetTag("releasemove.vehicle.id", journey.VehicleId); // clean precision-names
            activity?.SetTag("releasemove.seats", journey.Seats); // clean precision-about
            activity?.SetTag("releasemove.driver", journey.DriverStaffId); // leak TC1001 direct
            activity?.SetTag("releasemove.driver.team", journey.DriverStaffId[..2]); // clean precision-about

            var licence = await register.LicenceAsync(journey.LicenceId, stoppingToken);
            if (licence is null)
            {
                logger.LogWarning("No licence {LicenceId} for journey {JourneyId}", journey.LicenceId, journey.JourneyId); // clean precision-names
                continue;
            }

            _current = licence;
            Depart(journey, licence, activity);
        }
    }

    private void Depart(RotlJourney journey, RotlLicence licence, Activity? activity)
    {
        var prisoner = pseudonymizer.PseudonymizeReleasemovePrisonerId(licence.PrisonNumber);
        activity?.SetTag("releasemove.purpose", licence.Purpose); // clean precision-about
        activity?.SetTag("releasemove.hours", (licence.Until - licence.From).TotalHours); // clean precision-about
        activity?.SetTag("releasemove.release_address", licence.ReleaseAddress); // leak TC1001 direct
        activity?.SetTag("releasemove.prisoner.name", licence.PrisonerName); // leak TC1001 direct
        activity?.SetTag("releasemove.prisoner.id", prisoner); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent("rotl.departed", tags: new ActivityTagsCollection { ["licence"] = licence })); // leak TC1001 logging-objects
        activity?.AddEvent(new ActivityEvent("rotl.departed", tags: new ActivityTagsCollection { ["destination"] = journey.Destination, ["depart_at"] = journey.DepartAt })); // clean precision-about

        logger.LogInformation("ROTL departure {@Licence}", licence); // leak TC1001 logging-objects
        logger.LogInformation("ROTL departure {@Licence}", new { licence.LicenceId, licence.Purpose, licence.From, licence.Until }); // clean logging-objects
        logger.LogInformation("ROTL departure {Journey}", journey with { DriverStaffId = "" }); // clean logging-objects
        logger.LogInformation("ROTL departure {Journey}", journey); // leak TC1001 logging-objects
        LogDeparted(logger, licence.LicenceId, licence.PrisonerName, licence.ReleaseAddress); // clean precision-names
        LogDepartedForGate(logger, licence.LicenceId, licence.PrisonNumber); // leak TC1001 direct

        using var span = Source.StartReleasemoveOperation(options.EstablishmentCode)
            .SetReleasemovePrisonerId(prisoner) // clean generated-api
            .SetReleasemoveKind("rotl") // clean generated-api
            .SetReleasemoveItems(journey.Seats); // clean generated-api
        span.SetReleasemoveNote($"{licence.Purpose} until {licence.Until:HH:mm}"); // clean generated-api
        span.SetReleasemoveNote($"to {licence.ReleaseAddress}"); // leak TC1001 generated-api
        span.SetReleasemovePrisonerId(pseudonymizer.Pseudonymize("prisoner", licence.PrisonNumber)); // clean precision-pseudonym
        span.SetReleasemoveOutcome("departed"); // clean generated-api

        _departures.Add(1, new KeyValuePair<string, object?>("purpose", licence.Purpose)); // clean precision-about
        _departures.Add(1, new KeyValuePair<string, object?>("prisoner", prisoner)); // leak TC1003 precision-pseudonym
        _departures.Add(1, new KeyValuePair<string, object?>("vehicle", journey.VehicleId)); // clean precision-names
        meter.CreateReleasemoveOperationsCounter().Add(1, options.EstablishmentCode, "departed"); // clean generated-api
        meter.CreateReleasemoveOperationsCounter().Add(1, options.EstablishmentCode, licence.PrisonerName); // leak TC1003 generated-api
    }

    public async Task ReturnedAsync(string licenceId, DateTime returnedAt, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("releasemove.return");
        var lateMinutes = _current is null ? 0 : Math.Max(0, (returnedAt - _current.Until).TotalMinutes);
        activity?.SetTag("releasemove.late_minutes", lateMinutes); // clean precision-about
        activity?.SetTag("releasemove.current.licence", _current?.LicenceId); // clean cross-member
        activity?.SetTag("releasemove.current.prisoner", _current?.PrisonNumber); // leak TC1001 cross-member
        logger.LogInformation("Returned: {Who}", $"{_current?.PrisonerName} ({_current?.Purpose})"); // leak TC1001 cross-member
        _lateness.Record(lateMinutes, new KeyValuePair<string, object?>("establishment", options.EstablishmentCode)); // clean precision-names
        await register.RecordReturnAsync(licenceId, returnedAt, cancellationToken);
    }

    public async Task FitTagAsync(string orderId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("releasemove.tag_fit");
        activity?.SetTag("releasemove.tag.order", orderId); // clean precision-names
        try
        {
            var installation = await monitoring.OrderAsync(orderId, cancellationToken) ?? throw new SupplierUnavailableException(options.SupplierName, 404);
            activity?.SetTag("releasemove.tag.serial", installation.TagSerial); // leak TC1001 direct
            activity?.SetTag("releasemove.tag.model", installation.TagSerial[..3]); // clean precision-about
            activity?.SetTag("releasemove.tag.postcode_district", installation.Postcode.Split(' ')[0]); // clean precision-about
            logger.LogInformation("Tag fitted {Installation}", installation); // leak TC1001 logging-objects
            var tagKey = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(installation.TagSerial)));
            activity?.SetTag("releasemove.tag.key", tagKey); // leak TC1002 hashes
            var tagShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(installation.TagSerial))[0] % 16;
            _departures.Add(1, new KeyValuePair<string, object?>("tag_shard", tagShard)); // clean hashes
            if (installation.TagSerial.Length == 0)
            {
                throw new TagNotFittedException(installation.TagSerial);
            }
        }
        catch (TagNotFittedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogReleasemoveOperationFailedEvent(options.EstablishmentCode, "failed", default, ex.GetType().Name); // clean exceptions
        }
        catch (SupplierUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Monitoring supplier failed for order {OrderId}", orderId); // clean exceptions
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Licence {LicenceId} departed: {PrisonerName} to {ReleaseAddress}")]
    private static partial void LogDeparted(ILogger logger, string licenceId, [PrivateData] string prisonerName, [PrivateData] string releaseAddress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Licence {LicenceId} departed at the gate: {PrisonNumber}")]
    private static partial void LogDepartedForGate(ILogger logger, string licenceId, string prisonNumber);
}

public static class VisitorShuttleEndpoints
{
    private static readonly ActivitySource Source = new("PrivacyHoldout189.Transport.Shuttle");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/transport/shuttle", Book);

    private static ActionResult Book(ShuttleBooking booking, ShuttleRun run, Pseudonymizer pseudonymizer, ILogger<ShuttleRun> logger)
    {
        using var activity = Source.StartActivity("releasemove.shuttle.book");
        activity?.SetTag("releasemove.shuttle.booking_ref", booking.BookingRef); // clean precision-names
        activity?.SetTag("releasemove.shuttle.visit_reference", booking.VisitReference); // clean precision-names
        activity?.SetTag("releasemove.shuttle.station", booking.Station); // clean precision-names
        activity?.SetTag("releasemove.shuttle.passengers", booking.Passengers); // clean precision-about
        activity?.SetTag("releasemove.shuttle.wheelchair", booking.WheelchairSpace); // clean precision-about
        activity?.SetTag("releasemove.shuttle.visitor", booking.VisitorName); // leak TC1001 direct
        activity?.SetTag("releasemove.shuttle.visitor_mobile", booking.VisitorMobile); // leak TC1001 direct
        activity?.SetTag(ReleasemoveAttributes.Contact, booking.VisitorMobile); // leak TC1001 generated-api
        logger.LogInformation("Shuttle run {@Run}", run); // clean logging-objects
        logger.LogInformation("Shuttle booking {Booking}", booking with { VisitorMobile = booking.VisitorMobile[..3] }); // leak TC1001 logging-objects
        logger.LogInformation("Shuttle " + booking.BookingRef + " for " + booking.VisitorName); // leak TC1001 strings
        logger.LogInformation(string.Concat("Shuttle ", run.RunId, " has ", (run.Capacity - run.SeatsBooked).ToString(), " seats")); // clean strings
        var visitorKey = booking.VisitorMobile.GetHashCode().ToString("x8");
        logger.LogInformation("Shuttle visitor key {Key}", visitorKey); // leak TC1002 hashes
        return new OkResult(booking.BookingRef);
    }
}

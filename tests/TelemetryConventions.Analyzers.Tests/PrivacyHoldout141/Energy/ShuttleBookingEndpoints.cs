namespace PrivacyHoldout141.Energy;

/// <summary>
/// The site app's shuttle booking: staff and contractors book a seat from a car park to the gatehouse or the
/// turbine hall, within the areas their induction covers. During an outage, contractors' seats are booked in
/// bulk by their employer's coordinator.
/// </summary>
public static class ShuttleBookingEndpoints
{
    private static string? s_lastRefusedWorker;

    public static EndpointRoutes MapShuttleBookings(this EndpointRoutes routes)
    {
        routes.MapPost("/site/shuttles/bookings", BookAsync);
        routes.MapGet("/site/shuttles/refusals/last", LastRefusal);
        return routes;
    }

    private static async Task<ActionResult> BookAsync(
        ShuttleBooking booking,
        string site,
        ISiteAccessClient access,
        IShuttleScheduler scheduler,
        Pseudonymizer pseudonymizer,
        Meter meter,
        ILogger<ShuttleBooking> logger)
    {
        var span = Activity.Current.EnrichSiteshuttleOperation(site); // clean generated-api
        span.SetSiteshuttleWorkerId(pseudonymizer.PseudonymizeSiteshuttleWorkerId(booking.WorkerNumber)); // clean generated-api
        span.SetSiteshuttleStop(booking.FromStop);
        span.SetSiteshuttleSeatCount(booking.Seats);
        span.Activity?.SetTag("siteshuttle.employer", booking.Employer); // clean precision-names
        span.Activity?.SetTag("siteshuttle.worker.number", booking.WorkerNumber); // leak TC1001 direct
        logger.LogInformation("Shuttle booking {Booking}", booking); // leak TC1001 logging-objects

        if (!await access.IsInductedAsync(booking.WorkerNumber, booking.ToStop))
        {
            s_lastRefusedWorker = booking.WorkerName;
            span.SetSiteshuttleOutcome("not-inducted");
            logger.LogWarning("{Worker} of {Employer} is not inducted for {Area}", booking.WorkerName, booking.Employer, booking.ToStop); // leak TC1001 direct
            meter.CreateSiteshuttleBoardingsCounter().Add(1, site, "not-inducted");
            return new BadRequestResult("not inducted");
        }

        var run = await scheduler.NextRunAsync(booking.FromStop, booking.ToStop, booking.Departure);
        if (run is null)
        {
            return new NotFoundResult("no run");
        }

        try
        {
            await scheduler.ReserveAsync(run.RunId, booking);
            span.SetSiteshuttleShuttle(run.ShuttleFleetNumber); // clean generated-api
            span.Activity?.SetTag("siteshuttle.shuttle.registration", run.ShuttleRegistration); // clean precision-about
            logger.LogInformation("Reserved on {@Run}", run); // clean logging-objects

            if (booking.AccessibilityNote is { Length: > 0 } note)
            {
                span.SetSiteshuttleNote($"Accessibility: {note}"); // leak TC1001 generated-api
                span.Activity?.SetTag("siteshuttle.accessibility.requested", true);
            }

            meter.CreateSiteshuttleBoardingsCounter().Add(1, site, "booked");
            return new OkResult(run.RunId);
        }
        catch (ShuttleFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogSiteshuttleBoardingFailedEvent(site, "full", pseudonymizer.PseudonymizeSiteshuttleWorkerId(booking.WorkerNumber), ex.Message); // clean exceptions
            return new BadRequestResult(ex.RunId);
        }
    }

    private static ActionResult LastRefusal(ILogger<ShuttleBooking> logger)
    {
        logger.LogInformation("Last refused worker: {Worker}", s_lastRefusedWorker ?? "none"); // leak TC1001 cross-member
        return new OkResult(s_lastRefusedWorker is not null);
    }
}

namespace PrivacyHoldout144.Transport;

/// <summary>What the museum app posts to book a heritage ride.</summary>
public sealed record RideBookingForm(string DepartureId, string LeadName, string Email, int Riders, string? MembershipNumber, bool WheelchairSpace);

/// <summary>The category for log messages of the museum app's endpoints.</summary>
public sealed class MuseumAppLog;

/// <summary>
/// The transport museum's app: visitors book rides on the heritage tramway and the vintage bus circuit, members ride
/// free, and the audio guide reports each session from the visitor's phone or a museum handset.
/// </summary>
public static class HeritageRideEndpoints
{
    public static EndpointRoutes MapMuseumApp(this EndpointRoutes routes) =>
        routes.MapPost("/rides/bookings", BookAsync)
            .MapPost("/rides/bookings/{bookingId}/boarding", BoardAsync)
            .MapPost("/guide/sessions", GuideSessionAsync)
            .MapPost("/guide/handset-plays", HandsetPlay);

    internal static async Task<object> BookAsync(
        RideBookingForm form,
        IRideDesk desk,
        IMembershipStore memberships,
        Pseudonymizer pseudonymizer,
        Meter meter,
        ILogger<MuseumAppLog> logger,
        CancellationToken cancellationToken)
    {
        var departure = await desk.DepartureAsync(form.DepartureId, cancellationToken);
        Activity.Current.EnrichTransitmuseumOperation(departure.Line).SetTransitmuseumVehicle(departure.Vehicle).SetTransitmuseumRiderCount(form.Riders); // clean generated-api
        Activity.Current?.SetTag("transitmuseum.departure.id", departure.DepartureId); // clean precision-names
        Activity.Current?.SetTag("transitmuseum.wheelchair_space", form.WheelchairSpace); // clean precision-about
        Activity.Current?.SetTag("transitmuseum.lead.name", form.LeadName); // leak TC1001 direct

        if (form.MembershipNumber is { } number && await memberships.FindAsync(number, cancellationToken) is { } membership)
        {
            Activity.Current.EnrichTransitmuseumOperation(departure.Line).SetTransitmuseumMemberId(pseudonymizer.PseudonymizeTransitmuseumMemberId(number)); // clean precision-pseudonym
            var tier = await memberships.TierAsync(membership.Tier, cancellationToken);
            logger.LogInformation("Member tier {Tier}", tier); // clean logging-objects
            Activity.Current?.SetTag("transitmuseum.member_tier", membership.Tier); // clean precision-names
        }

        try
        {
            var booking = await desk.BookAsync(form.DepartureId, form.LeadName, form.Email, form.Riders, form.MembershipNumber, form.WheelchairSpace, cancellationToken);
            logger.LogInformation("Ride booked {Booking}", booking); // leak TC1001 logging-objects
            meter.CreateTransitmuseumRidesCounter().Add(form.Riders, departure.Line, transitmuseumOutcome: "booked"); // clean generated-api
            Activity.Current?.SetTag("transitmuseum.seats_left", departure.Seats - departure.Booked - form.Riders); // clean precision-about
            return booking.BookingId;
        }
        catch (DepartureFullException ex)
        {
            logger.LogInformation(ex, "Departure full"); // clean exceptions
            Activity.Current?.SetTag("transitmuseum.full.departure", ex.DepartureId); // clean exceptions
            return new BadRequestResult("full");
        }
        catch (VehicleWithdrawnException ex)
        {
            logger.LogTransitmuseumOperationFailedEvent(departure.Line, ex.ReasonCode, transitmuseumNote: $"{departure.Vehicle} withdrawn; tell {form.Email}"); // leak TC1001 generated-api
            return new BadRequestResult("withdrawn");
        }
    }

    internal static async Task<object> BoardAsync(string bookingId, int boarded, IRideDesk desk, ILogger<MuseumAppLog> logger, CancellationToken cancellationToken)
    {
        var boarding = await desk.BoardAsync(bookingId, boarded, cancellationToken);
        logger.LogInformation("Boarding {Boarding}", boarding); // clean logging-objects
        return boarding.Boarded;
    }

    internal static object GuideSessionAsync(AudioGuideSession session, TelemetrySecrets secrets, ILogger<MuseumAppLog> logger)
    {
        Activity.Current?.SetTag("transitmuseum.guide.install", session.AppInstallId); // leak TC1001 direct
        Activity.Current?.SetTag("transitmuseum.guide.tour", session.Tour); // clean precision-about
        Activity.Current?.SetTag("transitmuseum.guide.language", session.Language); // clean precision-about
        logger.LogInformation("Guide session {Session}", session); // leak TC1001 logging-objects

        var cohort = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(session.AppInstallId))[0] % 10;
        Activity.Current?.SetTag("transitmuseum.guide.cohort", cohort); // clean hashes
        return session.SessionId;
    }

    internal static object HandsetPlay(AudioGuidePlay play, ILogger<MuseumAppLog> logger)
    {
        Activity.Current?.SetTag("transitmuseum.guide.handset", play.HandsetTag); // clean precision-names
        logger.LogInformation("Handset play {Play}", play); // clean logging-objects
        return play.StopNumber;
    }
}

namespace PrivacyHoldout214.Transport;

public sealed record RideRequest(string MemberNumber, string MemberName, string Mobile, string HomeAddress, string Postcode, double HomeLatitude, double HomeLongitude, string HospitalCode, DateTimeOffset AppointmentAt, string MobilityCode, EscortDetails? Escort);

public sealed record RideAllocation(Guid RideId, string VehicleFleetNumber, string DepotCode, int SeatsLeft, bool WheelchairSpace);

/// <summary>A community transport operator's dial-a-ride to hospital: members book, volunteers and minibuses carry them.</summary>
public static class DialARideApi
{
    private static readonly ActivitySource Source = new("PrivacyHoldout214.Transport.DialARide");
    private static string? s_lastMemberMobile;

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/rides", BookRide);
        routes.MapGet("/rides/last-contact", LastContact);
    }

    internal static async Task<ActionResult> BookRide(RideRequest request, ITransportStore store, IDriverRegistry drivers, Pseudonymizer pseudonymizer, TransportOptions options, ILogger<RideRequest> logger, Meter meter, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("dar.ride.book");
        activity?.SetTag("dar.member.number", request.MemberNumber); // leak TC1001 direct
        activity?.SetTag("dar.member.name", request.MemberName); // leak TC1001 direct
        activity?.SetTag("dar.member.ref", pseudonymizer.PseudonymizeCarelinkClientId(request.MemberNumber)); // clean precision-pseudonym
        activity?.SetTag("dar.home.lat", request.HomeLatitude); // leak TC1001 direct
        activity?.SetTag("dar.home.lon", request.HomeLongitude); // leak TC1001 direct
        activity?.SetTag("dar.home.lat_grid", Math.Round(request.HomeLatitude, 1)); // clean precision-about
        activity?.SetTag("dar.home.district", request.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("dar.hospital", request.HospitalCode); // clean precision-names
        activity?.SetTag("dar.mobility", request.MobilityCode); // clean precision-about
        activity?.SetTag("dar.escort.name", request.Escort?.EscortName); // leak TC1001 direct
        activity?.SetTag("dar.escort.travelling", request.Escort is not null); // clean precision-about
        activity?.SetTag("dar.member_count", 1); // clean precision-names
        activity?.SetTag("dar.member_type", "concession"); // clean precision-names
        Activity.Current?.SetBaggage("dar.member", request.MemberNumber); // leak TC1001 direct
        s_lastMemberMobile = request.Mobile;

        var available = await drivers.AvailableAsync(options.DepotCode, request.AppointmentAt, cancellationToken);
        var driver = available.FirstOrDefault();
        if (driver is null)
        {
            var ex = new NoVehicleAvailableException(request.HospitalCode, request.AppointmentAt);
            activity?.AddException(ex); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogCarelinkOperationFailedEvent(options.DepotCode, "no-vehicle"); // clean generated-api
            return new BadRequestResult(ex.Message);
        }

        var allocation = new RideAllocation(Guid.NewGuid(), "MB-14", driver.DepotCode, driver.SeatsFree - 1, request.MobilityCode == "wheelchair");
        logger.LogInformation("Ride allocated {@Allocation}", allocation); // clean logging-objects
        logger.LogInformation("Ride allocated to {Driver}", driver); // leak TC1001 logging-objects
        logger.LogInformation("Ride allocated to {DriverName} in {Registration}", driver.FullName, driver.VehicleRegistration); // leak TC1001 direct
        logger.LogInformation("Ride allocated from depot {Depot}, {Seats} seats left", allocation.DepotCode, allocation.SeatsLeft); // clean precision-about
        logger.LogInformation("Ride request {@Request}", request with { Mobile = "", HomeAddress = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Ride for {Details}", string.Concat(request.MemberName, " / ", request.HospitalCode)); // leak TC1001 strings
        logger.LogInformation("Ride for {Details}", string.Concat(request.HospitalCode, " / ", request.MobilityCode)); // clean strings

        var booking = new TransportBooking(allocation.RideId, request.MemberNumber, request.HomeAddress, request.Postcode, request.AppointmentAt.AddHours(-1), request.HospitalCode, request.MobilityCode, request.Escort is not null);
        await store.SaveBookingAsync(booking, cancellationToken);

        using var span = Source.StartCarelinkOperation(allocation.DepotCode); // clean generated-api
        span.SetCarelinkClientId(pseudonymizer.PseudonymizeCarelinkClientId(request.MemberNumber)); // clean generated-api
        span.SetCarelinkMode("minibus"); // clean generated-api
        span.SetCarelinkMinutes(40); // clean generated-api
        span.SetCarelinkNote(request.HomeAddress); // leak TC1001 generated-api
        span.SetCarelinkNote($"{allocation.SeatsLeft} seats left on {allocation.VehicleFleetNumber}"); // clean generated-api
        span.SetCarelinkClientId(pseudonymizer.PseudonymizeCarelinkClientId(request.MemberNumber)).SetCarelinkOutcome("booked"); // clean generated-api
        logger.LogCarelinkOperationFailedEvent(allocation.DepotCode, "late", carelinkNote: request.Escort?.EscortMobile); // leak TC1001 generated-api
        meter.CreateCarelinkOperationsCounter().Add(1, allocation.DepotCode); // clean generated-api
        meter.CreateCarelinkOperationDurationHistogram().Record(2.5, allocation.DepotCode); // clean generated-api
        meter.CreateCounter<long>("dar.rides").Add(1, new KeyValuePair<string, object?>("member", pseudonymizer.ComputeCarelinkClientId(request.MemberNumber))); // leak TC1003 precision-pseudonym
        meter.CreateCounter<long>("dar.rides.by_vehicle").Add(1, new KeyValuePair<string, object?>("vehicle", allocation.VehicleFleetNumber)); // clean precision-about
        return new OkResult(allocation);
    }

    internal static ActionResult LastContact(ILogger<RideRequest> logger)
    {
        logger.LogInformation("Last member contact {Mobile}", s_lastMemberMobile); // leak TC1001 cross-member
        logger.LogInformation("Last member contact known {Known}", s_lastMemberMobile is not null); // clean cross-member
        return new OkResult(null);
    }
}

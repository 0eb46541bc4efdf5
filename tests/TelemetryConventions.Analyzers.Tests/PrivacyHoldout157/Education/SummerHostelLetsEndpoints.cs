namespace PrivacyHoldout157.Education;

/// <summary>A summer guest's booking of a hall bed let as a hostel bed. Prints email, name, passport number, hall and nights.</summary>
public sealed record SummerBedRequest(string Email, string GuestName, string PassportNumber, string Hall, DateOnly Arrival, int Nights);

public interface IHallBeds
{
    Task<BedAssignment?> AssignAsync(string hall, string guestName, string passportNumber, DateOnly arrival, int nights, CancellationToken cancellationToken = default);

    Task<DormOccupancy> OccupancyAsync(string hall, string dorm, CancellationToken cancellationToken = default);

    Task<Wristband> IssueWristbandAsync(BedAssignment bed, CancellationToken cancellationToken = default);
}

/// <summary>The minimal API of the university's summer hostel: halls let by the bed while students are away.</summary>
public static class SummerHostelLetsEndpoints
{
    private static readonly ActivitySource Source = new("Campus.SummerLets");
    private static readonly Meter Meter = new("Campus.SummerLets");
    private static readonly Counter<long> Wristbands = Meter.CreateCounter<long>("summerlets.wristbands");

    public static EndpointRoutes MapSummerLets(this EndpointRoutes routes)
    {
        routes.MapPost("/summer/beds", BookBedAsync);
        routes.MapGet("/summer/halls/{hall}/dorms/{dorm}", OccupancyAsync);
        routes.MapPost("/summer/doors/{door}/refused", DoorRefused);
        return routes;
    }

    private static async Task<ActionResult> BookBedAsync(SummerBedRequest request, IHallBeds beds, IGuestDirectory guests, Pseudonymizer pseudonymizer, ILogger<SummerBedRequest> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartHallletsOperation(request.Hall);
        var profile = await guests.FindByEmailAsync(request.Email, cancellationToken);
        if (profile is null)
        {
            var notFound = new GuestNotFoundException(request.Email);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, notFound.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", notFound.GetType().Name); // clean exceptions
            logger.LogInformation("Summer booking from a new guest at {Domain}", request.Email.Split('@')[1]); // clean precision-about
            return NotFoundResultFor(request.Hall);
        }

        Activity.Current?.SetTag("summer.guest", pseudonymizer.ComputeHallletsGuestId(profile.ProfileId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("summer.guest.tier", profile.Tier); // clean precision-about
        Activity.Current?.SetTag("summer.guest.nationality", profile.Nationality); // clean precision-about
        Activity.Current?.SetTag("summer.guest.profile", profile.ProfileId); // leak TC1001 direct
        logger.LogInformation("Summer guest {Guest} books {Nights} nights", profile, request.Nights); // leak TC1001 logging-objects

        var bed = await beds.AssignAsync(request.Hall, request.GuestName, request.PassportNumber, request.Arrival, request.Nights, cancellationToken);
        if (bed is null)
        {
            logger.LogWarning(new DormFullException(request.Hall, request.Arrival), "No bed in {Hall}", request.Hall); // clean exceptions
            return new BadRequestResult("Hall full");
        }

        Activity.Current?.SetTag("summer.dorm", bed.Dorm); // clean direct
        Activity.Current?.SetTag("summer.bed_number", bed.Bed); // clean precision-names
        logger.LogInformation("Bed assigned: {Bed}", bed); // leak TC1001 logging-objects
        logger.LogInformation("Bed assigned in {Dorm}, passport scanned {Scanned}", bed.Dorm, !string.IsNullOrWhiteSpace(request.PassportNumber)); // clean precision-about

        var band = await beds.IssueWristbandAsync(bed, cancellationToken);
        Wristbands.Add(1, new KeyValuePair<string, object?>("dorm", band.Dorm)); // clean direct
        Wristbands.Add(1, new KeyValuePair<string, object?>("wristband", band.Uid)); // leak TC1003 direct
        return new OkResult(bed.Dorm);
    }

    private static async Task<ActionResult> OccupancyAsync(string hall, string dorm, IHallBeds beds, CancellationToken cancellationToken)
    {
        var occupancy = await beds.OccupancyAsync(hall, dorm, cancellationToken);
        Activity.Current?.SetTag("summer.occupancy", occupancy.ToString()); // clean logging-objects
        return new OkResult(occupancy);
    }

    private static ActionResult DoorRefused(string door, string uid, ILogger<SummerBedRequest> logger)
    {
        var refused = new WristbandRefusedException(uid, door);
        logger.LogWarning("Door refused a wristband: {Message}", refused.Message); // leak TC1001 exceptions
        logger.LogWarning("Door {Door} refused a wristband ({Length} characters)", door, uid.Length); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("summer.door.refused", tags: new ActivityTagsCollection { ["door"] = door, ["wristband.uid"] = uid })); // leak TC1001 direct
        return new BadRequestResult("Refused");
    }

    private static ActionResult NotFoundResultFor(string hall) => new NotFoundResult($"No profile; book through {hall} reception");
}

namespace PrivacyHoldout212.Education;

/// <summary>A parent booking a place at a nursery's car seat safety workshop.</summary>
public sealed record WorkshopBooking(string BookingId, string NurseryCode, string ParentId, string ParentName, string ParentEmail, string ChildName, int ChildAgeMonths, string SeatModel);

/// <summary>A workshop as the timetable holds it: no person.</summary>
public sealed record Workshop(string WorkshopId, string NurseryCode, DateTime StartsAt, int Places, int Booked);

/// <summary>A nursery group's minimal API for car seat workshops and lost-property baby products.</summary>
public static partial class WorkshopEndpoints
{
    private static readonly ActivitySource Source = new("Nurserysafe.Workshops");
    private static readonly Meter Meter = new("Nurserysafe.Workshops");
    private static readonly Counter<int> Bookings = Meter.CreateCounter<int>("nurserysafe.workshop.bookings");

    public static void Map(EndpointRoutes routes, Pseudonymizer pseudonymizer, ILogger logger, TelemetrySecrets secrets)
    {
        routes.MapPost("/workshops/book", (WorkshopBooking booking) => Book(booking, pseudonymizer, logger, secrets));
        routes.MapGet("/workshops/{id}", (Workshop workshop) => Describe(workshop, logger));
    }

    private static string Book(WorkshopBooking booking, Pseudonymizer pseudonymizer, ILogger logger, TelemetrySecrets secrets)
    {
        using var op = Source.StartNurserysafeOperation(booking.NurseryCode);
        op.SetNurserysafeKind("workshop"); // clean generated-api
        op.SetNurserysafeClientId(pseudonymizer.PseudonymizeNurserysafeClientId(booking.ParentId)); // clean generated-api
        op.SetNurserysafeItems(1); // clean generated-api
        op.SetNurserysafeNote(booking.ParentEmail); // leak TC1001 generated-api
        op.SetNurserysafeProduct(booking.SeatModel); // clean generated-api
        op.SetNurserysafeOutcome(booking.ChildName); // leak TC1001 generated-api
        Activity.Current?.SetTag("workshop.booking.id", booking.BookingId); // clean precision-names
        Activity.Current?.SetTag("workshop.parent.id", booking.ParentId); // leak TC1001 direct
        Activity.Current?.SetTag("workshop.parent.email", booking.ParentEmail); // leak TC1001 direct
        Activity.Current?.SetTag("workshop.child.name", booking.ChildName); // leak TC1001 direct
        Activity.Current?.SetTag("workshop.child.age.months", booking.ChildAgeMonths); // clean precision-about
        Activity.Current?.SetTag("workshop.parentEmailTemplate", "workshop-confirmation-v2"); // clean precision-names
        Activity.Current?.SetTag("workshop.nursery", booking.NurseryCode); // clean precision-about
        logger.LogInformation("Workshop booking {BookingId} at {Nursery} for {ParentPseudonym}", booking.BookingId, booking.NurseryCode, pseudonymizer.ComputeNurserysafeClientId(booking.ParentId)); // clean precision-pseudonym
        logger.LogInformation("Workshop booking {BookingId} for {ParentName}", booking.BookingId, booking.ParentName); // leak TC1001 direct
        logger.LogInformation("Workshop booking {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Workshop booking {Booking}", new { booking.BookingId, booking.NurseryCode, booking.SeatModel }); // clean logging-objects
        logger.LogInformation("Workshop booking {Booking}", new { booking.BookingId, Child = booking.ChildName }); // leak TC1001 logging-objects
        Bookings.Add(1, new KeyValuePair<string, object?>("nursery", booking.NurseryCode)); // clean precision-about
        Bookings.Add(1, new KeyValuePair<string, object?>("parent", booking.ParentId)); // leak TC1003 direct
        Bookings.Add(1, new KeyValuePair<string, object?>("parent", pseudonymizer.ComputeNurserysafeClientId(booking.ParentId))); // leak TC1003 precision-pseudonym
        var confirmation = string.Concat("booking ", booking.BookingId, " for ", booking.ParentEmail);
        logger.LogDebug("Confirmation {Text}", confirmation); // leak TC1001 strings
        var label = string.Join(" · ", booking.NurseryCode, booking.SeatModel, booking.ChildAgeMonths.ToString(CultureInfo.InvariantCulture));
        logger.LogDebug("Label {Label}", label); // clean strings
        var parentKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(booking.ParentEmail)));
        Activity.Current?.SetTag("workshop.parent.key", parentKey); // leak TC1002 hashes
        var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(booking.ParentId))[0] % 8;
        logger.LogDebug("Bucket {Bucket}", bucket); // clean hashes
        LogBooked(logger, booking.BookingId, booking.ParentName); // clean logging-objects
        LogBookedWithEmail(logger, booking.BookingId, booking.ParentEmail); // leak TC1001 logging-objects
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Nursery"] = booking.NurseryCode, ["Booking"] = booking.BookingId }); // clean logging-objects
        using var scope2 = logger.BeginScope(new Dictionary<string, object> { ["Parent"] = booking.ParentName }); // leak TC1001 logging-objects
        try
        {
            if (booking.ChildAgeMonths > 48)
            {
                throw new InvalidOperationException($"Child {booking.ChildName} is too old for the infant workshop");
            }
        }
        catch (InvalidOperationException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogNurserysafeOperationFailedEvent(booking.NurseryCode, "too-old", nurserysafeNote: "child outside age range"); // clean generated-api
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "child outside age range"); // clean exceptions
        }

        return booking.BookingId;
    }

    private static string Describe(Workshop workshop, ILogger logger)
    {
        logger.LogInformation("Workshop {@Workshop}", workshop); // clean logging-objects
        Activity.Current?.SetTag("workshop.places.left", workshop.Places - workshop.Booked); // clean precision-about
        Activity.Current?.SetTag("workshop.id", workshop.WorkshopId); // clean precision-names
        try
        {
            if (workshop.Booked >= workshop.Places)
            {
                throw new FittingSlotTakenException(workshop.WorkshopId, workshop.NurseryCode);
            }
        }
        catch (FittingSlotTakenException ex)
        {
            logger.LogWarning(ex, "Workshop full"); // clean exceptions
            Activity.Current?.AddException(ex); // clean exceptions
        }

        return workshop.WorkshopId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {BookingId} booked by {ParentName}")]
    private static partial void LogBooked(ILogger logger, string bookingId, [PrivateData] string parentName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {BookingId} confirmation to {ParentEmail}")]
    private static partial void LogBookedWithEmail(ILogger logger, string bookingId, string parentEmail);
}

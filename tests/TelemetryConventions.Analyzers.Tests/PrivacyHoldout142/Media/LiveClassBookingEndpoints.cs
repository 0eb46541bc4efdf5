namespace PrivacyHoldout142.Media;

/// <summary>A viewer's booking of a live class from the TV or phone app. Prints subscriber id, profile id, profile name and class id.</summary>
public sealed record LiveClassBookingRequest(Guid SubscriberId, string ProfileId, string ProfileName, string ClassId);

/// <summary>The fitness add-on's booking API for live classes, and the waitlist the studio producer sees.</summary>
public static class LiveClassBookingEndpoints
{
    public static EndpointRoutes MapLiveClasses(this EndpointRoutes routes) =>
        routes.MapPost("/fitness/live/bookings", BookAsync).MapGet("/fitness/live/{classId}/waitlist", WaitlistAsync);

    internal static async Task<ActionResult> BookAsync(LiveClassBookingRequest request, HttpContextInfo http, IBookingEngine bookings, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<LiveClassBookingRequest> logger, CancellationToken cancellationToken)
    {
        using var span = source.StartStreamfitOperation("live-hiit");
        span.SetStreamfitSubscriberId(pseudonymizer.PseudonymizeStreamfitSubscriberId(request.SubscriberId.ToString())).SetStreamfitClassId(request.ClassId); // clean generated-api
        Activity.Current?.SetTag("http.request.header.x_profile_id", http.RequestHeaders.TryGetValue("X-Profile-Id", out var profile) ? profile : null); // leak TC1001 direct
        logger.LogInformation("Booking live class for profile {ProfileName}", request.ProfileName); // leak TC1001 direct

        var fitnessClass = await bookings.GetClassAsync(request.ClassId, cancellationToken);
        logger.LogInformation("Live class {Class}", fitnessClass); // clean logging-objects
        var instructor = await bookings.InstructorAsync(request.ClassId, cancellationToken);
        span.SetStreamfitInstructorId(pseudonymizer.PseudonymizeStreamfitInstructorId(instructor.StaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("streamfit.instructor.email", instructor.Email); // leak TC1001 direct
        try
        {
            var booking = await bookings.BookAsync(request.ClassId, request.SubscriberId.ToString(), cancellationToken);
            span.SetStreamfitParticipantCount(fitnessClass.Booked + 1).SetStreamfitOutcome("booked"); // clean generated-api
            meter.CreateStreamfitBookingsCounter().Add(1, streamfitProgramme: "live-hiit", streamfitOutcome: "booked"); // clean generated-api
            return new OkResult(booking.BookingId);
        }
        catch (ClassFullException ex)
        {
            var entry = await bookings.JoinWaitlistAsync(request.ClassId, request.SubscriberId.ToString(), cancellationToken);
            logger.LogInformation(ex, "Live class full, waitlist position {Position}", entry.Position); // clean exceptions
            meter.CreateStreamfitBookingsCounter().Add(1, streamfitProgramme: "live-hiit", streamfitOutcome: "waitlisted"); // clean generated-api
            return new OkResult(entry.Position);
        }
    }

    internal static async Task<ActionResult> WaitlistAsync(string classId, IBookingEngine bookings, Pseudonymizer pseudonymizer, ILogger<LiveClassBookingRequest> logger, CancellationToken cancellationToken)
    {
        var waitlist = await bookings.WaitlistAsync(classId, cancellationToken);
        var refs = waitlist.Select(w => pseudonymizer.ComputeStreamfitSubscriberId(w.MembershipNumber)).ToArray();
        logger.LogInformation("Waitlist for {ClassId}: {Refs}", classId, refs); // clean precision-pseudonym
        logger.LogInformation("Waitlist for {ClassId}: {Count} waiting, oldest since {Oldest}", classId, waitlist.Count, waitlist.MinBy(w => w.JoinedAt)?.JoinedAt); // clean precision-about
        var positions = waitlist.ToDictionary(w => w.MembershipNumber, w => w.Position);
        logger.LogDebug("Waitlist positions {Positions}", positions); // leak TC1001 logging-objects
        return new OkResult(refs.Length);
    }
}

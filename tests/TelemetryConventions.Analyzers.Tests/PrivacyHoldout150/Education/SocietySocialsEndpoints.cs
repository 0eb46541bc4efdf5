namespace PrivacyHoldout150.Education;

public interface ISocialsStore
{
    Task<SocietySocial?> FindAsync(string eventId, CancellationToken cancellationToken = default);

    Task<int> RsvpCountAsync(string eventId, CancellationToken cancellationToken = default);

    Task SaveAsync(SocialRsvp rsvp, CancellationToken cancellationToken = default);
}

/// <summary>Society socials discovery: freshers find socials and speed-friending nights and RSVP, with a plus-one.</summary>
public static class SocietySocialsEndpoints
{
    private static readonly ActivitySource Source = new("Campus.Socials");
    private static readonly Meter SocialsMeter = new("Campus.Socials");
    private static readonly Counter<long> Rsvps = SocialsMeter.CreateCounter<long>("campus.socials.rsvps");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/socials/{eventId}/rsvp", RsvpAsync);
        routes.MapGet("/socials/{eventId}", Describe);
    }

    private static async Task<ActionResult> RsvpAsync(string eventId, SocialRsvp rsvp, ISocialsStore store, Pseudonymizer pseudonymizer, Meter meter, ILogger<SocialRsvp> logger)
    {
        using var activity = Source.StartActivity("socials.rsvp");
        activity?.SetTag("socials.event.id", eventId); // clean precision-names
        activity?.SetTag("socials.plus_one", rsvp.PlusOneName is not null); // clean precision-about
        activity?.SetTag("socials.plus_one.name", rsvp.PlusOneName); // leak TC1001 direct
        activity?.SetTag("socials.student", pseudonymizer.PseudonymizeCampusStudentId(rsvp.StudentNumber)); // clean precision-pseudonym
        var social = await store.FindAsync(eventId);
        if (social is null)
        {
            return new NotFoundResult(null);
        }

        var taken = await store.RsvpCountAsync(eventId);
        if (taken >= social.Capacity)
        {
            var full = new SocialFullException(eventId, social.Capacity);
            activity?.SetStatus(ActivityStatusCode.Error, full.Message); // clean exceptions
            logger.LogCampusOperationFailedEvent("uni-leeds", "full", campusNote: full.Message); // clean exceptions
            return new BadRequestResult(full.Message);
        }

        await store.SaveAsync(rsvp);
        logger.LogInformation("RSVP {Rsvp}", rsvp); // leak TC1001 logging-objects
        logger.LogInformation("RSVP to {Social}", social); // clean logging-objects
        logger.LogInformation("RSVP by {DisplayName} to {Title}", rsvp.DisplayName, social.Title); // leak TC1001 direct
        Rsvps.Add(1, new KeyValuePair<string, object?>("socials.society", social.SocietyId)); // clean precision-names
        Rsvps.Add(1, new KeyValuePair<string, object?>("socials.student", rsvp.StudentNumber)); // leak TC1003 direct
        meter.CreateCampusPairingsCounter().Add(1, "uni-leeds", $"rsvp:{rsvp.DisplayName}"); // leak TC1003 generated-api
        meter.CreateCampusPairingsCounter().Add(1, "uni-leeds", taken + 1 == social.Capacity ? "last_place" : "rsvp"); // clean generated-api
        Activity.Current?.SetTag("socials.places_left", social.Capacity - taken - 1); // clean precision-about
        return new OkResult(null);
    }

    private static ActionResult Describe(string eventId, ILogger<SocietySocial> logger)
    {
        logger.LogDebug("Social {EventId} described, route /socials/{{studentNumber}}/rsvps kept for the app", eventId); // clean strings
        Activity.Current?.SetTag("socials.route", "/socials/{eventId}"); // clean strings
        return new OkResult(null);
    }
}

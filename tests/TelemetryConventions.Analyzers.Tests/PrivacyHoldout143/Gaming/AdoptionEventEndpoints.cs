namespace PrivacyHoldout143.Gaming;

/// <summary>What the game's adoption event screen posts when a player applies for an animal.</summary>
public sealed record EventSignup(Guid PlayerId, string Gamertag, string FullName, string Email, string HomePostcode, string Shelter, string AnimalRef, bool HasGarden, int OtherPets);

/// <summary>
/// The pet game's real-world adoption events: players apply in the game for an animal a partner shelter brings to
/// an event, the shelter books a home check, and players check in on the day for an in-game badge.
/// </summary>
public sealed class AdoptionEventEndpoints(
    IShelterPartner shelters,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<AdoptionEventEndpoints> logger)
{
    private readonly Counter<long> _applications = meter.CreateCounter<long>("pawquest.applications", "{application}");

    public void Map(EndpointRoutes routes)
    {
        routes.MapPost("/adoption-events/{eventId}/signups", SignUpAsync);
        routes.MapPost("/adoption-events/{eventId}/checkins", CheckIn);
    }

    public async Task<ActionResult> SignUpAsync(string eventId, EventSignup signup, CancellationToken cancellationToken)
    {
        using var span = source.StartPawquestOperation(signup.Shelter);
        span.SetPawquestPlayerId(pseudonymizer.PseudonymizePawquestPlayerId(signup.PlayerId.ToString())); // clean generated-api
        span.SetPawquestEventId(eventId); // clean precision-names
        Activity.Current?.SetTag("pawquest.player.gamertag", signup.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("pawquest.applicant.other_pets", signup.OtherPets); // clean precision-about

        var application = new AdoptionApplication(signup.PlayerId, signup.Gamertag, signup.FullName, signup.Email, signup.HomePostcode, signup.AnimalRef, signup.HasGarden);
        logger.LogInformation("Application {Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Application for {AnimalRef} at {EventId}, garden {HasGarden}", signup.AnimalRef, eventId, signup.HasGarden); // clean precision-names

        try
        {
            var reference = await shelters.SubmitAsync(application, cancellationToken);
            Activity.Current?.SetTag("pawquest.application.ref", reference); // clean precision-names
            var check = await shelters.BookHomeCheckAsync(application, cancellationToken);
            logger.LogInformation("Home check booked {Check}", check); // leak TC1001 logging-objects
            logger.LogInformation("Home check {CheckId} at {At}", check.CheckId, check.At); // clean precision-names
            _applications.Add(1, new KeyValuePair<string, object?>("event", eventId), new KeyValuePair<string, object?>("player", signup.PlayerId)); // leak TC1003 direct
            span.SetPawquestOutcome("applied");
            return new OkResult(reference);
        }
        catch (EventFullException ex)
        {
            logger.LogInformation(ex, "Adoption event {EventId} is full", ex.EventId); // clean exceptions
            span.SetPawquestOutcome("full");
            return new BadRequestResult("full");
        }
        catch (ApplicantRefusedException ex)
        {
            span.SetPawquestNote(ex.Message); // leak TC1001 generated-api
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return new BadRequestResult("refused");
        }
    }

    public ActionResult CheckIn(string eventId, Guid playerId, string gamertag, int partySize)
    {
        var player = pseudonymizer.ComputePawquestPlayerId(playerId.ToString());
        Activity.Current?.SetBaggage("pawquest.player", player); // clean precision-pseudonym
        Activity.Current?.SetTag("pawquest.checkin.party_size", partySize); // clean precision-about
        logger.LogInformation("{Gamertag} checked in at {EventId}", gamertag, eventId); // leak TC1001 direct
        logger.LogInformation("Checked in {Player} with a party of {PartySize}", player, partySize); // clean precision-pseudonym
        meter.CreatePawquestSignupsCounter().Add(1, pawquestShelter: ShelterOf(eventId), pawquestOutcome: "checked-in"); // clean generated-api
        return new OkResult(null);
    }

    private static string ShelterOf(string eventId) => eventId.Split('-') is [_, _, _, var city, ..] ? $"paws-rescue-{city}" : "unknown";
}

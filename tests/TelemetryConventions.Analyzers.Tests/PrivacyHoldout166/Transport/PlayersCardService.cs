namespace PrivacyHoldout166.Transport;

public interface IBookingLookup
{
    Task<(string LeadName, string Email, DateOnly DateOfBirth)> LeadPassengerAsync(string bookingReference, CancellationToken cancellationToken = default);
}

/// <summary>Issues the onboard casino's players' cards at the purser's desk, after an age and exclusion check.</summary>
public sealed class PlayersCardService(
    IBookingLookup bookings,
    IExclusionRegister exclusions,
    Pseudonymizer pseudonymizer,
    ILogger<PlayersCardService> logger)
{
    private static readonly ActivitySource Source = new("OnboardPlay.Cards");
    private static readonly Meter Meter = new("OnboardPlay.Cards");
    private readonly OnboardplayPlaysCounter _plays = Meter.CreateOnboardplayPlaysCounter();

    public async Task<PlayersCard?> IssueAsync(string vessel, string bookingReference, string cabin, string crewStaffId, CancellationToken cancellationToken)
    {
        using var span = Source.StartOnboardplayOperation(vessel);
        span.SetOnboardplayCrewId(pseudonymizer.PseudonymizeOnboardplayCrewId(crewStaffId)); // clean generated-api
        span.SetOnboardplayVenue("purser-desk"); // clean generated-api
        Activity.Current?.SetTag("onboardplay.booking", bookingReference); // clean precision-names
        Activity.Current?.SetTag("onboardplay.cabin", cabin); // clean precision-names

        var (leadName, email, dateOfBirth) = await bookings.LeadPassengerAsync(bookingReference, cancellationToken);
        var status = await exclusions.CheckAsync(email, dateOfBirth, "", cancellationToken);
        if (status.Code != "N")
        {
            span.SetOnboardplayOutcome("excluded"); // clean generated-api
            _plays.Add(1, vessel, "excluded"); // clean generated-api
            logger.LogInformation("Card refused for {LeadName}, status {Status}", leadName, status.Code); // leak TC1001 direct
            logger.LogInformation("Card refused, status {Status}", status.Code); // clean precision-about
            return null;
        }

        logger.LogInformation("Issuing card for {Booking}: {LeadName}, born {DateOfBirth}", bookingReference, leadName, dateOfBirth); // leak TC1001 direct
        var card = new PlayersCard($"PC{RandomNumberGenerator.GetInt32(10_000_000, 99_999_999)}", bookingReference, leadName, cabin);
        var passenger = pseudonymizer.PseudonymizeOnboardplayPassengerId(card.CardNumber);
        span.SetOnboardplayPassengerId(passenger); // clean generated-api
        span.SetOnboardplayOutcome("issued"); // clean generated-api
        _plays.Add(1, vessel, "issued"); // clean generated-api
        logger.LogInformation("Card issued {Card}", card); // leak TC1001 logging-objects
        logger.LogInformation("Card issued by crew {Crew} to {CardNumber}", crewStaffId, card.CardNumber); // leak TC1001 direct
        logger.LogInformation("Card issued on {Vessel} for cabin {Cabin}", vessel, cabin); // clean precision-names
        Activity.Current?.SetBaggage("onboardplay.card", card.CardNumber); // leak TC1001 direct
        Activity.Current?.SetBaggage("onboardplay.passenger", passenger.Value); // clean precision-pseudonym
        Activity.Current?.SetTag("onboardplay.email", email); // leak TC1001 direct
        return card;
    }
}

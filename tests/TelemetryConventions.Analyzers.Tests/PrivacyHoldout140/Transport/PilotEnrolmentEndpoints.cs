using OpenTelemetry;

namespace PrivacyHoldout140.Transport;

/// <summary>The pilot's sign-up form in the operator's app.</summary>
public sealed record PilotSignup(string PilotCode, string TravelCardNumber, string Email, string Mobile, string HomePostcode, string AgeBand, bool UsesWheelchair, bool ConsentsToLocation);

/// <summary>
/// The fare-capping pilot's enrolment endpoints: registers a rider's travel card to the pilot, records consent to
/// the trip diary's location tracking and randomises the rider to a fare incentive arm.
/// </summary>
public static partial class PilotEnrolmentEndpoints
{
    private static readonly FareIncentiveArm[] Arms =
    [
        new("DRT-NORTH", "cap", 0m),
        new("DRT-NORTH", "cap-plus-credit", 2.50m),
    ];

    public static void Map(EndpointRoutes routes) => routes.MapPost("/pilot/enrol", Enrol);

    private static ActionResult Enrol(PilotSignup signup, ICardRegistry cards, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PilotSignup> logger)
    {
        var activity = Activity.Current;
        var span = activity.EnrichFarepilotOperation(signup.PilotCode);
        span.Activity?.SetTag("farepilot.card.last4", signup.TravelCardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("farepilot.age_band", signup.AgeBand); // clean precision-about
        span.Activity?.SetTag("farepilot.wheelchair", signup.UsesWheelchair); // clean precision-about

        try
        {
            if (!cards.IsRegistered(signup.TravelCardNumber))
            {
                throw new CardNotRegisteredException(signup.TravelCardNumber);
            }
        }
        catch (CardNotRegisteredException ex)
        {
            logger.LogWarning("Enrolment refused: {Error}", ex.Message); // leak TC1001 exceptions
            span.SetFarepilotOutcome("card-not-registered");
            return new BadRequestResult("Register your card first");
        }

        var participantId = $"{signup.PilotCode}-{signup.TravelCardNumber[^6..]}";
        var participant = new PilotParticipant(participantId, signup.TravelCardNumber, signup.Email, signup.HomePostcode);
        span.SetFarepilotParticipantId(pseudonymizer.PseudonymizeFarepilotParticipantId(participantId)); // clean precision-pseudonym
        Baggage.SetBaggage("pilot.participant", participantId); // leak TC1001 direct
        LogEnrolled(logger, participant); // leak TC1001 logging-objects
        LogEnrolledRedacted(logger, signup.TravelCardNumber, signup.PilotCode); // clean logging-objects
        logger.LogInformation("Welcome text queued for {Rider}", Describe(participant)); // leak TC1001 strings

        // Arm by a keyed hash of the card, so a rider who re-enrols lands in the same arm.
        var armIndex = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(signup.TravelCardNumber))[0] % Arms.Length;
        var arm = Arms[armIndex];
        span.SetFarepilotArm(arm.Arm); // clean hashes
        logger.LogInformation("Arm {@Arm}", arm); // clean logging-objects

        if (!signup.ConsentsToLocation)
        {
            span.SetFarepilotNote($"{signup.Email} declined location tracking"); // leak TC1001 generated-api
            activity?.SetTag("farepilot.location_consent", false); // clean precision-about
        }

        activity?.SetTag("farepilot.home.district", signup.HomePostcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("farepilot.home.postcode", signup.HomePostcode); // leak TC1001 direct
        activity?.SetTag(FarepilotAttributes.Contact, signup.Mobile); // leak TC1001 generated-api
        return new OkResult(new { participantId, arm = arm.Arm });
    }

    private static string Describe(PilotParticipant participant) => $"{participant.ParticipantId} ({participant.HomePostcode.Split(' ')[0]})";

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolled {Participant}")]
    private static partial void LogEnrolled(ILogger logger, PilotParticipant participant);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card {Card} enrolled in {Pilot}")]
    private static partial void LogEnrolledRedacted(ILogger logger, [PrivateData] string card, string pilot);
}

/// <summary>The operator's card registry.</summary>
public interface ICardRegistry
{
    bool IsRegistered(string travelCardNumber);
}

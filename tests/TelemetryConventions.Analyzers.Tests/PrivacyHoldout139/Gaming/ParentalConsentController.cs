namespace PrivacyHoldout139.Gaming;

public sealed record ConsentRequest(Guid PupilAccountId, int Age, string ParentEmail, string SchoolUrn);

public sealed record ConsentDecision(Guid PupilAccountId, bool Granted, bool ChatAllowed, string ParentEmail, DateTimeOffset DecidedAt);

/// <summary>Under-13 pupils need a parent's consent before they can play from home or join multiplayer worlds.</summary>
public static class ParentalConsentEndpoints
{
    private static readonly ActivitySource Source = new("Classroom.Consent");
    private static readonly Meter Meter = new("Classroom.Consent");
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("classroom.consent.decisions");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/consent/requests", async (ConsentRequest request, IParentMessenger messenger, Pseudonymizer pseudonymizer, ILogger<ConsentRequest> logger, CancellationToken ct) =>
        {
            using var span = Source.StartClassplayOperation("home-play")
                .SetClassplayPupilId(pseudonymizer.PseudonymizeClassplayPupilId(request.PupilAccountId.ToString())) // clean generated-api
                .SetClassplaySchoolUrn(request.SchoolUrn); // clean precision-names
            span.Activity?.SetTag("consent.pupil.age", request.Age); // clean precision-about
            span.Activity?.SetTag("consent.parent", request.ParentEmail); // leak TC1001 direct
            span.Activity?.SetTag("consent.parent.domain", request.ParentEmail[(request.ParentEmail.LastIndexOf('@') + 1)..]); // clean precision-about
            span.Activity?.SetTag("consent.pupil.account", request.PupilAccountId); // leak TC1001 direct
            try
            {
                await messenger.SendAsync(new ParentMessage("tpl-consent-request", request.ParentEmail, "", "Your child has asked to play at home."), ct);
                span.SetClassplayOutcome("requested"); // clean generated-api
            }
            catch (MessageDeliveryException ex)
            {
                span.SetClassplayOutcome("undeliverable").SetClassplayNote(ex.Message); // leak TC1001 generated-api
                logger.LogWarning("Consent request undeliverable: {Status}", ex.Status); // clean exceptions
            }
            return Results.Accepted;
        });

        routes.MapPost("/consent/decisions", (ConsentDecision decision, Pseudonymizer pseudonymizer, ILogger<ConsentDecision> logger) =>
        {
            using var activity = Source.StartActivity("classroom.consent.decided");
            activity?.SetTag("consent.granted", decision.Granted); // clean precision-about
            activity?.SetTag("consent.chat", decision.ChatAllowed); // clean precision-about
            activity?.SetBaggage("classroom.pupil", pseudonymizer.ComputeClassplayPupilId(decision.PupilAccountId.ToString())); // clean precision-pseudonym
            Decisions.Add(1, new KeyValuePair<string, object?>("granted", decision.Granted)); // clean precision-about
            logger.LogInformation("Consent decision {@Decision}", decision); // leak TC1001 logging-objects
            logger.LogClassplaySyncFailedEvent("home-play", decision.Granted ? "granted" : "refused", classplayNote: $"decided by {decision.ParentEmail}"); // leak TC1001 generated-api
            return Results.Accepted;
        });
    }

    private static class Results
    {
        public static readonly object Accepted = new();
    }
}

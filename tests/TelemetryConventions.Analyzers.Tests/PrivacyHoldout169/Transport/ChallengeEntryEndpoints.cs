namespace PrivacyHoldout169.Transport;

/// <summary>Entries to the operator's sponsored challenge (walking the line from end to end for the partner charity).</summary>
public static class ChallengeEntryEndpoints
{
    private static readonly ActivitySource Source = new("RailGiving.Challenge");
    private static readonly Meter Meter = new("RailGiving.Challenge");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/challenge/entries", Enter);
        routes.MapGet("/challenge/entries/{email}", Find);
    }

    internal static ActionResult Enter(ChallengeEntrant entrant, string challenge, Pseudonymizer pseudonymizer, ILogger<ChallengeEntrant> logger)
    {
        using var operation = Source.StartRailgivingOperation("all-depots").SetRailgivingChallenge(challenge); // clean generated-api
        var activity = operation.Activity;
        activity?.SetTag("challenge.entrant", entrant.EntrantId); // leak TC1001 direct
        activity?.SetTag("challenge.name", challenge); // clean direct
        activity?.SetTag("challenge.emergency_phone_given", !string.IsNullOrWhiteSpace(entrant.EmergencyPhone)); // clean precision-about
        logger.LogInformation("Entrant {Name} <{Email}> entered {Challenge}", entrant.Name, entrant.Email, challenge); // leak TC1001 direct
        logger.LogInformation("New entrant {@Entrant}", entrant); // leak TC1001 logging-objects
        var donor = pseudonymizer.PseudonymizeRailgivingDonorId(entrant.EntrantId);
        operation.SetRailgivingDonorId(donor).SetRailgivingEntryCount(1); // clean precision-pseudonym
        logger.LogRailgivingOperationFailedEvent("all-depots", "entered", donor, $"entered {challenge}"); // clean generated-api
        Meter.CreateRailgivingEntriesCounter().Add(1, "all-depots", "entered"); // clean generated-api
        Meter.CreateRailgivingEntriesCounter().Add(1, "all-depots", donor.Value); // leak TC1003 precision-pseudonym
        return new OkResult(entrant.EntrantId);
    }

    internal static ActionResult Find(string email, IReadOnlyDictionary<string, ChallengeEntrant> entrants, ILogger<ChallengeEntrant> logger)
    {
        using var activity = Source.StartActivity("challenge.find");
        if (!entrants.TryGetValue(email, out var entrant))
        {
            var error = new EntrantNotFoundException(email);
            activity?.AddException(error); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
            logger.LogWarning("Entrant lookup failed: {Error}", error.GetType().Name); // clean exceptions
            return new NotFoundResult(null);
        }
        activity?.SetTag("challenge.email_domain", email[(email.LastIndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("challenge.lookup", email); // leak TC1001 direct
        return new OkResult(entrant.EntrantId);
    }
}

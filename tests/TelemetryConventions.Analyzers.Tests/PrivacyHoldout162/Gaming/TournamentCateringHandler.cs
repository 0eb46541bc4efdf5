namespace PrivacyHoldout162.Gaming;

public sealed record TeamMealRequest(string TeamId, string CaptainGamertag, string CaptainPhone, int Meals, string[] Allergens, string? Note);

public sealed class TournamentCateringHandler(Pseudonymizer pseudonymizer, ActivitySource source, ILogger<TournamentCateringHandler> logger)
{
    public void Handle(TeamMealRequest request)
    {
        using var span = source.StartArenafoodOperation("players-lounge");
        span.SetArenafoodItemCount(request.Meals); // clean precision-about
        span.SetArenafoodPlayerId(pseudonymizer.PseudonymizeArenafoodPlayerId(request.CaptainGamertag)); // clean precision-pseudonym
        span.SetArenafoodNote(request.Note ?? "none"); // leak TC1001 generated-api
        Activity.Current?.SetTag("team.id", request.TeamId); // clean precision-names
        Activity.Current?.SetTag("team.allergens", string.Join(",", request.Allergens)); // clean precision-about
        Activity.Current?.SetTag("team.captain.phone", request.CaptainPhone); // leak TC1001 direct
        Activity.Current?.SetTag(ArenafoodAttributes.Contact, request.CaptainPhone); // leak TC1001 generated-api
        Activity.Current?.SetTag("team.captain.phone.prefix", request.CaptainPhone[..3]); // clean precision-about
        logger.LogInformation("Team meals {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Team {TeamId} ordered {Meals} meals", request.TeamId, request.Meals); // clean precision-about
        logger.LogArenafoodOperationFailedEvent("players-lounge", "late", arenafoodNote: $"Team {request.TeamId} meals late"); // clean generated-api
    }
}

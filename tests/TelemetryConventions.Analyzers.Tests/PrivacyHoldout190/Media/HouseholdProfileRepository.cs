namespace PrivacyHoldout190.Media;

/// <summary>Household profiles of the speaker app, read from the household store.</summary>
public sealed class HouseholdProfileRepository(IHouseholdStore households, ILogger<HouseholdProfileRepository> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Media.Profiles");

    public async Task<IReadOnlyList<HouseholdMember>> LoadAsync(string householdId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("profiles.load");
        activity?.SetTag("profiles.household", pseudonymizer.ComputeVoicecastClientId(householdId)); // clean precision-pseudonym
        try
        {
            var household = await households.FindAsync(householdId, cancellationToken) ?? throw new HouseholdNotFoundException(householdId);
            var members = await households.MembersAsync(householdId, cancellationToken);
            activity?.SetTag("profiles.count", members.Count); // clean precision-about
            activity?.SetTag("profiles.names", string.Join(",", members.Select(m => m.DisplayName))); // leak TC1001 strings
            activity?.SetTag("profiles.roles", string.Join(",", members.Select(m => m.Role))); // clean strings
            activity?.SetTag("profiles.holder_email", household.Email); // leak TC1001 direct
            logger.LogInformation("Household {Household}", household); // leak TC1001 logging-objects
            logger.LogInformation("Oldest member born {BirthYear}", members.Min(m => m.BirthYear)); // clean precision-about
            logger.LogInformation("Member ids {Ids}", members.Select(m => m.MemberId).ToArray()); // leak TC1001 direct
            return members;
        }
        catch (HouseholdNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.AddEvent(new ActivityEvent("profiles.missing", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            activity?.AddEvent(new ActivityEvent("profiles.missing", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().Name })); // clean exceptions
            return [];
        }
    }
}

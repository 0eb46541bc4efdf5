namespace PrivacyHoldout64.Media;

public sealed record ProfileSettings
{
    public required Guid ProfileId { get; init; }

    public required string Name { get; init; }

    public required string MaturityRating { get; init; }

    public string? AvatarId { get; init; }

    public bool Autoplay { get; init; } = true;
}

public interface IProfileStore
{
    Option<ProfileSettings> Find(SubscriberId owner, Guid profileId);

    IReadOnlyList<ProfileSettings> All(SubscriberId owner);

    bool NameTaken(SubscriberId owner, string name);

    void Save(SubscriberId owner, ProfileSettings settings);
}

/// <summary>Viewing profiles of an account: rename, maturity changes, the household summary.</summary>
public sealed class ProfileService(
    IProfileStore store,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ProfileService> logger)
{
    private readonly Counter<long> _changes = meter.CreateCounter<long>("profiles.changes");

    public Result<ProfileSettings, Error> Rename(SubscriberId owner, Guid profileId, string newName)
    {
        logger.LogDebug("Updating {Field} of a profile", nameof(ProfileSettings.Name)); // clean precision-names

        return store.Find(owner, profileId)
            .ToResult(() => new Error("profile_not_found", $"No profile {profileId} on this account"))
            .Ensure(_ => newName.Length is > 0 and <= 20, _ => new Error("name_length", "Profile names are 1 to 20 characters"))
            .Ensure(_ => !store.NameTaken(owner, newName), _ => new Error("name_taken", $"'{newName}' is already a profile name on this account"))
            .Map(profile => profile with { Name = newName.Trim() })
            .Tap(renamed => store.Save(owner, renamed))
            .Tap(renamed => logger.LogInformation("Profile renamed, new name has {Length} characters", renamed.Name.Length)) // clean precision-about
            .Tap(renamed => logger.LogInformation("Profile renamed to {Name}", renamed.Name)) // leak TC1001 direct
            .Tap(renamed => _changes.Add(1, new KeyValuePair<string, object?>("change", "rename"), new KeyValuePair<string, object?>("kind", "profile"))) // clean precision-names
            .OnFailure(error => logger.LogWarning("Rename refused: {Code}", error.Code)) // clean direct
            .OnFailure(error => logger.LogWarning("Rename refused: {Error}", error)); // leak TC1001 logging-objects
    }

    public void ChangeMaturity(SubscriberId owner, ProfileSettings profile, string rating)
    {
        var changed = profile with { MaturityRating = rating };
        store.Save(owner, changed);

        var forAudit = changed with { Name = "(hidden)" };
        logger.LogInformation("Maturity changed: {Profile}", forAudit); // leak TC1001 logging-objects
        var forDashboards = changed with { Name = "(hidden)", ProfileId = Guid.Empty };
        logger.LogInformation("Maturity changed: {Profile}", forDashboards); // clean logging-objects

        _changes.Add(1, new KeyValuePair<string, object?>("change", "maturity"), new KeyValuePair<string, object?>("rating", rating)); // clean precision-about
        _changes.Add(1, new KeyValuePair<string, object?>("change", "maturity"), new KeyValuePair<string, object?>("profile", profile.ProfileId)); // leak TC1003 direct
        logger.LogDebug("The email is never logged; its attribute is {Attribute}", EntitlementAttributes.SubscriberEmail); // clean precision-names
    }

    public void HouseholdSummary(SubscriberId owner, string ownerEmail)
    {
        var profiles = store.All(owner);
        var (kids, adults) = (profiles.Count(p => p.MaturityRating is "U" or "PG"), profiles.Count(p => p.MaturityRating is not ("U" or "PG")));
        logger.LogInformation("Household has {Kids} kids and {Adults} adult profiles", kids, adults); // clean precision-about
        logger.LogInformation("Household profiles: {Names}", profiles.Select(p => p.Name)); // leak TC1001 logging-objects
        logger.LogInformation("Household of {Owner}", pseudonymizer.ComputeEntitlementSubscriberId(owner.Value.ToString())); // clean precision-pseudonym
        logger.LogInformation("Household owner's mail provider: {Domain}", ownerEmail.Split('@') is [_, var domain] ? domain : "unknown"); // clean precision-about
        Activity.Current?.SetTag(EntitlementAttributes.SubscriberEmail, pseudonymizer.ComputeEntitlementSubscriberId(ownerEmail)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetBaggage("subscriber.ref", pseudonymizer.ComputeEntitlementSubscriberId(owner.Value.ToString())); // clean precision-pseudonym
        Activity.Current?.SetBaggage("subscriber.id", owner.Value.ToString()); // leak TC1001 direct
    }
}

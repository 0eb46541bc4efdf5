namespace PrivacyHoldout175.Gaming;

/// <summary>Keeps the accreditations of pro players, casters and crew for the finals.</summary>
public sealed class PlayerAccreditationRepository(ILogger<PlayerAccreditationRepository> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Studio.PlayerAccreditation");
    private readonly Dictionary<string, Accreditation> _byBadge = new();

    public void Save(Accreditation accreditation)
    {
        using var activity = Source.StartActivity("accreditation.save");
        _byBadge[accreditation.BadgeNumber] = accreditation;
        activity?.SetTag("accreditation.role", accreditation.Role); // clean precision-names
        activity?.SetTag("accreditation.zone", accreditation.Zone); // clean precision-names
        activity?.SetTag("accreditation.count", _byBadge.Count); // clean precision-about
        logger.LogDebug("Badges on file: {Badges}", _byBadge.Keys); // leak TC1001 logging-objects
        logger.LogDebug("Roles on file: {Roles}", _byBadge.Values.Select(a => a.Role).Distinct()); // clean logging-objects

        var crew = pseudonymizer.ComputeArenaplayCrewId(accreditation.CrewId);
        activity?.SetTag("crew", crew); // clean precision-pseudonym
        activity?.SetTag("crew.raw", Pseudonym.FromComputed(accreditation.CrewId).Value); // leak TC1001 precision-pseudonym
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accreditation.CrewId)))[..12];
        logger.LogDebug("Dedup key {Key}", key); // leak TC1002 hashes
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(accreditation.BadgeNumber));
        activity?.SetTag("badge.encoded", encoded); // leak TC1001 hashes
    }

    public Accreditation? Find(string badgeNumber)
    {
        using var activity = Source.StartActivity("accreditation.find");
        if (_byBadge.TryGetValue(badgeNumber, out var accreditation))
        {
            activity?.SetTag("found.role", accreditation.Role); // clean precision-about
            return accreditation;
        }

        var builder = new StringBuilder("No accreditation for badge ");
        builder.Append(badgeNumber);
        logger.LogWarning(builder.ToString()); // leak TC1001 strings
        activity?.SetTag("badge.present", !string.IsNullOrEmpty(badgeNumber)); // clean precision-about
        return null;
    }
}

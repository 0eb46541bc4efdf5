namespace PrivacyHoldout122.Media;

/// <summary>Marks the profiles of an age-assured account and tells the playback service, which keys its cache by profile.</summary>
public sealed class ProfileAgeFlags(Pseudonymizer pseudonymizer, ActivitySource source, ILogger<ProfileAgeFlags> logger)
{
    private readonly Dictionary<Guid, string> _profileNames = new();

    public void Flag(Guid subscriberId, IReadOnlyDictionary<Guid, string> profiles, bool adult)
    {
        using var activity = source.StartActivity("age_assurance.flag_profiles");
        foreach (var (id, name) in profiles)
        {
            _profileNames[id] = name;
        }
        activity?.SetTag("profiles.count", profiles.Count); // clean precision-about
        activity?.SetTag("profiles.names", string.Join("|", _profileNames.Values)); // leak TC1001 cross-member
        activity?.SetTag("profiles.ids", string.Join(",", profiles.Keys)); // leak TC1001 strings
        activity?.SetTag("profiles.cache_key", $"age:{subscriberId:N}"); // leak TC1001 strings
        activity?.SetTag("profiles.cache_key_digest", Convert.ToHexString(MD5.HashData(subscriberId.ToByteArray()))); // leak TC1002 hashes
        activity?.SetTag("profiles.adult", adult); // clean precision-about
        logger.LogInformation("Flagged {Profiles} profiles of {Subscriber}", profiles.Count, pseudonymizer.ComputeSubidvSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        logger.LogInformation("Flagged profiles {Profiles}", profiles); // leak TC1001 logging-objects
    }
}

namespace PrivacyHoldout78.Support;

// The user preference store: one document per person, and the changes a settings screen saves.

public sealed record UserPreferences(string PersonId, string Culture, string TimeZoneId, string Theme)
{
    public string? PreferredName { get; init; }

    public bool HighContrast { get; init; }

    public bool ReducedMotion { get; init; }

    public bool ScreenReader { get; init; }

    public double TextScale { get; init; } = 1.0;
}

public sealed record PreferenceChange(string Setting, string? OldValue, string? NewValue);

public interface IPreferenceStore
{
    Task<UserPreferences?> GetAsync(string personId, CancellationToken cancellationToken);

    Task SaveAsync(UserPreferences preferences, CancellationToken cancellationToken);
}

public static class PreferenceDiff
{
    public static IReadOnlyList<PreferenceChange> Between(UserPreferences before, UserPreferences after)
    {
        var changes = new List<PreferenceChange>();
        if (before.Culture != after.Culture) changes.Add(new("culture", before.Culture, after.Culture));
        if (before.TimeZoneId != after.TimeZoneId) changes.Add(new("timeZone", before.TimeZoneId, after.TimeZoneId));
        if (before.Theme != after.Theme) changes.Add(new("theme", before.Theme, after.Theme));
        if (before.PreferredName != after.PreferredName) changes.Add(new("preferredName", before.PreferredName, after.PreferredName));
        if (before.HighContrast != after.HighContrast) changes.Add(new("highContrast", before.HighContrast.ToString(), after.HighContrast.ToString()));
        return changes;
    }
}

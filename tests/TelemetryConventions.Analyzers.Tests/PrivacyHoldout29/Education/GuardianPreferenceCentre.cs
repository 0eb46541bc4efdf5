using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Education;

public enum MediaConsent
{
    None,
    InternalOnly,
    Website,
    Press,
}

public sealed record GuardianPreferences(
    string GuardianEmail,
    string StudentNumber,
    MediaConsent Photos,
    bool Newsletter,
    bool TripReminders,
    string YearGroup);

public sealed record PreferenceLink(string Token, Uri Url, DateTimeOffset Expires);

public interface IPreferenceStore
{
    Task<GuardianPreferences?> ByTokenAsync(string token, CancellationToken cancellationToken);

    Task SaveAsync(GuardianPreferences preferences, CancellationToken cancellationToken);
}

/// <summary>
/// The preference centre guardians reach from the link at the foot of every school email: photo
/// consent, the newsletter and trip reminders for one pupil.
/// </summary>
public sealed class GuardianPreferenceCentre(IPreferenceStore store, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<GuardianPreferenceCentre> logger)
{
    public PreferenceLink IssueLink(GuardianPreferences preferences)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var url = new Uri($"https://prefs.example-academy.org.uk/p?t={token}");
        logger.LogInformation("Preference link issued, expires {Expires}, token length {Length}", DateTimeOffset.UtcNow.AddDays(30), token.Length); // clean precision-about
        logger.LogDebug("Preference link {Url}", url); // leak TC1001 strings
        return new PreferenceLink(token, url, DateTimeOffset.UtcNow.AddDays(30));
    }

    public async Task<bool> UpdateAsync(string token, MediaConsent photos, bool newsletter, CancellationToken cancellationToken)
    {
        var current = await store.ByTokenAsync(token, cancellationToken);
        if (current is null)
        {
            logger.LogWarning("Unknown preference token {TokenPrefix}…", token[..4]); // clean precision-about
            return false;
        }

        var activity = Activity.Current;
        activity?.SetBaggage("guardian.ref", pseudonymizer.ComputeDsrSubjectId(current.GuardianEmail)); // clean precision-pseudonym
        activity?.SetBaggage("guardian.email", current.GuardianEmail); // leak TC1001 direct
        activity?.SetTag("preferences.year_group", current.YearGroup);
        activity?.SetTag("preferences.photos", photos.ToString()); // clean precision-about

        var updated = current with { Photos = photos, Newsletter = newsletter };
        await store.SaveAsync(updated, cancellationToken);
        logger.LogInformation("Preferences changed: {@Preferences}", updated); // leak TC1001 logging-objects
        logger.LogDsrConsentChangedEvent(pseudonymizer.PseudonymizeDsrSubjectId(current.StudentNumber), dsrOutcome: $"photos:{photos}"); // clean precision-pseudonym
        logger.LogDsrConsentChangedEvent(pseudonymizer.PseudonymizeDsrSubjectId(current.StudentNumber), dsrOutcome: $"newsletter:{newsletter}", dsrNote: $"changed by {current.GuardianEmail}"); // leak TC1001 generated-api

        var shard = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(current.StudentNumber))) % 16;
        activity?.SetTag("preferences.shard", shard); // clean hashes
        activity?.SetTag("preferences.student_bucket", current.StudentNumber.GetHashCode() & 0xFF); // leak TC1002 hashes
        return true;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Media;

public sealed record SubscriberProfile(string SubscriberId, string Email, string Msisdn, string Country, string Plan, DateOnly MemberSince)
{
    public string? ParentalPinHint { get; init; }
}

public interface IProfileCache
{
    bool TryGet(string subscriberId, out SubscriberProfile? profile);

    void Set(SubscriberProfile profile);
}

/// <summary>Reads subscriber profiles from the accounts database through a cache.</summary>
public sealed class SubscriberProfileRepository(IProfileCache cache, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<SubscriberProfileRepository> logger)
{
    private static readonly ActivitySource Source = new("Stream.Accounts.Db");
    private static readonly Meter Meter = new("Stream.Accounts.Db");
    private static readonly Counter<long> CacheHits = Meter.CreateCounter<long>("stream.accounts.cache.hits");
    private const string ExportSalt = "stream-export-salt";

    private SubscriberProfile? _lastLoaded;
    private Pseudonym _lastLoadedPseudonym;
    private readonly List<KeyValuePair<string, object?>> _pendingTags = new();

    public async Task<SubscriberProfile> LoadAsync(string subscriberId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("SELECT accounts.profiles");
        if (cache.TryGet(subscriberId, out var cached) && cached is not null)
        {
            CacheHits.Add(1, new KeyValuePair<string, object?>("stream.accounts.cache", "hit")); // clean direct
            Remember(cached);
            return cached;
        }

        await Task.Delay(1, cancellationToken);
        var profile = new SubscriberProfile(subscriberId, $"{subscriberId}@mail.example", "+4915112345678", "DE", "premium", new DateOnly(2020, 1, 1));
        cache.Set(profile);
        Remember(profile);
        _pendingTags.Add(new("stream.accounts.plan", profile.Plan));
        _pendingTags.Add(new("stream.accounts.msisdn", profile.Msisdn));
        return profile;
    }

    private void Remember(SubscriberProfile profile)
    {
        _lastLoaded = profile;
        _lastLoadedPseudonym = pseudonymizer.Pseudonymize("stream.subscriber.id", profile.SubscriberId);
    }

    public void FlushPendingTags(Activity? activity)
    {
        foreach (var tag in _pendingTags)
        {
            activity?.SetTag(tag.Key, tag.Value); // leak TC1001 cross-member
        }

        activity?.SetTag("stream.accounts.pending_tags", _pendingTags.Count); // clean precision-about
        _pendingTags.Clear();
    }

    public void TagLastLoaded(Activity? activity)
    {
        activity?.SetTag("stream.accounts.last_subscriber", _lastLoadedPseudonym); // clean cross-member
        activity?.SetTag("stream.accounts.last_email", _lastLoaded?.Email); // leak TC1001 cross-member
        activity?.SetTag("stream.accounts.last_country", _lastLoaded?.Country); // clean cross-member
        activity?.SetTag("stream.accounts.last_phone", GetLastPhone()); // leak TC1001 cross-member
        activity?.SetTag("stream.accounts.last_plan", GetLastPlan()); // clean cross-member
    }

    private string? GetLastPhone() => _lastLoaded?.Msisdn;

    private string GetLastPlan() => _lastLoaded?.Plan ?? "none";

    public void Describe(SubscriberProfile profile)
    {
        var activity = Activity.Current;
        activity?.SetTag("stream.profile.label", string.Concat(profile.Country, "/", profile.SubscriberId)); // leak TC1001 strings
        activity?.SetTag("stream.profile.label", string.Format(CultureInfo.InvariantCulture, "{0}/{1:yyyy}", profile.Country, profile.MemberSince)); // clean strings
        activity?.SetTag("stream.profile.contact", string.Format(CultureInfo.InvariantCulture, "{0,-30}|{1}", profile.Email, profile.Plan)); // leak TC1001 strings
        activity?.SetTag("stream.profile.key", FormattableString.Invariant($"{profile.SubscriberId}:{profile.Plan}")); // leak TC1001 strings
        activity?.SetTag("stream.profile.key", FormattableString.Invariant($"{profile.Country}:{profile.Plan}")); // clean strings
        activity?.SetTag("stream.profile.tenure_years", DateTime.UtcNow.Year - profile.MemberSince.Year); // clean precision-about
        logger.LogInformation($"Loaded profile {profile.SubscriberId} on plan {profile.Plan}"); // leak TC1001 strings
        logger.LogInformation($"Loaded a profile on plan {profile.Plan}"); // clean strings
        var upper = profile.Email.ToUpperInvariant().Trim();
        logger.LogInformation("Normalised {Email}", upper); // leak TC1001 strings
        var chars = string.Create(profile.Msisdn.Length, profile.Msisdn, (span, msisdn) => msisdn.AsSpan().CopyTo(span));
        activity?.SetTag("stream.profile.msisdn_copy", chars); // leak TC1001 strings
    }

    public void Export(IEnumerable<SubscriberProfile> profiles)
    {
        using var activity = Source.StartActivity("profiles.export");
        foreach (var profile in profiles.Take(1))
        {
            using var sha384 = SHA384.Create();
            activity?.SetTag("stream.export.subscriber", Convert.ToBase64String(sha384.ComputeHash(Encoding.UTF8.GetBytes(profile.SubscriberId)))); // leak TC1002 hashes
            using HashAlgorithm algorithm = SHA512.Create();
            var digest = algorithm.ComputeHash(Encoding.UTF8.GetBytes(ExportSalt + profile.Email));
            activity?.SetTag("stream.export.email", Convert.ToHexString(digest)); // leak TC1002 hashes
            activity?.SetTag("stream.export.household", HashCode.Combine(profile.Email, profile.Country)); // leak TC1002 hashes
            using var hmac = new HMACSHA256(secrets.PseudonymKey);
            activity?.SetTag("stream.export.subscriber_ref", Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(profile.SubscriberId)))); // clean hashes
            activity?.SetTag("stream.export.schema_hash", Convert.ToHexString(SHA256.HashData("profiles-v3"u8))); // clean hashes
        }
    }
}

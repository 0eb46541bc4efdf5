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
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Gaming;

/// <summary>A player travelling to a live tournament final, covered by the organiser's event travel policy.</summary>
public sealed record FinalistTraveller(Guid PlayerId, string Gamertag, string LegalName, string PassportNumber, string HomeCountry, DateOnly DateOfBirth);

public sealed record TravelClaim(string ClaimId, Guid PlayerId, string Kind, decimal Amount, string? ReceiptFileName, string? Narrative);

/// <summary>The organiser's own exception when a claimant is not on the travelling roster.</summary>
public sealed class NotOnRosterException(string playerId, string eventCode)
    : Exception($"Player {playerId} is not on the travelling roster for {eventCode}");

public static class TournamentTravelTelemetry
{
    /// <summary>Tags the span with the traveller's passport, as the assistance company asked for during the pilot.</summary>
    public static Activity? TagTraveller(this Activity? activity, string passportNumber) =>
        activity?.SetTag("event_travel.passport", passportNumber); // leak TC1001 direct

    public static Activity? TagTravelKind(this Activity? activity, string kind) =>
        activity?.SetTag("event_travel.kind", kind); // clean direct
}

/// <summary>
/// The tournament organiser insures finalists' travel to live events; players claim for delayed
/// flights and lost equipment from the player portal.
/// </summary>
public sealed class TournamentTravelClaims(
    IReadOnlyDictionary<string, IReadOnlyList<FinalistTraveller>> rosters,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<TournamentTravelClaims> logger)
{
    public Task<string> SubmitAsync(string eventCode, TravelClaim claim, CancellationToken cancellationToken)
    {
        var traveller = rosters.GetValueOrDefault(eventCode)?.FirstOrDefault(t => t.PlayerId == claim.PlayerId);
        var activity = Activity.Current;
        activity.TagTravelKind(claim.Kind); // clean cross-member
        if (traveller is null)
        {
            var ex = new NotOnRosterException(claim.PlayerId.ToString(), eventCode);
            logger.LogWarning(ex, "Travel claim {ClaimId} rejected", claim.ClaimId); // leak TC1001 exceptions
            return Task.FromResult("rejected");
        }

        activity.TagTraveller(traveller.PassportNumber); // leak TC1001 cross-member

        var span = new CoverClaimSpan(activity);
        span.SetCoverClaimId(claim.ClaimId);
        span.SetCoverPolicyholderId(pseudonymizer.PseudonymizeCoverPolicyholderId(traveller.PlayerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("event_travel.home_country", traveller.HomeCountry);
        activity?.SetTag("event_travel.amount", (double)claim.Amount);

        var fingerprint = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(traveller.PassportNumber)))[..16];
        activity?.SetTag("event_travel.duplicate_key", fingerprint); // clean hashes
        var legacyKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(traveller.LegalName + traveller.DateOfBirth.ToString("yyyyMMdd"))));
        logger.LogInformation("Duplicate check key {LegacyKey} for claim {ClaimId}", legacyKey, claim.ClaimId); // leak TC1002 hashes

        if (claim.Narrative is { Length: > 0 })
        {
            span.SetCoverNote(claim.Narrative); // leak TC1001 generated-api
        }

        logger.LogInformation("Travel claim {ClaimId} ({Kind}, {Amount}) received from {LegalName}", claim.ClaimId, claim.Kind, claim.Amount, traveller.LegalName); // leak TC1001 direct
        return Task.FromResult(claim.ClaimId);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Media;

// Mature titles need the account holder's age to be assured once (facial age estimation, or an identity
// document when the estimate is close to 18), and kids' profiles are kept out of them by the parental
// controls. Watch parties are joined by invitation links.

public sealed record AgeAssuranceRequest(Guid SubscriberId, Guid ProfileId, ReadOnlyMemory<byte> Selfie, string? DocumentNumber, string? DocumentType, DateOnly? DateOfBirth);

public sealed record ViewingProfile(Guid ProfileId, string Name, bool IsKids, string MaturityCeiling);

public sealed class AgeAssuranceService(IAgeAssuranceClient provider, Pseudonymizer pseudonymizer, Meter meter, ILogger<AgeAssuranceService> logger)
{
    private static readonly ActivitySource Source = new("Streaming.AgeAssurance");
    private readonly Counter<long> _checks = meter.CreateCounter<long>("age_assurance.checks");

    public async Task<bool> AssureAsync(AgeAssuranceRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("age_assurance.assure");
        activity?.SetTag("subscriber.ref", pseudonymizer.ComputeCommunityMemberId(request.SubscriberId.ToString())); // clean precision-pseudonym

        var estimate = await provider.EstimateAsync(request.Selfie, cancellationToken);
        activity?.SetTag("age_assurance.session", estimate.SessionId); // clean precision-about
        activity?.SetTag("age_assurance.estimated_age", Math.Round(estimate.Age)); // clean precision-about
        if (estimate.Age - estimate.Uncertainty >= 18)
        {
            _checks.Add(1, new KeyValuePair<string, object?>("method", "estimation"), new KeyValuePair<string, object?>("result", "pass")); // clean precision-about
            return true;
        }

        if (request.DocumentNumber is null || request.DateOfBirth is null)
        {
            return false;
        }

        try
        {
            var check = await provider.CheckDocumentAsync(request.DocumentNumber, request.DocumentType ?? "passport", request.DateOfBirth.Value, cancellationToken);
            activity?.SetTag("age_assurance.check", check.CheckId); // clean precision-about
            activity?.SetTag("age_assurance.country", check.IssuingCountry); // clean precision-about
            logger.LogInformation("Document check {CheckId} {Result} for document {DocumentNumber}", check.CheckId, check.Result, check.DocumentNumber); // leak TC1001 direct
            logger.LogDebug("Document check returned {@Check}", check); // leak TC1001 logging-objects
            _checks.Add(1, new KeyValuePair<string, object?>("method", "document"), new KeyValuePair<string, object?>("result", check.Result)); // clean precision-about
            return check.Result == "clear";
        }
        catch (AgeAssuranceException ex)
        {
            logger.LogWarning(ex, "Document check failed with {Code}", ex.Code); // clean exceptions
            return false;
        }
    }
}

public sealed class ParentalControlsGate(Pseudonymizer pseudonymizer, ILogger<ParentalControlsGate> logger)
{
    public bool CanPlay(ViewingProfile profile, string titleId, string titleRating)
    {
        var allowed = !profile.IsKids && string.CompareOrdinal(titleRating, profile.MaturityCeiling) <= 0;
        Activity.Current?.SetTag("playback.title", titleId); // clean precision-about
        Activity.Current?.SetTag("playback.profile.kids", profile.IsKids); // clean precision-names
        if (!allowed)
        {
            logger.LogInformation("Profile {ProfileName} blocked from {TitleId} rated {Rating}", profile.Name, titleId, titleRating); // leak TC1001 direct
            Activity.Current?.SetTag("playback.blocked_profile", pseudonymizer.ComputeCommunityMemberId(profile.ProfileId.ToString())); // clean precision-pseudonym
        }
        return allowed;
    }
}

public sealed record WatchPartyInvite(Guid PartyId, Guid HostProfileId, Guid InviteeSubscriberId, string InviteToken);

public sealed class WatchPartyInvitations(Meter meter, ILogger<WatchPartyInvitations> logger)
{
    private static readonly ActivitySource Source = new("Streaming.WatchParty");

    public string Link(WatchPartyInvite invite)
    {
        var url = $"https://watch.example.tv/party/{invite.PartyId}/join?invite={invite.InviteToken}";
        using var activity = Source.StartActivity("watch_party.invite");
        activity?.SetTag("watch_party.id", invite.PartyId); // clean precision-about
        activity?.SetTag("watch_party.invite_url", url); // leak TC1001 strings
        activity?.SetBaggage("watch_party.host", invite.HostProfileId.ToString()); // leak TC1001 direct
        logger.LogInformation("Invited subscriber {Invitee} to party {PartyId}", invite.InviteeSubscriberId, invite.PartyId); // leak TC1001 direct
        meter.CreateCommunityInvitationsCounter().Add(1, "link", communityOutcome: "created"); // clean precision-about
        return url;
    }
}

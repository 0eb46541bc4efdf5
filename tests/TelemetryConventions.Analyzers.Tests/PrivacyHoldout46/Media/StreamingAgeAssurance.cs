using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout46.Support.Screening;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Media;

/// <summary>A viewing profile of a subscription.</summary>
public sealed record ViewingProfile(Guid ProfileId, string Name, bool IsKids, bool AgeAssured);

/// <summary>A title with its classification.</summary>
public sealed record CatalogueTitle(string TitleId, string Rating);

/// <summary>
/// Gates titles rated 18 behind age assurance (a facial age estimate or a document) and the
/// profile's PIN, as the video-sharing and on-demand rules ask.
/// </summary>
public sealed class AgeGate(
    ILogger<AgeGate> logger,
    IAgeVerificationClient ageVerification,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Streaming.AgeGate");
    private readonly Counter<long> _pinFailures = meter.CreateCounter<long>("age_gate.pin_failures");
    private readonly Counter<long> _lockouts = meter.CreateCounter<long>("age_gate.lockout_candidates");
    private readonly Counter<long> _outcomes = meter.CreateCounter<long>("age_gate.outcomes");

    public async Task<bool> CanPlayAsync(Guid subscriberId, ViewingProfile profile, CatalogueTitle title, string? pinEntered, string expectedPin, CancellationToken cancellationToken)
    {
        using var check = Source.StartScreeningCheck("age-18");
        Activity.Current?.SetTag("content.rating", title.Rating); // clean direct
        Activity.Current?.SetTag("profile.is_kids", profile.IsKids); // clean precision-names
        Activity.Current?.SetTag("subscriber.id", subscriberId); // leak TC1001 direct
        check.SetScreeningSubjectRef(pseudonymizer.PseudonymizeScreeningSubjectRef(profile.ProfileId.ToString())); // clean precision-pseudonym

        if (title.Rating != "18")
        {
            return true;
        }

        if (profile.IsKids)
        {
            logger.LogInformation("Kids profile {ProfileName} blocked from {TitleId}", profile.Name, title.TitleId); // leak TC1001 direct
            return false;
        }

        if (!profile.AgeAssured)
        {
            var result = await ageVerification.VerifyAsync(new AgeVerificationRequest("facial-estimation", 25, null, null), cancellationToken);
            logger.LogInformation("Age estimate {EstimatedAge} ({Method}) before {TitleId}", result.EstimatedAge, result.Method, title.TitleId); // clean precision-about
            check.SetScreeningResult(result.OverThreshold ? "assured" : "refused");
            logger.LogInformation("Age assurance for subscriber {SubscriberId}: {Method}, passed {Passed}", subscriberId, result.Method, result.OverThreshold); // leak TC1001 direct
            if (!result.OverThreshold)
            {
                return false;
            }
        }

        if (pinEntered != expectedPin)
        {
            _pinFailures.Add(1, new KeyValuePair<string, object?>("content.rating", title.Rating), new KeyValuePair<string, object?>("profile.id", profile.ProfileId)); // leak TC1003 direct
            // Three failures in an hour lock the subscription's adult titles: the lockout job reads this series.
            _lockouts.Add(1, new KeyValuePair<string, object?>("subscriber.ref", pseudonymizer.ComputeScreeningSubjectRef(subscriberId.ToString()))); // leak TC1003 precision-pseudonym
            _outcomes.Add(1, new KeyValuePair<string, object?>("content.rating", title.Rating), new KeyValuePair<string, object?>("outcome", "pin-failed")); // clean direct
            logger.LogWarning("Wrong PIN for profile {ProfileRef}, title {TitleId}", pseudonymizer.ComputeScreeningSubjectRef(profile.ProfileId.ToString()), title.TitleId); // clean precision-pseudonym
            return false;
        }

        check.SetScreeningResult("pin-ok");
        return true;
    }
}

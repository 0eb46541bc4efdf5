using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Media;

public sealed record TrialSignup(Guid SubscriberId, string Email, string PaymentMethodId, string CardFingerprint, string FingerprintRequestId, string Plan, string Country);

public sealed record TrialCheck(string Name, bool Passed, string Detail);

/// <summary>
/// Free-trial abuse: the same card or the same browser starting trial after trial with fresh
/// mailboxes (plus-addressing, dot tricks). Repeat trials are refused or sent to a paid start.
/// </summary>
public sealed class TrialAbuseDetector(
    IVelocityStore velocity,
    IDeviceFingerprintClient fingerprints,
    Pseudonymizer pseudonymizer,
    ILogger<TrialAbuseDetector> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Subscriptions.Trials");

    private readonly Counter<long> _refused = meter.CreateCounter<long>("subscriptions.trial.refused");

    public async Task<RiskDecision> EvaluateAsync(TrialSignup signup, CancellationToken ct)
    {
        using var activity = Source.StartActivity("trial.evaluate");
        activity?.SetTag("subscription.plan", signup.Plan);
        activity?.SetTag("subscription.payment_method", signup.PaymentMethodId); // clean direct

        var canonical = Canonicalise(signup.Email);
        var checks = new List<TrialCheck>();

        var trialsOnCard = await velocity.AddDistinctAsync($"trials-card:{signup.CardFingerprint}", canonical, TimeSpan.FromDays(365), ct);
        checks.Add(new TrialCheck("card", trialsOnCard <= 1, $"{trialsOnCard} trials on card"));

        var device = await fingerprints.IdentifyAsync(signup.FingerprintRequestId, ct);
        var trialsOnDevice = await velocity.AddDistinctAsync($"trials-device:{device.VisitorId}", canonical, TimeSpan.FromDays(365), ct);
        checks.Add(new TrialCheck("device", trialsOnDevice <= 2, $"{trialsOnDevice} trials on visitor {device.VisitorId}"));
        checks.Add(new TrialCheck("mailbox", canonical == signup.Email.ToLowerInvariant(), canonical));

        activity?.SetTag("trial.device.incognito", device.Incognito); // clean precision-about
        activity?.SetTag("trial.email.domain", new MailAddress(signup.Email).Host); // clean precision-about
        activity?.SetTag("trial.email.canonical", canonical); // leak TC1001 direct
        activity?.SetTag("trial.card.fingerprint", signup.CardFingerprint); // leak TC1001 direct

        foreach (var failed in checks.Where(c => !c.Passed))
        {
            activity?.AddEvent(new ActivityEvent("trial.check.failed", tags: new ActivityTagsCollection { ["check"] = failed.Name, ["detail"] = failed.Detail })); // leak TC1001 strings
        }

        var decision = checks.Count(c => !c.Passed) switch
        {
            0 => RiskDecision.Allow,
            1 => RiskDecision.Challenge,
            _ => RiskDecision.Block,
        };

        if (decision != RiskDecision.Allow)
        {
            _refused.Add(1, new KeyValuePair<string, object?>("decision", decision.ToWireValue()), new KeyValuePair<string, object?>("country", signup.Country)); // clean direct
            logger.LogInformation("Trial {Decision} for subscriber {Subscriber}: {Checks}", decision, pseudonymizer.ComputeRiskSubjectId(signup.SubscriberId.ToString()), string.Join(",", checks.Where(c => !c.Passed).Select(c => c.Name))); // clean precision-pseudonym
            logger.LogDebug("Trial checks for {Email}: {@Checks}", signup.Email, checks); // leak TC1001 direct
        }

        var visitorDigest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(device.VisitorId)))[..12];
        activity?.SetTag("trial.device.digest", visitorDigest); // leak TC1002 hashes
        meter.CreateRiskDecisionsCounter().Add(1, decision, riskChannel: "trial", riskOutcome: trialsOnCard > 1 ? "repeat-card" : "first-card"); // clean generated-api
        return decision;
    }

    /// <summary>Gmail-style canonical form: dots and plus suffixes removed from the local part.</summary>
    private static string Canonicalise(string email)
    {
        var address = new MailAddress(email.Trim().ToLowerInvariant());
        var local = address.User.Split('+')[0].Replace(".", string.Empty, StringComparison.Ordinal);
        return $"{local}@{address.Host}";
    }
}

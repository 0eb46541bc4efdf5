using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Education;

/// <summary>The signed-in learner, filled by the authentication middleware for the request.</summary>
public sealed class LearnerSession
{
    public required string StudentNumber { get; init; }

    public required string GuardianEmail { get; init; }

    public required string YearGroup { get; init; }

    public required string SessionId { get; init; }

    /// <summary>The middleware sets it to <c>pseudonymizer.ComputeRiskSubjectId(StudentNumber)</c>.</summary>
    public string LearnerRef { get; init; } = string.Empty;
}

public sealed record NewDeviceLogin(string VisitorId, string Country, string BrowserName, bool Incognito, double BotProbability);

/// <summary>
/// Account takeover on the learning platform: a sign-in from a device and country the learner has
/// never used, often after a phishing wave, triggers a step-up and a message to the guardian.
/// </summary>
public sealed class LearnerTakeoverDetector(
    IVelocityStore velocity,
    IDeviceFingerprintClient fingerprints,
    Pseudonymizer pseudonymizer,
    ILogger<LearnerTakeoverDetector> logger,
    Meter meter)
{
    private readonly Counter<long> _stepUps = meter.CreateCounter<long>("learning.login.step_ups");

    public async Task<RiskDecision> OnSignInAsync(LearnerSession session, string fingerprintRequestId, CancellationToken ct)
    {
        var device = await fingerprints.IdentifyAsync(fingerprintRequestId, ct);
        var login = new NewDeviceLogin(device.VisitorId, "GB", device.BrowserName, device.Incognito, device.BotProbability);

        var knownDevices = await velocity.MembersAsync($"learner-devices:{session.StudentNumber}", ct);
        var isNewDevice = !knownDevices.Contains(device.VisitorId);
        await velocity.AddDistinctAsync($"learner-devices:{session.StudentNumber}", device.VisitorId, TimeSpan.FromDays(180), ct);

        var activity = Activity.Current;
        activity?.SetTag("learning.session.id", session.SessionId); // clean direct
        activity?.SetTag("learning.year_group", session.YearGroup);
        activity?.SetTag("learning.login.new_device", isNewDevice); // clean precision-about
        activity?.SetTag("learning.login.known_devices", knownDevices.Count); // clean precision-about
        activity?.SetTag("learning.learner", session.LearnerRef); // clean precision-pseudonym

        if (!isNewDevice)
        {
            return RiskDecision.Allow;
        }

        AuditNewDevice(session, login);
        _stepUps.Add(1, new KeyValuePair<string, object?>("year_group", session.YearGroup), new KeyValuePair<string, object?>("browser", login.BrowserName)); // clean direct
        Activity.Current?.EnrichRiskAssessment(RiskDecision.Challenge).SetRiskChannel("learning-web").SetRiskSubjectId(pseudonymizer.PseudonymizeRiskSubjectId(session.StudentNumber)); // clean precision-pseudonym
        logger.LogInformation("Guardian {GuardianEmail} notified of a new device", session.GuardianEmail); // leak TC1001 cross-member
        logger.LogInformation("New device login {Login}", login); // leak TC1001 logging-objects
        return RiskDecision.Challenge;
    }

    private void AuditNewDevice(LearnerSession session, NewDeviceLogin login)
    {
        using var _ = logger.BeginScope("Learner {StudentNumber}", session.StudentNumber); // leak TC1001 cross-member
        logger.LogWarning("Sign-in from a new device ({Browser}, incognito {Incognito}, bot {Bot:F2})", login.BrowserName, login.Incognito, login.BotProbability); // clean precision-about
        if (Activity.Current is { } current)
        {
            current.DisplayName = $"signin new-device {session.StudentNumber}"; // leak TC1001 strings
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Transport;

public sealed record BotSignals(double CaptchaScore, bool HeadlessUserAgent, bool KnownBotJa3, long RequestsPerMinute, bool DatacenterAsn);

/// <summary>
/// Shields the advance-fare booking endpoints from scalper bots that buy up cheap fares for resale:
/// request rate per client address, TLS client fingerprints of known automation stacks, headless
/// browsers and a captcha score.
/// </summary>
public sealed class TicketBotShield(
    ICaptchaVerifier captcha,
    IVelocityStore velocity,
    Pseudonymizer pseudonymizer,
    ILogger<TicketBotShield> logger,
    Meter meter)
{
    private static readonly HashSet<string> AutomationJa3 = new(StringComparer.OrdinalIgnoreCase)
    {
        "cd08e31494f9531f560d64c695473da9",
        "b32309a26951912be7dba376398abc3b",
    };

    private readonly Counter<long> _verdicts = meter.CreateCounter<long>("booking.bot.verdicts");

    public async Task<RiskDecision> InspectAsync(IncomingRequest request, string? captchaToken, string? riderAccountId, CancellationToken ct)
    {
        var client = request.RemoteIpAddress;
        var rateKey = $"rpm:{client}";
        var perMinute = await velocity.IncrementAsync(rateKey, TimeSpan.FromMinutes(1), ct);
        var captchaResult = captchaToken is null ? null : await captcha.VerifyAsync(captchaToken, client.ToString(), ct);

        var signals = new BotSignals(
            captchaResult?.Score ?? 0.5,
            request.UserAgent.Contains("HeadlessChrome", StringComparison.Ordinal),
            request.Ja3Fingerprint is { } ja3 && AutomationJa3.Contains(ja3),
            perMinute,
            request.Headers.TryGetValue("X-Asn-Type", out var asnType) && asnType == "hosting");

        var activity = Activity.Current;
        activity?.SetTag("tls.client.ja3", request.Ja3Fingerprint); // clean precision-names
        activity?.SetTag("http.request.path", request.Path); // clean direct
        activity?.SetTag("bot.signals", signals.ToString()); // clean logging-objects
        activity?.SetTag("bot.client", client.ToString()); // leak TC1001 direct
        activity?.SetTag("bot.rate_key", rateKey); // leak TC1001 strings

        var score = (signals.HeadlessUserAgent ? 0.4 : 0) + (signals.KnownBotJa3 ? 0.4 : 0) + (signals.DatacenterAsn ? 0.2 : 0)
            + (perMinute > 120 ? 0.3 : 0) + (1 - signals.CaptchaScore) * 0.3;
        var decision = score >= 0.8 ? RiskDecision.Block : score >= 0.5 ? RiskDecision.Challenge : RiskDecision.Allow;

        _verdicts.Add(1, new KeyValuePair<string, object?>("decision", decision.ToWireValue()), new KeyValuePair<string, object?>("datacenter", signals.DatacenterAsn)); // clean direct
        _verdicts.Add(1, new KeyValuePair<string, object?>("client", client.ToString())); // leak TC1003 direct

        if (decision == RiskDecision.Block)
        {
            logger.LogWarning("Blocked booking traffic from {Client}: {RequestsPerMinute} rpm, ja3 {Ja3}", client, perMinute, request.Ja3Fingerprint); // leak TC1001 direct
            if (riderAccountId is not null)
            {
                logger.LogWarning("Blocked request was signed in as rider {RiderRef}", pseudonymizer.ComputeRiskSubjectId(riderAccountId)); // clean precision-pseudonym
                activity?.SetTag("bot.rider", riderAccountId); // leak TC1001 direct
            }
        }

        if (captchaResult is { Success: false })
        {
            logger.LogInformation("Captcha failed: {Errors} on {Action}", string.Join(",", captchaResult.ErrorCodes), captchaResult.Action);
        }

        return decision;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout36.Support;
using TelemetryConventions;

namespace PrivacyHoldout36.Healthcare;

public sealed record LoginAttempt(string Username, string CaptchaToken, IncomingRequest Request);

public sealed class AccountLockedException(string username, int failures)
    : Exception($"Portal account {username} locked after {failures} failed sign-ins")
{
    public int Failures { get; } = failures;
}

/// <summary>
/// Guards the patient portal's sign-in against credential stuffing: failures counted per username
/// and per client address, a captcha after three failures, a lock after ten. The sign-in endpoint
/// catches <see cref="AccountLockedException"/> and answers 423 without logging it.
/// </summary>
public sealed partial class PortalLoginGuard(
    IVelocityStore velocity,
    ICaptchaVerifier captcha,
    ILogger<PortalLoginGuard> logger,
    Meter meter,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> _failures = meter.CreateCounter<long>("portal.login.failures");
    private readonly Histogram<double> _captchaScores = meter.CreateHistogram<double>("portal.captcha.score");

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Sign-in throttled for {Username} ({Failures} failures)")]
    private partial void LogThrottled([PrivateData] string username, long failures);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Credential stuffing suspected from {ClientAddress}: {Usernames} usernames in 10 minutes")]
    private partial void LogStuffingSuspected(string clientAddress, long usernames);

    public async Task<bool> AllowAsync(LoginAttempt attempt, CancellationToken ct)
    {
        var ip = attempt.Request.RemoteIpAddress;
        var activity = Activity.Current;
        activity?.SetTag("portal.login.username_length", attempt.Username.Length); // clean precision-about
        activity?.SetTag("portal.login.user_agent", attempt.Request.UserAgent); // clean precision-names
        activity?.SetTag("client.address", ip.ToString()); // leak TC1001 direct

        var usernamesFromIp = await velocity.AddDistinctAsync($"login-ip:{ip}", attempt.Username, TimeSpan.FromMinutes(10), ct);
        if (usernamesFromIp > 20)
        {
            LogStuffingSuspected(ip.ToString(), usernamesFromIp); // leak TC1001 cross-member
            _failures.Add(1, new KeyValuePair<string, object?>("reason", "stuffing"), new KeyValuePair<string, object?>("network", NetworkOf(ip))); // clean precision-about
            return false;
        }

        var failureKey = $"login-fail:{attempt.Username.ToLowerInvariant()}";
        var failures = await velocity.IncrementAsync(failureKey, TimeSpan.FromHours(1), ct);
        activity?.SetTag("portal.login.failures_last_hour", failures); // clean precision-about
        var sampleShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(attempt.Username.ToLowerInvariant()))[0] % 16;
        activity?.SetTag("portal.login.sample_shard", sampleShard); // clean hashes

        if (failures >= 10)
        {
            var locked = new AccountLockedException(attempt.Username, (int)failures);
            activity?.AddException(locked); // leak TC1001 exceptions
            LogThrottled(attempt.Username, failures); // clean cross-member
            throw locked;
        }

        if (failures >= 3)
        {
            var verdict = await captcha.VerifyAsync(attempt.CaptchaToken, ip.ToString(), ct);
            _captchaScores.Record(verdict.Score, new KeyValuePair<string, object?>("action", verdict.Action));
            logger.LogInformation("Captcha verdict {Success} score {Score} errors {Errors} on {Hostname}", verdict.Success, verdict.Score, string.Join(",", verdict.ErrorCodes), verdict.Hostname); // clean logging-objects
            if (!verdict.Success)
            {
                logger.LogWarning("Captcha failed on throttle key {FailureKey}", failureKey); // leak TC1001 strings
                return false;
            }
        }

        return true;
    }

    private static string NetworkOf(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes.Length == 4 ? $"{bytes[0]}.{bytes[1]}.0.0/16" : "v6";
    }
}

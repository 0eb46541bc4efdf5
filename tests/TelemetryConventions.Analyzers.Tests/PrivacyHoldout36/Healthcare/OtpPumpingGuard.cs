using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Healthcare;

public sealed record OtpRequest(string RegistrationId, string MobileNumber, string NhsNumber, IncomingRequest Request);

public sealed class OtpRateLimitedException(string mobileNumber, long sent)
    : Exception($"One-time codes to {mobileNumber} rate limited after {sent} sends");

internal static class OtpSpanExtensions
{
    public static Activity? WithMobile(this Activity? activity, string mobileNumber) =>
        activity?.SetTag("otp.mobile", mobileNumber); // leak TC1001 direct

    public static Activity? WithDestinationCountry(this Activity? activity, string countryPrefix) =>
        activity?.SetTag("otp.destination.country_prefix", countryPrefix); // clean direct
}

/// <summary>
/// SMS pumping guard for the patient app's registration: bots request one-time codes to premium or
/// foreign ranges to earn a share of the termination fees. Limits per number, per prefix and per
/// client address, and refuses ranges outside the UK.
/// </summary>
public sealed class OtpPumpingGuard(IVelocityStore velocity, Pseudonymizer pseudonymizer, ILogger<OtpPumpingGuard> logger, Meter meter)
{
    private readonly Counter<long> _refused = meter.CreateCounter<long>("registration.otp.refused");

    public async Task<bool> MaySendAsync(OtpRequest otp, CancellationToken ct)
    {
        var prefix = otp.MobileNumber[..3];
        var activity = Activity.Current.WithDestinationCountry(prefix); // clean precision-about
        activity?.SetTag("registration.id", otp.RegistrationId); // clean direct

        if (prefix != "+44")
        {
            _refused.Add(1, new KeyValuePair<string, object?>("reason", "foreign-range"), new KeyValuePair<string, object?>("prefix", prefix)); // clean precision-about
            activity.WithMobile(otp.MobileNumber); // leak TC1001 cross-member
            return false;
        }

        var sentToNumber = await velocity.IncrementAsync($"otp:{otp.MobileNumber}:24h", TimeSpan.FromDays(1), ct);
        var sentFromClient = await velocity.IncrementAsync($"otp-ip:{otp.Request.RemoteIpAddress}:1h", TimeSpan.FromHours(1), ct);
        activity?.SetTag("otp.sent_from_client_1h", sentFromClient); // clean precision-about

        try
        {
            EnsureUnderLimit(otp.MobileNumber, sentToNumber);
        }
        catch (OtpRateLimitedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogWarning(ex, "OTP refused for registration {RegistrationId}", otp.RegistrationId); // leak TC1001 exceptions
            _refused.Add(1, new KeyValuePair<string, object?>("reason", "per-number"), new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeRiskSubjectId(otp.NhsNumber))); // leak TC1003 precision-pseudonym
            return false;
        }

        logger.LogInformation("OTP allowed for registration {RegistrationId} (patient {PatientRef}, {Sent} sends today)", otp.RegistrationId, pseudonymizer.ComputeRiskSubjectId(otp.NhsNumber), sentToNumber); // clean precision-pseudonym
        logger.LogDebug("OTP requested by patient {NhsNumber}", otp.NhsNumber); // leak TC1001 direct
        return true;
    }

    private static void EnsureUnderLimit(string mobileNumber, long sent)
    {
        if (sent > 5)
        {
            throw new OtpRateLimitedException(mobileNumber, sent);
        }
    }
}

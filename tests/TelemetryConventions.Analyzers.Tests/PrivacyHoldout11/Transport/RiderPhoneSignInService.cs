using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout11.Support;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Transport;

public sealed class Rider : IdentityUser
{
    public string? TravelCardNumber { get; set; }

    public bool ConcessionHolder { get; set; }

    public string HomeZone { get; set; } = "1";
}

public sealed record OtpChallenge(Guid ChallengeId, string PhoneNumber, int Attempts, DateTimeOffset ExpiresAt);

public sealed class OtpRejectedException(string phoneNumber, int attempts)
    : Exception($"One-time code for {phoneNumber} rejected after {attempts} attempts")
{
    public int Attempts { get; } = attempts;
}

/// <summary>
/// Passwordless sign-in of the journey planner app: the rider types their mobile number, gets a code by
/// SMS and signs in with it; a new number creates an account.
/// </summary>
public sealed partial class RiderPhoneSignInService(
    UserManager<Rider> riders,
    SignInManager<Rider> signIn,
    ISmsSender sms,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<RiderPhoneSignInService> logger)
{
    private static readonly ActivitySource Source = new("JourneyPlanner.SignIn");

    private readonly ConcurrentDictionary<Guid, OtpChallenge> _challenges = new();
    private readonly Counter<long> _codesSent = meter.CreateCounter<long>("signin.otp.sent");

    public async Task<Guid> StartAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("signin.otp.start");
        var normalised = Normalise(phoneNumber);
        var rider = riders.Users.FirstOrDefault(r => r.PhoneNumber == normalised);
        var challenge = new OtpChallenge(Guid.NewGuid(), normalised, 0, DateTimeOffset.UtcNow.AddMinutes(5));
        _challenges[challenge.ChallengeId] = challenge;

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        await sms.SendAsync(normalised, $"{code} is your Journey Planner code", cancellationToken);

        activity?.SetTag("signin.challenge_id", challenge.ChallengeId); // clean precision-names
        activity?.SetTag("signin.new_rider", rider is null);
        activity?.SetTag("signin.phone.prefix", normalised[..3]); // clean precision-about
        activity?.SetTag("signin.phone.shard", Shard(normalised)); // clean hashes
        activity?.SetTag("signin.phone.sha1", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(normalised)))); // leak TC1002 hashes
        _codesSent.Add(1, new KeyValuePair<string, object?>("country_prefix", normalised[..3])); // clean precision-about
        LogCodeSent(logger, normalised, challenge.ChallengeId); // clean precision-pseudonym
        return challenge.ChallengeId;
    }

    public async Task<bool> CompleteAsync(Guid challengeId, string code)
    {
        if (!_challenges.TryGetValue(challengeId, out var challenge))
        {
            return false;
        }

        using var span = Source.StartIdentitySignIn(IdentityMethod.TwoFactor, spanName: "signin.otp.complete");
        try
        {
            var rider = riders.Users.FirstOrDefault(r => r.PhoneNumber == challenge.PhoneNumber)
                ?? await CreateRiderAsync(challenge.PhoneNumber);
            var valid = await riders.VerifyTwoFactorTokenAsync(rider, TokenOptions.DefaultPhoneProvider, code);
            if (!valid)
            {
                throw new OtpRejectedException(challenge.PhoneNumber, challenge.Attempts + 1);
            }

            await signIn.SignInAsync(rider, isPersistent: true, authenticationMethod: "otp");
            span.SetIdentityOutcome(IdentityOutcome.Success).SetIdentityAccountId(pseudonymizer.PseudonymizeIdentityAccountId(rider.Id)); // clean precision-pseudonym
            Activity.Current?.SetTag("rider.concession", rider.ConcessionHolder);
            Activity.Current?.SetTag("rider.travel_card", rider.TravelCardNumber); // leak TC1001 cross-member
            return true;
        }
        catch (OtpRejectedException ex)
        {
            _challenges[challengeId] = challenge with { Attempts = ex.Attempts };
            span.SetIdentityOutcome(IdentityOutcome.Failed).RecordException(ex); // clean generated-api
            span.SetIdentityFailureReason(ex.Message); // leak TC1001 exceptions
            logger.LogWarning("OTP rejected, attempt {Attempt} ({Exception})", ex.Attempts, ex.GetType().Name); // clean exceptions
            return false;
        }
    }

    private async Task<Rider> CreateRiderAsync(string phoneNumber)
    {
        var rider = new Rider { UserName = phoneNumber, PhoneNumber = phoneNumber, PhoneNumberConfirmed = true };
        var result = await riders.CreateAsync(rider, Guid.NewGuid().ToString("N") + "Aa1!");
        Activity.Current?.SetTag("rider.created", result.Succeeded);
        logger.LogInformation("Rider account created for {UserName}", rider.UserName); // leak TC1001 cross-member
        return rider;
    }

    private int Shard(string phoneNumber) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(phoneNumber))[0] % 32;

    private static string Normalise(string phoneNumber) =>
        "+" + new string(phoneNumber.Where(char.IsDigit).ToArray()).TrimStart('0');

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Code sent to {PhoneNumber} for challenge {ChallengeId}")]
    private static partial void LogCodeSent(ILogger logger, [PrivateData] string phoneNumber, Guid challengeId);
}

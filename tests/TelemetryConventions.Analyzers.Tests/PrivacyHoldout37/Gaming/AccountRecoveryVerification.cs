using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.Telephony;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Gaming;

public sealed record PlayerAccount(Guid PlayerId, string Gamertag, string Email, string? RecoveryPhone, string Platform, string Region);

public interface IPlayerAccounts
{
    Task<PlayerAccount?> FindByGamertagAsync(string gamertag, CancellationToken cancellationToken);

    Task<PlayerAccount?> FindAsync(Guid playerId, CancellationToken cancellationToken);
}

public static partial class RecoveryLog
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Recovery code sent to {Gamertag} by {Channel}")]
    public static partial void CodeSent(ILogger logger, string gamertag, string channel);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Recovery check failed for {Gamertag} ({Status})")]
    public static partial void CheckFailed(ILogger logger, [PrivateData] string gamertag, string status);
}

/// <summary>Account recovery over SMS or a voice call: a one-time code is sent to the recovery phone on file.</summary>
public sealed class AccountRecoveryVerification(
    IPlayerAccounts players,
    IVerifyApi verify,
    Pseudonymizer pseudonymizer,
    ILogger<AccountRecoveryVerification> logger)
{
    private const string ServiceSid = "VA4c7d2e9f0a1b3c5d7e9f1a3b5c7d9e1f";
    private static readonly ActivitySource Source = new("Arcadia.Support.Recovery");
    private static readonly Meter Meter = new("Arcadia.Support.Recovery");
    private static readonly Counter<long> CodesSent = Meter.CreateCounter<long>("recovery.codes.sent");

    public async Task<bool> StartAsync(string gamertag, string channel, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("recovery.start");
        activity?.SetTag("recovery.channel", channel);
        var player = await players.FindByGamertagAsync(gamertag, cancellationToken);
        if (player?.RecoveryPhone is null)
        {
            activity?.SetTag("recovery.phone.on_file", false); // clean precision-about
            return false;
        }

        var cohort = HashCode.Combine(player.PlayerId) & 7;
        activity?.SetTag("recovery.experiment.cohort", cohort); // leak TC1002 hashes
        activity?.SetTag("player.ref", pseudonymizer.ComputeCallCallerId(player.PlayerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("player.platform", player.Platform); // clean precision-about

        var verification = await verify.StartAsync(ServiceSid, player.RecoveryPhone, channel, cancellationToken);
        activity?.SetTag("recovery.verification.sid", verification.Sid);
        activity?.SetTag("recovery.verification.status", verification.Status);
        activity?.SetTag("recovery.phone.country", verification.To[..3]); // clean precision-about
        RecoveryLog.CodeSent(logger, player.Gamertag, channel); // leak TC1001 direct
        CodesSent.Add(1, new TagList { { "recovery.channel", channel }, { "player.region", player.Region } }); // clean precision-about
        logger.LogDebug("Verification {Verification}", verification); // leak TC1001 logging-objects
        return true;
    }

    public async Task<bool> CheckAsync(string gamertag, string code, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("recovery.check");
        var player = await players.FindByGamertagAsync(gamertag, cancellationToken);
        if (player?.RecoveryPhone is null)
        {
            return false;
        }

        var check = await verify.CheckAsync(ServiceSid, player.RecoveryPhone, code, cancellationToken);
        activity?.SetTag("recovery.valid", check.Valid);
        if (!check.Valid)
        {
            RecoveryLog.CheckFailed(logger, player.Gamertag, check.Status); // clean direct
            var fingerprint = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(player.RecoveryPhone)))[..12];
            activity?.AddEvent(new ActivityEvent("recovery.failed", tags: new ActivityTagsCollection { ["recovery.phone.fingerprint"] = fingerprint })); // leak TC1002 hashes
        }
        return check.Valid;
    }
}

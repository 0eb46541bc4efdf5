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
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Gaming;

// Bans and suspensions, checked at sign-in. A ban covers the account and the hardware id of the
// console or PC it was issued on, so that a new account on the same machine is caught (ban evasion).
// Players appeal through a form; appeals are read by a senior moderator.

public sealed record Ban(Guid BanId, Guid PlayerId, string Gamertag, string HardwareId, string ReasonCode, DateTimeOffset Until, string IssuedBy);

public sealed record SignInAttempt(Guid PlayerId, string Gamertag, string HardwareId, IPAddress Address, string Platform);

public sealed record Appeal(Guid AppealId, Guid BanId, Guid PlayerId, string ContactEmail, string Statement);

public interface IBanStore
{
    Task<Ban?> ActiveForPlayerAsync(Guid playerId, CancellationToken cancellationToken);

    Task<Ban?> ActiveForHardwareAsync(string hardwareFingerprint, CancellationToken cancellationToken);
}

public sealed class BannedPlayerException(Ban ban)
    : Exception($"Player {ban.Gamertag} is banned until {ban.Until:u} ({ban.ReasonCode})")
{
    public Ban Ban { get; } = ban;
}

public sealed class SignInBanGate(IBanStore bans, Pseudonymizer pseudonymizer, Meter meter, ILogger<SignInBanGate> logger)
{
    private static readonly ActivitySource Source = new("Game.Safety.Bans");
    private readonly Counter<long> _blocked = meter.CreateCounter<long>("safety.signin.blocked");

    public async Task CheckAsync(SignInAttempt attempt, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("ban.check");
        activity?.SetTag("game.platform", attempt.Platform); // clean precision-about

        var ban = await bans.ActiveForPlayerAsync(attempt.PlayerId, cancellationToken);
        if (ban is not null)
        {
            activity?.SetTag("ban.id", ban.BanId); // clean precision-about
            activity?.SetTag("ban.reason", ban.ReasonCode); // clean precision-about
            _blocked.Add(1, new KeyValuePair<string, object?>("reason", ban.ReasonCode)); // clean precision-about
            throw new BannedPlayerException(ban);
        }

        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(attempt.HardwareId)));
        var evaded = await bans.ActiveForHardwareAsync(fingerprint, cancellationToken);
        if (evaded is not null)
        {
            activity?.SetTag("ban.evasion.fingerprint", fingerprint); // leak TC1002 hashes
            activity?.SetTag("ban.evasion.original_player", pseudonymizer.ComputeModerationSubjectId(evaded.PlayerId.ToString())); // clean precision-pseudonym
            logger.LogWarning("Ban evasion: {Gamertag} signed in on hardware banned for {BannedGamertag}", attempt.Gamertag, evaded.Gamertag); // leak TC1001 direct
            logger.LogWarning("Evasion sign-in from {Address}", attempt.Address); // leak TC1001 direct
            _blocked.Add(1, new KeyValuePair<string, object?>("reason", "evasion"), new KeyValuePair<string, object?>("hardware", attempt.HardwareId)); // leak TC1003 direct
            throw new BannedPlayerException(evaded with { Gamertag = attempt.Gamertag });
        }
    }
}

// The sign-in endpoint turns a ban into a 403 with the ban's end date.
[ApiController]
[Route("api/session")]
public sealed class SessionController(SignInBanGate gate, ILogger<SessionController> logger) : ControllerBase
{
    [HttpPost("sign-in")]
    public async Task<ActionResult> SignInAsync([FromBody] SignInAttempt attempt, CancellationToken cancellationToken)
    {
        try
        {
            await gate.CheckAsync(attempt, cancellationToken);
            return Ok();
        }
        catch (BannedPlayerException ex)
        {
            logger.LogInformation(ex, "Sign-in refused"); // leak TC1001 exceptions
            Activity.Current?.AddEvent(new ActivityEvent("signin.refused", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName, ["ban.until"] = ex.Ban.Until })); // clean exceptions
            return BadRequest($"Banned until {ex.Ban.Until:u}");
        }
    }
}

/// <summary>The moderator signed in to the moderation console, filled per request by its middleware.</summary>
public sealed class ModeratorContext
{
    public string StaffId { get; set; } = string.Empty;

    public string Team { get; set; } = string.Empty;
}

public sealed class AppealIntake(ModeratorContext moderator, Pseudonymizer pseudonymizer, ILogger<AppealIntake> logger)
{
    private static readonly ActivitySource Source = new("Game.Safety.Appeals");

    public void Receive(Appeal appeal, Ban ban)
    {
        using var review = Source.StartModerationReview("appeals");
        review.SetModerationCaseId(appeal.AppealId.ToString()); // clean precision-about
        review.SetModerationSubjectId(pseudonymizer.PseudonymizeModerationSubjectId(appeal.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag(ModerationAttributes.ReporterContact, pseudonymizer.Pseudonymize("appeal.contact", appeal.ContactEmail).Value); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("appeal.ban_issued_by", ban.IssuedBy); // leak TC1001 direct
        Activity.Current?.SetTag("appeal.statement_length", appeal.Statement.Length); // clean precision-about
        Activity.Current?.SetTag("appeal.moderator_team", moderator.Team); // clean precision-names
        logger.LogInformation("Appeal {AppealId} opened by moderator {Moderator}", appeal.AppealId, moderator.StaffId); // leak TC1001 cross-member
        logger.LogInformation("Appeal {AppealId} against ban {BanId}: {Statement}", appeal.AppealId, appeal.BanId, appeal.Statement); // leak TC1001 direct
        var bucket = (appeal.PlayerId.ToString().GetHashCode() & 0x7fffffff) % 10;
        Activity.Current?.SetTag("appeal.qa_bucket", bucket); // leak TC1002 hashes
    }
}

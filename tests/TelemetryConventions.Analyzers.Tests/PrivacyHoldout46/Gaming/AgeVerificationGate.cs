using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout46.Support.Screening;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Gaming;

/// <summary>A player account as the wallet service sees it before a first deposit.</summary>
public sealed record PlayerAccount(Guid PlayerId, string Gamertag, string Email, string? MobileNumber, bool AgeVerified, DateTimeOffset CreatedAt);

public interface IPlayerAccounts
{
    Task<PlayerAccount?> FindAsync(Guid playerId, CancellationToken cancellationToken);

    Task MarkAgeVerifiedAsync(Guid playerId, string checkId, CancellationToken cancellationToken);
}

/// <summary>Thrown when a player fails the age check; the wallet endpoint lets it reach the host.</summary>
public sealed class UnderageAccountException(string gamertag)
    : Exception($"Player {gamertag} failed the age check and cannot deposit");

/// <summary>
/// The gambling licence requires a player's age to be verified before they deposit or play for money.
/// The wallet asks the age-verification provider before the first deposit.
/// </summary>
[ApiController]
[Route("wallet")]
public sealed class FirstDepositController(
    ILogger<FirstDepositController> logger,
    IPlayerAccounts accounts,
    IAgeVerificationClient ageVerification,
    Pseudonymizer pseudonymizer,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Casino.Wallet");
    private readonly Counter<long> _refusals = meter.CreateCounter<long>("wallet.age_refusals");

    [HttpPost("{playerId}/first-deposit")]
    public async Task<ActionResult> FirstDeposit(Guid playerId, [FromBody] DepositRequest deposit, CancellationToken cancellationToken)
    {
        var player = await accounts.FindAsync(playerId, cancellationToken);
        if (player is null)
        {
            return NotFound();
        }

        if (!player.AgeVerified)
        {
            using var check = Source.StartScreeningCheck("age-18");
            check.SetScreeningSubjectRef(pseudonymizer.PseudonymizeScreeningSubjectRef(player.PlayerId.ToString())); // clean precision-pseudonym

            var request = player.MobileNumber is { } mobile
                ? new AgeVerificationRequest("mobile-operator", 18, null, mobile)
                : new AgeVerificationRequest("document", 18, deposit.DocumentImageId, null);
            logger.LogDebug("Age verification request {Request}", request); // leak TC1001 logging-objects

            AgeVerificationResult result;
            try
            {
                result = await ageVerification.VerifyAsync(request, cancellationToken);
            }
            catch (AgeVerificationException ex)
            {
                check.RecordException(ex, includeMessage: true); // clean exceptions
                return BadRequest(ex.Code);
            }

            logger.LogInformation("Age check {CheckId} by {Method}: over 18 {Over18}", result.CheckId, result.Method, result.OverThreshold); // clean precision-about
            Activity.Current?.SetTag("age.estimated", result.EstimatedAge); // clean precision-about
            if (result.DocumentDateOfBirth is { } dateOfBirth)
            {
                logger.LogInformation("Document check for {PlayerId}: date of birth {DateOfBirth}", player.PlayerId, dateOfBirth); // leak TC1001 direct
                Activity.Current?.SetTag("age.document.number", result.DocumentNumber); // leak TC1001 direct
            }

            check.SetScreeningResult(result.OverThreshold ? "passed" : "refused");
            meter.CreateScreeningChecksCounter().Add(1, "age-18", result.OverThreshold ? "passed" : "refused"); // clean generated-api
            if (!result.OverThreshold)
            {
                _refusals.Add(1, new KeyValuePair<string, object?>("gamertag", player.Gamertag)); // leak TC1003 direct
                throw new UnderageAccountException(player.Gamertag); // leak TC1001 exceptions
            }

            await accounts.MarkAgeVerifiedAsync(player.PlayerId, result.CheckId, cancellationToken);
        }

        return Ok(new { player.PlayerId, deposit.Amount });
    }
}

public sealed record DepositRequest(decimal Amount, string Currency, string? DocumentImageId);

namespace PrivacyHoldout103.Transport;

/// <summary>The app asks to bind a travel card's tickets to this installation.</summary>
public sealed record BindRequest(string CardNumber, string InstallationId, string Platform, string AttestKeyId, string AssertionBase64, string ClientDataBase64, uint LastCounter);

public sealed class WalletAlreadyBoundException(string cardNumber, string boundInstallation)
    : Exception($"Card {cardNumber} is already bound to installation {boundInstallation}");

public sealed class TooManyRebindsException(int rebinds, TimeSpan window)
    : Exception($"{rebinds} rebinds in {window.TotalDays:F0} days");

/// <summary>
/// Binds a rider's ticket wallet to one installation, after an App Attest assertion or Play Integrity,
/// so that a ticket shown at the gate cannot be copied to another phone.
/// </summary>
[ApiController]
[Route("api/wallet")]
public sealed partial class TicketWalletBindingController(
    IAppAttestVerifier appAttest,
    IInstallationStore installations,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TicketWalletBindingController> logger) : ControllerBase
{
    private readonly Counter<long> _bindings = meter.CreateCounter<long>("rideapp.wallet.bindings", "{binding}");

    [HttpPost("bind")]
    public async Task<ActionResult> Bind([FromBody] BindRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartRideappAppIngest("attestation");
        span.SetRideappPlatform(request.Platform).SetRideappInstallationId(pseudonymizer.PseudonymizeRideappInstallationId(request.InstallationId)); // clean precision-pseudonym
        Activity.Current?.SetTag("wallet.card_last4", request.CardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("wallet.card", request.CardNumber); // leak TC1001 direct
        LogBinding(logger, request.CardNumber, request.InstallationId); // leak TC1001 direct
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["InstallationId"] = request.InstallationId }); // leak TC1001 logging-objects

        var result = await appAttest.VerifyAssertionAsync(request.AttestKeyId, Convert.FromBase64String(request.AssertionBase64), Convert.FromBase64String(request.ClientDataBase64), request.LastCounter, cancellationToken);
        Activity.Current?.SetTag("appattest.counter", result.Counter); // clean precision-about
        Activity.Current?.SetTag("appattest.valid", result.Valid); // clean precision-about
        logger.LogInformation("Assertion result {Result}", result); // leak TC1001 logging-objects
        if (!result.Valid)
        {
            span.SetRideappOutcome("attestation-failed").SetRideappNote(result.FailureReason ?? "invalid"); // clean generated-api
            return BadRequest("attestation");
        }

        try
        {
            var existing = await installations.FindAsync(request.InstallationId, cancellationToken);
            if (existing is { Attested: true } && existing.AccountId != request.CardNumber)
            {
                throw new WalletAlreadyBoundException(request.CardNumber, existing.InstallationId);
            }
            if (existing?.LastSeenAt > DateTimeOffset.UtcNow.AddDays(-1))
            {
                throw new TooManyRebindsException(3, TimeSpan.FromDays(30));
            }
        }
        catch (WalletAlreadyBoundException ex)
        {
            logger.LogRideappAppRejectedEvent("attestation", "already-bound", rideappNote: ex.Message); // leak TC1001 generated-api
            logger.LogWarning("Wallet already bound: {Error}", ex.GetType().Name); // clean exceptions
            return BadRequest("bound");
        }
        catch (TooManyRebindsException ex)
        {
            span.RecordException(ex, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Rebind refused"); // clean exceptions
            return BadRequest("rebinds");
        }

        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.CardNumber))[0] % 8;
        _bindings.Add(1, new KeyValuePair<string, object?>("platform", request.Platform), new KeyValuePair<string, object?>("shard", shard)); // clean hashes
        _bindings.Add(0, new KeyValuePair<string, object?>("attest_key", request.AttestKeyId)); // leak TC1003 direct
        Activity.Current?.SetTag("wallet.binding", $"{request.CardNumber[^4..]}@{request.Platform}"); // clean strings
        Activity.Current?.SetTag("wallet.binding_key", $"{request.CardNumber}:{request.InstallationId}"); // leak TC1001 strings
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Binding card {CardNumber} to installation {InstallationId}")]
    private static partial void LogBinding(ILogger logger, string cardNumber, string installationId);
}

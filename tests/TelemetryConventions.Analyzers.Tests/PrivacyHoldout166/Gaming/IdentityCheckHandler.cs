namespace PrivacyHoldout166.Gaming;

public sealed record VerifyCommand(Guid AccountId, string DocumentNumber, string DocumentType, string FullName, DateOnly DateOfBirth, string Brand);

/// <summary>Runs the identity and age checks a new account needs before its first deposit.</summary>
public sealed class IdentityCheckHandler(
    IIdentityVerifier verifier,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<IdentityCheckHandler> logger)
{
    private static readonly ActivitySource Source = new("Sportsbook.Identity");
    private static readonly Meter Meter = new("Sportsbook.Identity");
    private readonly SportsbookBetsCounter _bets = Meter.CreateSportsbookBetsCounter();
    private readonly SportsbookBetDurationHistogram _duration = Meter.CreateSportsbookBetDurationHistogram();

    public async Task<bool> HandleAsync(VerifyCommand command, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var player = pseudonymizer.PseudonymizeSportsbookPlayerId(command.AccountId.ToString());
        using var span = Source.StartSportsbookOperation(command.Brand);
        span.SetSportsbookPlayerId(player); // clean generated-api
        span.SetSportsbookMarket("kyc"); // clean generated-api
        span.SetSportsbookNote($"document {command.DocumentType}"); // clean generated-api
        span.SetSportsbookNote(command.FullName); // leak TC1001 generated-api

        try
        {
            var check = await verifier.VerifyAsync(command.DocumentNumber, command.FullName, command.DateOfBirth, cancellationToken);
            span.SetSportsbookOutcome(check.Outcome); // clean generated-api
            logger.LogInformation("Identity check {CheckId} returned {Outcome}", check.CheckId, check.Outcome); // clean precision-names
            logger.LogInformation("Identity check {@Check}", check); // leak TC1001 logging-objects
            logger.LogDebug("Document {Document} checked for {Type}", command.DocumentNumber, command.DocumentType); // leak TC1001 direct
            _bets.Add(1, command.Brand, check.Outcome); // clean generated-api
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, command.Brand); // clean generated-api

            var age = await verifier.AgeAsync(command.FullName, command.DateOfBirth, "", cancellationToken);
            logger.LogInformation("Age verdict {Over18} in band {Band}", age.Over18, age.AgeBand); // clean precision-about
            logger.LogInformation("Age verdict {Verdict}", age); // clean logging-objects
            Activity.Current?.SetTag("kyc.document.type", check.DocumentType); // clean precision-about
            Activity.Current?.SetTag("kyc.name", check.FullName); // leak TC1001 direct
            return check.Outcome == "pass" && age.Over18;
        }
        catch (IdentityMismatchException ex)
        {
            span.RecordException(ex, "document does not match"); // clean exceptions
            logger.LogSportsbookOperationFailedEvent(command.Brand, "mismatch", player, ex.Message); // leak TC1001 exceptions
            _bets.Add(1, command.Brand, "mismatch"); // clean generated-api
            return false;
        }
        catch (VerifierTimeoutException ex)
        {
            span.RecordException(ex, "verifier timed out"); // clean exceptions
            logger.LogSportsbookOperationFailedEvent(command.Brand, "timeout", player, ex.Message); // clean generated-api
            var docHash = BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(command.DocumentNumber)));
            logger.LogWarning("Retry queued for document {DocHash}", docHash); // leak TC1002 hashes
            var docKey = Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(command.DocumentNumber)));
            logger.LogWarning("Retry queued for document key {DocKey}", docKey); // clean hashes
            return false;
        }
    }
}

namespace PrivacyHoldout166.Retail;

public sealed record AgeChallenge(string Store, string TerminalId, string ColleagueId, string? DocumentNumber, string? DocumentType, DateOnly? DateOfBirth, bool Refused);

/// <summary>Records the till's Challenge 25 prompt on lottery and scratchcard sales, for the test-purchase audit.</summary>
public sealed class AgeCheckHandler(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AgeCheckHandler> logger)
{
    private static readonly ActivitySource Source = new("LotteryTill.AgeCheck");
    private static readonly Meter Meter = new("LotteryTill.AgeCheck");
    private static readonly Counter<long> Challenges = Meter.CreateCounter<long>("lotterytill.challenges");

    public void Handle(AgeChallenge challenge)
    {
        using var span = Source.StartLotterytillOperation(challenge.Store);
        span.SetLotterytillColleagueId(pseudonymizer.PseudonymizeLotterytillColleagueId(challenge.ColleagueId)); // clean generated-api
        span.SetLotterytillOutcome(challenge.Refused ? "refused" : "served"); // clean generated-api
        Challenges.Add(1, new KeyValuePair<string, object?>("store", challenge.Store), new KeyValuePair<string, object?>("refused", challenge.Refused)); // clean precision-about
        Challenges.Add(1, new KeyValuePair<string, object?>("colleague", challenge.ColleagueId)); // leak TC1003 direct
        logger.LogInformation("Challenge 25 on till {Till} by colleague {Colleague}", challenge.TerminalId, challenge.ColleagueId); // leak TC1001 direct
        logger.LogInformation("Challenge 25 on till {Till}, document {DocumentType}", challenge.TerminalId, challenge.DocumentType ?? "none"); // clean precision-about

        if (challenge.DocumentNumber is null)
        {
            return;
        }

        var documentNumber = challenge.DocumentNumber;
        logger.LogInformation("Document seen: {DocumentNumber}", documentNumber); // leak TC1001 direct
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(documentNumber)).AsSpan(0, 8));
        span.SetLotterytillNote("doc " + digest); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(documentNumber)).AsSpan(0, 8));
        span.SetLotterytillNote("doc " + keyed); // clean hashes
        logger.LogInformation("Document length {Length}", documentNumber.Length); // clean precision-about
        if (challenge.DateOfBirth is { } dob)
        {
            var over18 = dob.AddYears(18) <= DateOnly.FromDateTime(DateTime.Today);
            logger.LogInformation("Customer over 18: {Over18}", over18); // clean precision-about
            logger.LogInformation("Customer born {DateOfBirth}", dob); // leak TC1001 direct
        }

        logger.LogInformation("Challenge {@Challenge}", challenge); // leak TC1001 logging-objects
        Activity.Current?.SetTag("lotterytill.colleague", challenge.ColleagueId); // leak TC1001 direct
    }
}

namespace PrivacyHoldout174.Transport;

/// <summary>Issues companion passes that let a carer travel free with the pass holder.</summary>
public sealed partial class CompanionPassService(ILogger<CompanionPassService> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter)
{
    private static readonly ActivitySource Source = new("CommunityTransport.CompanionPasses");
    private CompanionPass? _lastIssued;

    public void Issue(CompanionPass pass)
    {
        _lastIssued = pass;
        using var span = Source.StartCarerideOperation("pass-office");
        span.SetCarerideOutcome("issued"); // clean generated-api
        span.SetCarerideClientId(Pseudonym.FromComputed(pass.PassNumber)); // leak TC1001 precision-pseudonym

        Issued(logger, pass.PassNumber, pass.HolderName); // leak TC1001 precision-names
        IssuedRedacted(logger, pass.PassNumber, pass.HolderName); // clean precision-names
        logger.LogInformation("Companion pass issued {Pass}", pass); // leak TC1001 logging-objects
        logger.LogInformation("Companion pass issued, carer named {Named}", !string.IsNullOrWhiteSpace(pass.CarerName)); // clean precision-about

        var digest = MD5.HashData(Encoding.UTF8.GetBytes(pass.PassNumber));
        Activity.Current?.SetTag("pass.ref", Convert.ToBase64String(digest)); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        Activity.Current?.SetTag("pass.ref", Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(pass.PassNumber)))[..16]); // clean hashes
        CarerideOperationDurationHistogram.For(meter).Record(1.5, carerideDepot: "pass-office"); // clean generated-api
    }

    public void Reprint(string reason)
    {
        Activity.Current?.SetTag("pass.reprint_reason", reason); // clean precision-about
        Activity.Current?.SetTag("pass.reprint_carer", _lastIssued?.CarerName); // leak TC1001 cross-member
        logger.LogCarerideOperationFailedEvent(carerideDepot: "pass-office", carerideOutcome: "reprint", carerideNote: reason); // clean generated-api
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pass {PassNumber} issued to {Holder}")]
    private static partial void Issued(ILogger logger, string passNumber, string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pass {PassNumber} issued to {Holder}")]
    private static partial void IssuedRedacted(ILogger logger, [PrivateData] string passNumber, [PrivateData] string holder);
}

namespace PrivacyHoldout122.Energy;

/// <summary>
/// Reads the proof of address a new occupier uploads (a tenancy agreement, a council tax bill, a bank
/// statement), checks its age and compares it with the supply address before the account moves into
/// their name.
/// </summary>
public sealed partial class ProofOfAddressProcessor(
    IDocumentReader reader,
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<ProofOfAddressProcessor> logger)
{
    private readonly Histogram<double> _documentAge = meter.CreateHistogram<double>("poa.document.age", "d");

    [LoggerMessage(Level = LogLevel.Information, Message = "Proof of address {Kind} from {Issuer} accepted for account {AccountNumber}")]
    private static partial void Accepted(ILogger logger, string kind, string issuer, string accountNumber);

    public async Task<bool> ProcessAsync(string accountNumber, string supplyPostcode, ProofOfAddress proof, byte[] image, CancellationToken cancellationToken)
    {
        using var span = source.StartAccountidvVerify(Guid.NewGuid().ToString("N"), "in-house-ocr").SetAccountidvDocumentType(proof.DocumentKind); // clean generated-api
        span.SetAccountidvCustomerId(pseudonymizer.PseudonymizeAccountidvCustomerId(accountNumber)); // clean generated-api
        var ageDays = DateOnly.FromDateTime(DateTime.Today).DayNumber - proof.IssuedOn.DayNumber;
        _documentAge.Record(ageDays, new KeyValuePair<string, object?>("kind", proof.DocumentKind)); // clean precision-about
        span.Activity?.SetTag("poa.issuer", proof.Issuer); // clean precision-names
        span.Activity?.SetTag("poa.holder", proof.HolderName); // leak TC1001 direct
        span.Activity?.SetTag("poa.holder_initial", proof.HolderName.Length > 0 ? proof.HolderName[0] : ' '); // clean precision-about
        span.Activity?.SetTag("poa.account_reference", proof.AccountReference); // leak TC1001 direct

        if (ageDays > options.ProofOfAddressMaxAge.TotalDays)
        {
            var ex = new DocumentTooOldException(proof.DocumentKind, proof.IssuedOn, options.ProofOfAddressMaxAge);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogInformation(ex, "Proof of address too old"); // clean exceptions
            return false;
        }

        var ocr = await reader.ReadAsync(image, proof.DocumentKind, cancellationToken);
        logger.LogDebug("Proof of address text: {Text}", ocr.RawText); // leak TC1001 strings
        logger.LogDebug("Proof of address text has {Lines} lines", ocr.RawText.Split('\n').Length); // clean precision-about

        if (!string.Equals(proof.Postcode.Replace(" ", ""), supplyPostcode.Replace(" ", ""), StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                throw new AddressMismatchException(supplyPostcode, $"{proof.AddressLine1}, {proof.Town} {proof.Postcode}");
            }
            catch (AddressMismatchException ex)
            {
                logger.LogWarning(ex, "Address mismatch for account {AccountRef}", pseudonymizer.ComputeAccountidvCustomerId(accountNumber)); // leak TC1001 exceptions
                span.SetAccountidvOutcome("address-mismatch"); // clean generated-api
                span.Activity?.SetTag("poa.mismatch", ex.GetType().Name); // clean exceptions
                return false;
            }
        }

        Accepted(logger, proof.DocumentKind, proof.Issuer, accountNumber); // leak TC1001 logging-objects
        logger.LogInformation("Accepted {@Proof}", proof); // leak TC1001 logging-objects
        logger.LogInformation("Accepted {Kind} issued {IssuedOn} by {Issuer}, confidence {Confidence}", proof.DocumentKind, proof.IssuedOn, proof.Issuer, proof.Confidence); // clean logging-objects
        return true;
    }
}

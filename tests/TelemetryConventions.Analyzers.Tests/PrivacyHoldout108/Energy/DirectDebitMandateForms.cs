namespace PrivacyHoldout108.Energy;

/// <summary>The direct debit mandate form: the account holder types in their bank details, the service fills the Bacs mandate PDF, seals it with the supplier's certificate and keeps it for the bank.</summary>
public sealed partial class DirectDebitMandateForms(
    PdfFormFiller filler,
    PdfSigner signer,
    SigningCertificate sealCertificate,
    SigningOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<DirectDebitMandateForms> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Mandates");

    private static readonly PdfTemplate MandateTemplate = new("tpl-bacs-mandate", 3, "en-GB",
        ["AccountHolder", "SortCode", "BankAccountNumber", "SupplyAccountNumber", "Reference", "Date"]);

    public SignedPdf Complete(FormSubmission submission)
    {
        using var activity = Source.StartActivity("mandate.complete");
        var values = submission.Values;
        var supplyAccount = values["SupplyAccountNumber"];
        activity?.SetTag("mandate.form", $"{submission.FormId}@v{submission.Version}"); // clean precision-names
        activity?.SetTag("mandate.sort_code", values["SortCode"]); // clean precision-about
        activity?.SetTag("mandate.bank_account_last2", values["BankAccountNumber"][^2..]); // clean precision-about
        activity?.SetTag("mandate.bank_account", values["BankAccountNumber"]); // leak TC1001 direct
        activity?.SetTag("mandate.reference", values["Reference"]); // leak TC1001 cross-member

        try
        {
            var pdf = filler.Fill(MandateTemplate, values, $"mandate-{submission.SubmissionId:N}.pdf");
            activity?.SetTag("mandate.file", pdf.FileName); // clean precision-names
            var appearance = new SignatureAppearance { Reason = "Direct Debit Instruction", Location = "Bristol, UK", SignerName = values["AccountHolder"], Contact = "billing@supplier.example" };
            var signed = signer.Sign(pdf, sealCertificate, appearance);
            activity?.SetTag("mandate.seal.subject", sealCertificate.Subject); // clean precision-names
            activity?.SetTag("mandate.seal.thumbprint", sealCertificate.Thumbprint); // clean precision-names
            activity?.SetTag("mandate.seal.not_after", sealCertificate.NotAfter.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
            activity?.SetTag("mandate.signature.reason", appearance.Reason); // clean precision-names
            activity?.SetTag("mandate.signature.name", appearance.SignerName); // leak TC1001 cross-member
            logger.LogInformation("Mandate sealed with {Certificate}", sealCertificate); // clean logging-objects
            MandateSealed(logger, signed.FileName, pseudonymizer.ComputeContractsignSignerId(supplyAccount)); // clean precision-pseudonym
            MandateSealedForHolder(logger, signed.FileName, values["AccountHolder"]); // clean logging-objects
            return signed;
        }
        catch (PdfFieldValueException ex) when (ex.Field == "SortCode")
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            throw;
        }
        catch (PdfFieldValueException ex)
        {
            logger.LogWarning(ex, "Mandate field {Field} refused", ex.Field); // leak TC1001 exceptions
            throw;
        }
        catch (TimestampAuthorityException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogError("TSA {Tsa} failed: {Message}", options.TimestampAuthorityUrl, ex.Message); // clean exceptions
            throw;
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Mandate {FileName} sealed for account {AccountId}")]
    private static partial void MandateSealed(ILogger logger, string fileName, string accountId);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Debug, Message = "Mandate {FileName} sealed for {AccountHolder}")]
    private static partial void MandateSealedForHolder(ILogger logger, string fileName, [PrivateData] string accountHolder);
}

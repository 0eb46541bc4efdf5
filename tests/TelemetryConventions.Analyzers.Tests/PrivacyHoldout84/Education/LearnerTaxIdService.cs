namespace PrivacyHoldout84.Education;

/// <summary>The billing profile a learner fills in: an individual, or a company paying for its staff.</summary>
public sealed record BillingProfile(string CustomerId, string Kind, string? CompanyName, TaxId? TaxId, string Country);

public sealed class TaxIdRejectedException(TaxId taxId, string viesStatus) : Exception($"Tax id {taxId.Type} {taxId.Value} rejected by VIES: {viesStatus}")
{
    public string ViesStatus { get; } = viesStatus;
}

/// <summary>Validates the tax ids on learners' billing profiles; businesses get reverse charge, individuals pay VAT.</summary>
public sealed partial class LearnerTaxIdService(ILogger<LearnerTaxIdService> logger, ActivitySource source, Pseudonymizer pseudonymizer)
{
    public void Validate(BillingProfile profile)
    {
        using var span = source.StartCoursesubWebhook("customer.tax_id.created");
        span.SetCoursesubCustomerId(pseudonymizer.PseudonymizeCoursesubCustomerId(profile.CustomerId)); // clean precision-pseudonym
        if (profile.TaxId is not { } taxId)
        {
            return;
        }

        Activity.Current?.SetTag("tax_id.type", taxId.Type); // clean precision-about
        Activity.Current?.SetTag("tax_id.country_prefix", taxId.Value[..2]); // clean precision-about
        if (profile.Kind == "business")
        {
            LogBusinessTaxId(logger, profile.CompanyName, taxId.Value, taxId.Verification); // clean precision-about
        }
        else
        {
            logger.LogInformation("Individual learner's tax id {TaxId}", taxId); // leak TC1001 logging-objects
            Activity.Current?.SetTag("tax_id.lookup_key", $"{profile.Country}:{taxId.Value}"); // leak TC1001 strings
        }

        try
        {
            if (taxId.Verification == "unverified")
            {
                throw new TaxIdRejectedException(taxId, "INVALID_INPUT");
            }
        }
        catch (TaxIdRejectedException ex)
        {
            span.SetCoursesubOutcome("tax_id_rejected:" + ex.ViesStatus); // clean exceptions
            span.SetCoursesubNote(ex.Message); // leak TC1001 exceptions
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Company {CompanyName} registered VAT number {VatNumber} ({Verification})")]
    private static partial void LogBusinessTaxId(ILogger logger, string? companyName, string vatNumber, string verification);
}

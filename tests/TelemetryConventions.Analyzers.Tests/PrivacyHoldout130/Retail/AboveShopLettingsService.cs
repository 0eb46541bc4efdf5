namespace PrivacyHoldout130.Retail;

public sealed record FlatApplication(string StoreNumber, string FlatRef, string ApplicantId, string FullName, string Email, DateOnly DateOfBirth, string NationalInsuranceNumber, decimal AnnualIncome, bool IsColleague);

/// <summary>
/// The estates team's service for the flats above the retailer's shops: applicants are referenced, a tenancy is
/// drawn up and the deposit is protected. Colleagues get priority on flats above their own store.
/// </summary>
public sealed partial class AboveShopLettingsService(
    IReferencingClient referencing,
    ILettingsClient lettings,
    Pseudonymizer pseudonymizer,
    IOptions<LettingsOptions> options,
    ILogger<AboveShopLettingsService> logger)
{
    private static readonly ActivitySource Source = new("Estates.Flats");
    private static readonly Meter Meter = new("Estates.Flats");
    private static readonly Histogram<double> Affordability = Meter.CreateHistogram<double>("flats.affordability_ratio");

    public async Task<string?> LetAsync(FlatApplication application, CancellationToken ct)
    {
        using var span = Source.StartShopletsTenancy(application.FlatRef).SetShopletsRegion(application.StoreNumber); // clean precision-names
        span.SetShopletsTenantId(pseudonymizer.PseudonymizeShopletsTenantId(application.ApplicantId)); // clean precision-pseudonym
        span.Activity?.SetTag("flats.colleague", application.IsColleague); // clean precision-about
        span.Activity?.SetTag("flats.applicant.age", DateTime.UtcNow.Year - application.DateOfBirth.Year); // clean precision-about
        span.Activity?.SetTag("flats.applicant.dob", application.DateOfBirth.ToString("O")); // leak TC1001 direct
        span.Activity?.SetTag("flats.template", options.Value.ViewingConfirmationTemplateId); // clean precision-names
        logger.LogInformation("Referencing applicant {ApplicantId} for flat {FlatRef}", application.ApplicantId, application.FlatRef); // leak TC1001 direct

        var request = new ReferencingRequest(application.ApplicantId, application.FullName, application.Email, application.DateOfBirth, application.NationalInsuranceNumber, application.AnnualIncome);
        logger.LogDebug("Referencing request {Request}", request); // leak TC1001 logging-objects
        ReferencingStarted(logger, application.FlatRef, application.NationalInsuranceNumber); // leak TC1001 logging-objects

        ReferencingResult result;
        try
        {
            result = await referencing.SubmitAsync(request, ct);
        }
        catch (IdentityMismatchException ex)
        {
            logger.LogShopletsTenancyFailedEvent(application.FlatRef, ex.Code); // clean generated-api
            logger.LogShopletsTenancyFailedEvent(application.FlatRef, ex.Code, shopletsNote: ex.Message); // leak TC1001 generated-api
            return null;
        }

        logger.LogInformation("Referencing {Result}", result); // clean logging-objects
        Affordability.Record((double)result.AffordabilityRatio, new KeyValuePair<string, object?>("outcome", result.Outcome), new("guarantor", result.GuarantorRequired)); // clean precision-about
        if (result.Outcome != "accept")
        {
            span.SetShopletsOutcome(result.Outcome);
            return null;
        }

        var occupant = new Occupant(application.ApplicantId, application.FullName, application.Email, string.Empty, true);
        try
        {
            var tenancy = await lettings.CreateTenancyAsync(application.FlatRef, new[] { occupant }, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)), ct);
            logger.LogInformation("Tenancy {TenancyRef} starts {Start}", tenancy.TenancyRef, tenancy.StartDate); // clean precision-names
            logger.LogInformation("Lead tenant {Occupant}", occupant); // leak TC1001 logging-objects
            return tenancy.TenancyRef;
        }
        catch (TenancyConflictException ex)
        {
            logger.LogWarning(ex, "Flat {FlatRef} cannot be let ({Reason})", application.FlatRef, ex.ReasonCode); // clean exceptions
            return null;
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Referencing for {FlatRef} started, NI {NiNumber}")]
    private static partial void ReferencingStarted(ILogger logger, string flatRef, string niNumber);
}

using Fluentkit;

namespace PrivacyHoldout77.Healthcare;

public sealed record ReferralRequest(string NhsNumber, string ReferringClinicianEmail, string Specialty, string Priority, string? PatientMobile, string? ClinicalSummary);

public static class NhsNumbers
{
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 10 || !value.All(char.IsDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (value[i] - '0') * (10 - i);
        }
        var check = 11 - (sum % 11);
        return (check == 11 ? 0 : check) == value[9] - '0';
    }

    /// <summary>Keeps the last three digits, as the referral desk reads them back on the phone.</summary>
    public static string MaskTail(string? value) => value is { Length: > 3 } ? new string('*', value.Length - 3) + value[^3..] : "***";
}

public sealed class ReferralRequestValidator : AbstractValidator<ReferralRequest>
{
    private static readonly HashSet<string> OpenSpecialties = new(StringComparer.OrdinalIgnoreCase) { "cardiology", "dermatology", "ent", "orthopaedics" };

    public ReferralRequestValidator()
    {
        RuleFor(r => r.NhsNumber).NotEmpty().Must(NhsNumbers.IsValid).WithMessage(r => $"'{r.NhsNumber}' is not a valid NHS number.").WithErrorCode("NHS_NUMBER_CHECKSUM");
        RuleFor(r => r.ReferringClinicianEmail).NotEmpty().EmailAddress();
        RuleFor(r => r.Specialty).Must(s => OpenSpecialties.Contains(s)).WithMessage(r => $"Specialty '{r.Specialty}' does not accept e-referrals.").WithErrorCode("SPECIALTY_CLOSED");
        RuleFor(r => r.PatientMobile).Matches(@"^07\d{9}$").WithErrorCode("MOBILE_FORMAT");
        RuleFor(r => r.ClinicalSummary).MaximumLength(4000);
    }
}

public sealed class ReferralIntake(IValidator<ReferralRequest> validator, ReferralRequestValidator urgentValidator, ILogger<ReferralIntake> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Clinic.Referrals");
    private readonly Counter<long> _rejected = meter.CreateCounter<long>("clinapi.referrals.rejected");
    private readonly Counter<long> _rejectedByReferrer = meter.CreateCounter<long>("clinapi.referrals.rejected_by_referrer");

    public async Task<ActionResult> SubmitAsync(ApiCall call, ReferralRequest request, CancellationToken cancellationToken)
    {
        using var validation = Source.StartClinapiValidation(call.RequestedVersion.ToString()); // clean precision-about
        var result = await validator.ValidateAsync(request, cancellationToken);
        validation.SetClinapiFailureCount(result.Errors.Count); // clean precision-about
        if (result.IsValid)
        {
            validation.SetClinapiOutcome("ok");
            return new OkResult(null);
        }

        foreach (var failure in result.Errors)
        {
            meter.CreateClinapiValidationFailuresCounter().Add(1, clinapiEndpoint: call.RouteTemplate, clinapiValidationProperty: failure.PropertyName, clinapiValidationRule: failure.ErrorCode); // clean precision-names
            logger.LogWarning("Referral rejected: {Property} failed {Rule} with {Attempted}", failure.PropertyName, failure.ErrorCode, failure.AttemptedValue); // leak TC1001 direct
        }

        var first = result.Errors[0];
        validation.SetClinapiValidationProperty(first.PropertyName); // clean precision-names
        validation.SetClinapiValidationRule(first.ErrorCode ?? "unknown"); // clean precision-about
        validation.SetClinapiNote(first.ErrorMessage); // leak TC1001 generated-api
        logger.LogInformation("Referral validation summary: {Summary}", result.ToString("; ")); // leak TC1001 strings

        var nhsFailure = result.Errors.FirstOrDefault(e => e.PropertyName == nameof(ReferralRequest.NhsNumber));
        if (nhsFailure is not null)
        {
            logger.LogInformation("NHS number rejected ({Masked})", NhsNumbers.MaskTail(nhsFailure.AttemptedValue as string)); // clean precision-about
        }

        Activity.Current?.SetTag("clinapi.referral.error_codes", string.Join(",", result.Errors.Select(e => e.ErrorCode).Distinct())); // clean precision-about
        _rejected.Add(1, new TagList { { "specialty", request.Specialty }, { "priority", request.Priority } }); // clean precision-about
        _rejectedByReferrer.Add(1, new TagList { { "referrer", request.ReferringClinicianEmail } }); // leak TC1003 direct
        logger.LogClinapiValidationFailedEvent(call.RouteTemplate, result.Errors.Count, clinapiPatientId: pseudonymizer.PseudonymizeClinapiPatientId(request.NhsNumber), clinapiValidationProperty: first.PropertyName); // clean precision-pseudonym
        return new BadRequestResult(null);
    }

    public ActionResult SubmitUrgent(ReferralRequest request)
    {
        try
        {
            urgentValidator.ValidateAndThrow(request);
            return new OkResult(null);
        }
        catch (ValidationException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Urgent referral: {Count} failures on {Properties}", ex.Errors.Count, string.Join(",", ex.Errors.Select(e => e.PropertyName))); // clean precision-names
            return new BadRequestResult(null);
        }
    }
}

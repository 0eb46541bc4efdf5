using System.ComponentModel.DataAnnotations;
using AnnotationResult = System.ComponentModel.DataAnnotations.ValidationResult;

namespace PrivacyHoldout77.Retail;

public sealed class CheckoutRequest : IValidatableObject
{
    [Required]
    public string? CustomerNumber { get; set; }

    [Required, EmailAddress]
    public string? Email { get; set; }

    [Phone]
    public string? Mobile { get; set; }

    [Required]
    public string? DeliveryPostcode { get; set; }

    [Required]
    public string? BasketId { get; set; }

    [Range(1, 200)]
    public int ItemCount { get; set; }

    public string? VoucherCode { get; set; }

    public IEnumerable<AnnotationResult> Validate(ValidationContext validationContext)
    {
        if (DeliveryPostcode is not null && DeliveryPostcode.StartsWith("BT", StringComparison.OrdinalIgnoreCase))
        {
            yield return new AnnotationResult($"We cannot deliver to {DeliveryPostcode} yet.", new[] { nameof(DeliveryPostcode) });
        }
        if (VoucherCode is not null && VoucherCode.Length != 10)
        {
            yield return new AnnotationResult($"Voucher {VoucherCode} is not a valid code.", new[] { nameof(VoucherCode) });
        }
    }
}

public sealed class CheckoutValidationFilter(ILogger<CheckoutValidationFilter> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Counter<long> _rejected = meter.CreateCounter<long>("shopapi.checkout.rejected", "{checkout}");
    private readonly Counter<long> _rejectedByDistrict = meter.CreateCounter<long>("shopapi.checkout.rejected_by_district", "{checkout}");

    public ValidationProblemDetails? Check(ApiCall call, CheckoutRequest request)
    {
        var results = new List<AnnotationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return null;
        }

        var errors = results
            .SelectMany(r => r.MemberNames.Select(m => (Member: m, r.ErrorMessage)))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "Invalid.").ToArray());
        var problem = new ValidationProblemDetails(errors) { Instance = call.RouteTemplate };

        var span = Activity.Current.EnrichShopapiRequest(call.RouteTemplate); // clean precision-about
        span.SetShopapiFailureCount(results.Count).SetShopapiOutcome("invalid"); // clean precision-about
        span.SetShopapiCustomerId(pseudonymizer.PseudonymizeShopapiCustomerId(request.CustomerNumber ?? "unknown")); // clean precision-pseudonym
        foreach (var member in errors.Keys)
        {
            meter.CreateShopapiValidationFailuresCounter().Add(1, shopapiEndpoint: call.RouteTemplate, shopapiValidationProperty: member); // clean precision-names
        }

        var postcodeErrors = errors.GetValueOrDefault(nameof(CheckoutRequest.DeliveryPostcode)) ?? Array.Empty<string>();
        logger.LogWarning("Postcode problems: {Errors}", string.Join(" ", postcodeErrors)); // leak TC1001 strings
        var emailErrors = errors.GetValueOrDefault(nameof(CheckoutRequest.Email)) ?? Array.Empty<string>();
        logger.LogWarning("Email problems: {Errors}", string.Join(" ", emailErrors)); // clean precision-about
        logger.LogWarning("Checkout invalid: {Results}", results); // leak TC1001 logging-objects
        _rejected.Add(1, new TagList { { "items", request.ItemCount }, { "voucher", request.VoucherCode is not null } }); // clean precision-about
        _rejectedByDistrict.Add(1, new TagList { { "district", request.DeliveryPostcode?.Split(' ')[0] } }); // clean precision-about
        logger.LogShopapiValidationFailedEvent(call.RouteTemplate, results.Count, shopapiNote: string.Join(" | ", results.Select(r => r.ErrorMessage))); // leak TC1001 generated-api
        return problem;
    }
}

namespace PrivacyHoldout64.Retail;

/// <summary>A return opened from the order page. The reason code comes from the form's drop-down; the comment is typed.</summary>
public sealed record ReturnRequest(
    string OrderId,
    string CustomerNumber,
    string CustomerEmail,
    string Sku,
    string ReasonCode,
    string? Comment,
    string DeliveryPostcode);

public sealed record ReturnApproved(string ReturnId, string LabelUrl, string EmailTemplateId);

public sealed record ReturnRefused(string ReasonCode);

public interface IReturnsPolicy
{
    bool Allows(string reasonCode, string sku);
}

public interface ICarrier
{
    /// <summary>Books a collection and returns the label's URL. Throws <see cref="CarrierValidationException"/>.</summary>
    Task<string> CreateLabelAsync(string postcode, string orderId, CancellationToken cancellationToken);
}

/// <summary>The carrier's validation problem, which quotes the postcode it refused.</summary>
public sealed class CarrierValidationException(string postcode) : Exception($"Postcode '{postcode}' is not deliverable by ParcelCo");

public sealed class ReturnsDesk(
    IReturnsPolicy policy,
    ICarrier carrier,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ReturnsDesk> logger)
{
    private static readonly Func<string, string> Tidy = static postcode => postcode.Trim().ToUpperInvariant();
    private static readonly Func<string, string> DistrictOf = Tidy.Then(static postcode => postcode.Split(' ')[0]);

    public async Task<OneOf<ReturnApproved, ReturnRefused>> OpenAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichCheckoutPlace("returns").SetCheckoutOrderId(request.OrderId);
        span.SetCheckoutCustomerId(pseudonymizer.PseudonymizeCheckoutCustomerId(request.CustomerNumber)); // clean precision-pseudonym
        logger.LogInformation("Return of {Sku} for {Reason} from district {District}", request.Sku, request.ReasonCode, DistrictOf(request.DeliveryPostcode)); // clean precision-about
        request.Comment.ToOption().Tap(comment => span.SetCheckoutNote(comment)); // leak TC1001 generated-api

        var label = await Result.TryAsync(() => carrier.CreateLabelAsync(request.DeliveryPostcode, request.OrderId, cancellationToken));
        label.OnFailure(error => logger.LogWarning("No collection label for {OrderId}: {Error}", request.OrderId, error)); // leak TC1001 exceptions

        OneOf<ReturnApproved, ReturnRefused> outcome = policy.Allows(request.ReasonCode, request.Sku) && label.IsSuccess
            ? new ReturnApproved($"R-{request.OrderId}", label.Value, "returns-label-v3")
            : new ReturnRefused(label.IsSuccess ? "policy" : "no_label");
        outcome.Switch(
            approved => logger.LogInformation("Return {ReturnId} approved, email template {EmailTemplateId}", approved.ReturnId, approved.EmailTemplateId), // clean precision-names
            refused => logger.LogInformation("Return refused: {Reason}", refused.ReasonCode)); // clean direct

        var forTheQueue = request with { Comment = null, CustomerEmail = "(hidden)" };
        logger.LogDebug("Return request {Request}", forTheQueue); // leak TC1001 logging-objects
        logger.LogInformation("Confirmation goes to {Email}", request.CustomerEmail); // leak TC1001 direct

        var orders = meter.CreateCheckoutOrdersCounter();
        orders.Add(1, "returns", null, outcome.Match(_ => "return:approved", refused => $"return:{refused.ReasonCode}")); // clean generated-api
        orders.Add(1, "returns", null, request.CustomerNumber); // leak TC1003 direct
        return outcome;
    }
}

namespace PrivacyHoldout94.Retail;

public sealed record CheckoutAddressRequest(string BasketId, string? CustomerNumber, PostalAddress Delivery, string DeliveryPhone, string Email);

public sealed record CheckoutAddressResponse(string Status, PostalAddress? Standardised, IReadOnlyList<PostalAddress> Suggestions);

/// <summary>
/// The checkout's address step: the delivery address is validated (the shopper picks a suggestion or
/// accepts the corrected one), the delivery phone for the courier is normalised, the receipt email is
/// syntax-checked.
/// </summary>
public static class CheckoutAddressEndpoints
{
    private static readonly ActivitySource Source = new("Retail.Checkout");
    private static readonly Meter CheckoutMeter = new("Retail.Checkout");
    private static readonly CheckoutaddrChecksCounter Checks = CheckoutMeter.CreateCheckoutaddrChecksCounter();
    private static readonly Histogram<double> Confidence = CheckoutMeter.CreateHistogram<double>("checkoutaddr.address.confidence");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/checkout/{basketId}/address", ValidateAsync);

    public static async Task<ActionResult> ValidateAsync(
        CheckoutAddressRequest request,
        IAddressValidator validator,
        Pseudonymizer pseudonymizer,
        ContactHygieneOptions options,
        ILogger<CheckoutAddressRequest> logger,
        CancellationToken cancellationToken)
    {
        using var span = Source.StartCheckoutaddrCheck("address");
        span.Activity?.SetTag("checkout.basket.id", request.BasketId); // clean precision-names
        if (request.CustomerNumber is { } customerNumber)
        {
            span.SetCheckoutaddrCustomerId(pseudonymizer.PseudonymizeCheckoutaddrCustomerId(customerNumber)); // clean precision-pseudonym
        }
        else
        {
            span.Activity?.SetTag("checkout.guest", true); // clean precision-about
        }

        span.SetCheckoutaddrRegion(request.Delivery.CountryCode); // clean precision-about
        span.Activity?.SetTag("checkout.delivery.district", request.Delivery.OutwardCode); // clean precision-about
        span.Activity?.SetTag("checkout.delivery.postcode", request.Delivery.PostalCode); // leak TC1001 direct

        AddressValidationResult result;
        try
        {
            result = await validator.ValidateAsync(request.Delivery, cancellationToken);
        }
        catch (AddressValidationException ex)
        {
            logger.LogInformation("Checkout address rejected in {Component}: {Value}", ex.Component, ex.Value); // leak TC1001 exceptions
            Checks.Add(1, "address", "unparsed", request.Delivery.CountryCode);
            return new BadRequestResult(ex.Component);
        }
        catch (AddressServiceUnavailableException ex)
        {
            // Never block a sale on the validator: accept the address as typed.
            span.RecordException(ex, "validator unavailable", includeMessage: true); // clean exceptions
            return new OkResult(new CheckoutAddressResponse("accepted-unchecked", request.Delivery, []));
        }

        Confidence.Record(result.Confidence, new KeyValuePair<string, object?>("verdict", result.Verdict.ToString()), new KeyValuePair<string, object?>("country", request.Delivery.CountryCode)); // clean precision-about
        span.SetCheckoutaddrVerdict(result.Verdict.ToString()); // clean precision-about
        span.Activity?.SetTag("checkout.address.summary", $"{result.Verdict}/{result.MatchLevel}/{result.Confidence:0.00}"); // clean strings
        logger.LogDebug("Validated delivery to " + request.Delivery.Line1 + " for basket " + request.BasketId); // leak TC1001 strings
        span.SetCheckoutaddrCandidateCount(result.Suggestions.Count);

        var suggestions = result.Suggestions.OrderByDescending(s => s.Score).Take(options.MaxSuggestions).Select(s => s.Address).ToList();
        if (result.Verdict == AddressVerdict.Ambiguous)
        {
            span.SetCheckoutaddrNote($"offered {suggestions.Count} suggestions"); // clean generated-api
            logger.LogDebug("Suggestions offered: {Suggestions}", suggestions); // leak TC1001 logging-objects
            return new OkResult(new CheckoutAddressResponse("choose", null, suggestions));
        }
        if (result.Verdict == AddressVerdict.Corrected)
        {
            span.Activity?.SetTag("checkout.address.corrected_fields", string.Join(",", result.CorrectedComponents)); // clean precision-names
            span.Activity?.SetTag("checkout.address.standardised", result.Standardised?.FormatSingleLine()); // leak TC1001 strings
        }
        if (result.Verdict == AddressVerdict.Unverifiable)
        {
            span.Activity?.SetTag(CheckoutaddrAttributes.CustomerContact, request.Delivery.Line1 + ", " + request.Delivery.PostalCode); // leak TC1001 generated-api
            logger.LogCheckoutaddrCheckFailedEvent("address", "unverifiable", checkoutaddrNote: $"basket {request.BasketId} address unverifiable at {result.MatchLevel}"); // clean generated-api
        }

        Checks.Add(1, "address", result.Verdict.ToString(), request.Delivery.CountryCode);
        return new OkResult(new CheckoutAddressResponse(result.Verdict.ToString(), result.Standardised, suggestions));
    }
}

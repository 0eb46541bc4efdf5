namespace PrivacyHoldout77.Retail;

internal static partial class ShopLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkout for {CustomerNumber} invalid: {Members}")]
    public static partial void CheckoutInvalid(ILogger logger, string customerNumber, string members);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkout for a {CustomerTier} customer invalid: {Members}")]
    public static partial void CheckoutInvalidForTier(ILogger logger, string customerTier, string members);
}

public sealed class ShopApiTelemetry(ILogger<ShopApiTelemetry> logger, Meter meter)
{
    private readonly Histogram<int> _basketSize = meter.CreateHistogram<int>("shopapi.checkout.basket_size", "{item}");

    public void Invalid(CheckoutRequest request, ValidationProblemDetails problem, string customerTier)
    {
        var members = string.Join(",", problem.Errors.Keys);
        ShopLog.CheckoutInvalid(logger, request.CustomerNumber!, members); // leak TC1001 direct
        ShopLog.CheckoutInvalidForTier(logger, customerTier, members); // clean precision-names
        _basketSize.Record(request.ItemCount, new KeyValuePair<string, object?>("customer_tier", customerTier)); // clean precision-names
        Activity.Current?.SetTag(ShopapiAttributes.CustomerEmail, request.Email); // leak TC1001 generated-api
        Activity.Current?.SetBaggage("shop.customer", request.CustomerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("shopapi.checkout.mobile_given", !string.IsNullOrEmpty(request.Mobile)); // clean precision-about
    }
}

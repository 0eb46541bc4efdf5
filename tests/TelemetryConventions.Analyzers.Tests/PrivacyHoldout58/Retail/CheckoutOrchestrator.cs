using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyHoldout58.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout58.Retail;

public enum CheckoutResult
{
    Placed,
    Refused,
    Held,
    Invalid,
}

/// <summary>
/// Places an order: loyalty redemption, card authorisation, fraud screen. Loyalty and fraud failures
/// are wrapped in a <see cref="CheckoutException"/> with a message for the shopper; PSP refusals are
/// handled as they come.
/// </summary>
public sealed class CheckoutOrchestrator(
    IPaymentProvider psp,
    ILoyaltyPlatform loyalty,
    IFraudScreen fraud,
    Pseudonymizer pseudonymizer,
    ILogger<CheckoutOrchestrator> logger,
    Meter meter)
{
    private const string Provider = "adyen";

    private static readonly ActivitySource Source = new("Shop.Checkout");

    private readonly CheckoutPaymentFailuresCounter _failures = meter.CreateCheckoutPaymentFailuresCounter();

    public async Task<CheckoutResult> PlaceAsync(Basket basket, DeliveryAddress address, CancellationToken cancellationToken)
    {
        var customerRef = pseudonymizer.PseudonymizeCheckoutCustomerId(basket.CustomerNumber);
        using var span = Source.StartCheckoutPaymentAuthorize(customerRef, Provider); // clean precision-pseudonym
        span.SetCheckoutOrderId(basket.BasketId); // clean direct

        try
        {
            AddressValidator.Validate(address);
            await RedeemLoyaltyAsync(basket, cancellationToken);
            await psp.AuthoriseAsync(basket, cancellationToken);
            await ScreenAsync(basket, cancellationToken);
            return CheckoutResult.Placed;
        }
        catch (AddressValidationException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            span.Activity?.SetTag("checkout.invalid_fields", string.Join(",", ex.InvalidFields.Keys)); // clean precision-names
            logger.LogWarning("Address rejected: {InvalidFields}", ex.InvalidFields); // leak TC1001 logging-objects
            logger.LogWarning("Address rejected: {Count} fields, postcode length {PostcodeLength}", ex.InvalidFields.Count, address.Postcode.Length); // clean precision-about
            return CheckoutResult.Invalid;
        }
        catch (PspException ex)
        {
            span.SetCheckoutDeclineCode(ex.RefusalCode).RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogCheckoutPaymentFailedEvent(basket.BasketId, ex.Provider, ex.RefusalCode, customerRef, ex.Message); // clean generated-api
            _failures.Add(1, ex.Provider, ex.RefusalCode, ex.Message); // clean exceptions
            return CheckoutResult.Refused;
        }
        catch (CheckoutException ex)
        {
            span.SetCheckoutDeclineCode(ex.Code).RecordException(ex, includeMessage: true); // clean exceptions
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogCheckoutPaymentFailedEvent(basket.BasketId, Provider, ex.Code, customerRef, ex.Message); // clean generated-api
            logger.LogCheckoutPaymentFailedEvent(basket.BasketId, Provider, ex.Code, customerRef, ex.InnerException?.Message); // leak TC1001 generated-api
            _failures.Add(1, Provider, ex.Code, ex.GetBaseException().GetType().Name); // clean precision-names
            _failures.Add(1, Provider, ex.Code, ex.GetBaseException().Message); // leak TC1003 exceptions
            logger.LogError("Checkout of basket {BasketId} failed: {Error}", basket.BasketId, ex.ToString()); // leak TC1001 exceptions
            logger.LogError("Checkout of basket {BasketId} failed: {Error}", basket.BasketId, ex.Message); // clean exceptions
            logger.LogWarning(ex.InnerException, "Cause of checkout failure {Code}", ex.Code); // leak TC1001 exceptions
            return ex.Code == "FRAUD-HOLD" ? CheckoutResult.Held : CheckoutResult.Refused;
        }
        catch (HttpRequestException ex)
        {
            span.Activity?.RecordException(ex); // clean exceptions
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            throw;
        }
    }

    private async Task RedeemLoyaltyAsync(Basket basket, CancellationToken cancellationToken)
    {
        if (basket.LoyaltyCardNumber is null || basket.PointsToRedeem == 0)
        {
            return;
        }
        try
        {
            await loyalty.RedeemAsync(basket.LoyaltyCardNumber, basket.PointsToRedeem, cancellationToken);
        }
        catch (LoyaltyRedemptionException ex)
        {
            Activity.Current?.SetTag("loyalty.shortfall", ex.PointsRequested - ex.Balance); // clean precision-about
            Activity.Current?.SetTag("loyalty.card.last4", basket.LoyaltyCardNumber[^4..]); // clean precision-about
            Activity.Current?.SetTag("loyalty.error", ex.Message); // leak TC1001 exceptions
            throw new CheckoutException("LOYALTY", "Your points could not be redeemed. You have not been charged.", ex);
        }
    }

    private async Task ScreenAsync(Basket basket, CancellationToken cancellationToken)
    {
        try
        {
            await fraud.ScreenAsync(basket, cancellationToken);
        }
        catch (FraudHoldException ex)
        {
            Activity.Current?.SetTag("fraud.score", ex.Score); // clean precision-about
            Activity.Current?.RecordException(ex); // leak TC1001 exceptions
            Activity.Current?.SetTag(CheckoutAttributes.CustomerEmail, basket.Email); // leak TC1001 direct
            logger.LogWarning("Fraud hold on {@Basket}", basket); // leak TC1001 logging-objects
            throw new CheckoutException("FRAUD-HOLD", "Your order is being checked. We will email you shortly.", ex);
        }
    }
}

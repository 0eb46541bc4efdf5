using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout27.Support;

namespace PrivacyHoldout27.Retail;

/// <summary>
/// The platform's subscriber to the checkout source. <c>DiagnosticSource.StartActivity</c> makes the
/// checkout activity current before it writes "….Start", so the observer tags <c>Activity.Current</c>.
/// </summary>
public sealed class CheckoutSpanObserver(ILogger<CheckoutSpanObserver> logger) : IObserver<KeyValuePair<string, object?>>
{
    public IDisposable Subscribe(DiagnosticListener listener) => listener.Subscribe(this);

    public void OnNext(KeyValuePair<string, object?> value)
    {
        var activity = Activity.Current;
        switch (value.Key)
        {
            case "Commerce.Checkout.Place.Start":
                activity?.SetTag("commerce.retailer", PayloadProperty.Read<string>(value.Value, "RetailerId"));
                activity?.SetTag("commerce.basket.lines", PayloadProperty.Read<int>(value.Value, "LineCount"));
                activity?.SetTag("commerce.customer.email", PayloadProperty.Read<string>(value.Value, "Email")); // leak TC1001 cross-member
                break;

            case "Commerce.Checkout.Place.Stop":
                activity?.SetTag("commerce.order.number", PayloadProperty.Read<string>(value.Value, "OrderNumber"));
                activity?.SetTag("commerce.customer.tier", PayloadProperty.Read<string>(value.Value, "CustomerTier")); // clean precision-names
                break;

            case "Commerce.Checkout.PaymentDeclined" when value.Value is PaymentDeclined declined:
                logger.LogInformation("Payment declined: {Decline}", declined); // clean precision-pseudonym
                break;

            case "Commerce.Checkout.Exception":
                if (PayloadProperty.Read<Exception>(value.Value, "Exception") is { } exception)
                {
                    activity?.AddException(exception); // leak TC1001 exceptions
                    activity?.SetTag("error.type", exception.GetType().Name); // clean exceptions
                }

                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}

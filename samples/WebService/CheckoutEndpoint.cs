using System.Diagnostics;
using Cart.Telemetry;
using TelemetryConventions;

namespace Cart;

/// <summary>The body of a checkout request.</summary>
public sealed record CheckoutRequest(string UserId, int Items, string PaymentMethod);

/// <summary>What the checkout answers.</summary>
public sealed record CheckoutResult(string CartId, int Items);

/// <summary>Handles a checkout inside the server span that ASP.NET Core started for the request.</summary>
public sealed class CheckoutEndpoint(Pseudonymizer pseudonymizer)
{
    public IResult Checkout(string cartId, CheckoutRequest request)
    {
        // The framework's span gets the span's typed attributes: the user id only as the pseudonym of its
        // identifier space, the route as the conventions name it. The wrapper never ends the framework's span.
        var span = Activity.Current.EnrichCartCheckout(pseudonymizer.PseudonymizeUserId(request.UserId), "/carts/{cartId}/checkout")
            .SetCartItems(request.Items);
        if (CartPaymentMethodValues.TryParse(request.PaymentMethod, out var method))
        {
            span.SetCartPaymentMethod(method);
        }
        return Results.Ok(new CheckoutResult(cartId, request.Items));
    }
}

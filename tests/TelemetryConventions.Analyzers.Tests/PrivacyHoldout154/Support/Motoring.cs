namespace Motor.Motoring;

// A motoring publisher's reader services.

/// <summary>A reader's valuation request. Prints registration, mileage, postcode and email.</summary>
public sealed record ValuationRequest(string Registration, int Mileage, string Postcode, string Email);

/// <summary>A valuation. Prints request id, make, model, year and trade and retail values.</summary>
public sealed record Valuation(string RequestId, string Make, string Model, int Year, decimal Trade, decimal Retail);

/// <summary>A private seller's advert. Prints ad id, seller id, seller's phone, registration, price and title.</summary>
public sealed record ClassifiedAd(string AdId, string SellerId, string SellerPhone, string Registration, decimal Price, string Title);

/// <summary>An MOT reminder sign-up. Prints registration, email and the due date.</summary>
public sealed record MotReminderSignup(string Registration, string Email, DateOnly Due);

public interface IValuationEngine
{
    Task<Valuation> ValueAsync(ValuationRequest request, CancellationToken cancellationToken = default);
}

public interface IAdStore
{
    Task SaveAsync(ClassifiedAd ad, CancellationToken cancellationToken = default);
}

/// <summary>An advert was refused; quotes the ad id and a reason code.</summary>
public sealed class AdRejectedException(string adId, string reasonCode) : Exception($"Ad {adId} rejected: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>The plate lookup found nothing; quotes the registration.</summary>
public sealed class PlateNotRecognisedException(string registration) : Exception($"Registration {registration} not recognised");

namespace PayKit.Wallets;

// Apple Pay and Google Pay payment data as the browser or app hands it to the merchant's server.

public sealed record ApplePayPaymentMethod(string DisplayName, string Network, string Type);

public sealed record ApplePayContact(string? GivenName, string? FamilyName, string? EmailAddress, string? PhoneNumber, string? PostalCode, string? CountryCode);

/// <summary>The token Apple Pay returns: <c>PaymentData</c> is encrypted for the merchant's payment processing certificate.</summary>
public sealed record ApplePayPaymentToken(string PaymentData, ApplePayPaymentMethod PaymentMethod, string TransactionIdentifier);

public sealed record ApplePayPayment(ApplePayPaymentToken Token, ApplePayContact? BillingContact, ApplePayContact? ShippingContact);

/// <summary>The decrypted payment data: the device account number (a token PAN for the card on that device) and the cryptogram.</summary>
public sealed record ApplePayDecrypted(
    string ApplicationPrimaryAccountNumber,
    string ApplicationExpirationDate,
    string CurrencyCode,
    long TransactionAmount,
    string DeviceManufacturerIdentifier,
    string PaymentDataType,
    string OnlinePaymentCryptogram,
    string? EciIndicator);

public sealed record GooglePayAddress(string? Name, string? PostalCode, string? CountryCode, string? PhoneNumber);

public sealed record GooglePayCardInfo(string CardNetwork, string CardDetails, GooglePayAddress? BillingAddress);

public sealed record GooglePayTokenizationData(string Type, string Token);

public sealed record GooglePayPaymentMethodData(string Type, string Description, GooglePayCardInfo Info, GooglePayTokenizationData TokenizationData);

public sealed record GooglePayPaymentData(int ApiVersion, int ApiVersionMinor, GooglePayPaymentMethodData PaymentMethodData, string? Email);

public sealed class WalletDecryptionException(string message) : Exception(message)
{
}

public interface IApplePayDecryptor
{
    ApplePayDecrypted Decrypt(ApplePayPaymentToken token);
}

public interface IMerchantValidation
{
    Task<string> StartSessionAsync(string validationUrl, string domainName, CancellationToken cancellationToken = default);
}

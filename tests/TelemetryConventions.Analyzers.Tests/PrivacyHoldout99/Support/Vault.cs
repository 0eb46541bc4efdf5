namespace PayKit.Vault;

// A PCI card vault and a network tokenisation service, in the shape of the card vaults and token
// service providers merchants use: the raw PAN goes in, a token comes back.

/// <summary>A vault token. Format-preserving tokens keep the BIN and the last four; a deterministic token is the same for the same PAN.</summary>
public sealed record VaultToken(string Token, string Bin, string Last4, string Brand, bool Deterministic, DateTimeOffset CreatedAt);

/// <summary>A scheme network token (a token PAN the scheme routes in place of the card), with its cryptogram for one payment.</summary>
public sealed record NetworkToken(string TokenReferenceId, string TokenPan, string TokenExpiry, string PaymentAccountReference, string TokenRequestorId, string Status);

public sealed record Cryptogram(string Value, string Eci, DateTimeOffset ExpiresAt);

public sealed class VaultException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The vault's Luhn check: "Card number 4…1 failed the Luhn check" quotes the number that was sent.</summary>
public sealed class InvalidCardNumberException(string cardNumber)
    : Exception($"Card number {cardNumber} failed the Luhn check")
{
}

public interface ICardVault
{
    Task<VaultToken> TokenizeAsync(string pan, int expMonth, int expYear, CancellationToken cancellationToken = default);

    Task<string> DetokenizeAsync(string token, CancellationToken cancellationToken = default);

    Task DeleteAsync(string token, CancellationToken cancellationToken = default);
}

public interface ITokenService
{
    Task<NetworkToken> ProvisionAsync(string pan, string expiry, string cardholderName, CancellationToken cancellationToken = default);

    Task<Cryptogram> CryptogramAsync(string tokenReferenceId, long amount, CancellationToken cancellationToken = default);

    Task<NetworkToken> GetAsync(string tokenReferenceId, CancellationToken cancellationToken = default);
}
